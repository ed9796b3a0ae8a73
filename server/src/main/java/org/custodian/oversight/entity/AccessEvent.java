package org.custodian.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One event a covered system reported: a member's login, search, view, export or print, as the
 * system logged it. Kept as received; each is also an entry of the audit log.
 */
@Entity
@Immutable
@Table(name = "access_event")
@NamedQuery(name = AccessEvent.WITH_IDS, query = "select e from AccessEvent e where e.id in :ids")
@NamedQuery(
    name = AccessEvent.KNOWN_IDS,
    query =
        "select e.eventId from AccessEvent e where e.technologyId = :technology and e.eventId in :ids")
public class AccessEvent {

  public static final String KNOWN_IDS = "AccessEvent.knownIds";
  public static final String WITH_IDS = "AccessEvent.withIds";

  /** What the member did in the covered system. */
  public enum Action {
    LOGIN,
    SEARCH,
    VIEW,
    EXPORT,
    PRINT
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_event_seq")
  @SequenceGenerator(
      name = "access_event_seq",
      sequenceName = "access_event_seq",
      allocationSize = org.custodian.platform.Sequences.ALLOCATION)
  private Long id;

  @Column(name = "technology_id", nullable = false)
  private long technologyId;

  @Column(name = "event_id", nullable = false)
  private String eventId;

  @Column(nullable = false)
  private Instant at;

  @Column(name = "member_tax_number", nullable = false)
  private String memberTaxNumber;

  @Column(name = "member_id")
  private Long memberId;

  /** The member's command when the event arrived: its Commanding Officer audits the event. */
  @Column(name = "command_id")
  private Long commandId;

  @Column(nullable = false)
  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  private Action action;

  private String subject;

  @Column(name = "record_ref")
  private String record;

  private String purpose;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "reported_by", nullable = false)
  private String reportedBy;

  protected AccessEvent() {}

  public AccessEvent(
      long technologyId,
      String eventId,
      Instant at,
      String memberTaxNumber,
      Long memberId,
      Long commandId,
      Action action,
      String subject,
      String record,
      String purpose,
      Instant receivedAt,
      String reportedBy) {
    this.technologyId = technologyId;
    this.eventId = eventId;
    this.at = at;
    this.memberTaxNumber = memberTaxNumber;
    this.memberId = memberId;
    this.commandId = commandId;
    this.action = action;
    this.subject = subject;
    this.record = record;
    this.purpose = purpose;
    this.receivedAt = receivedAt;
    this.reportedBy = reportedBy;
  }

  public Long id() {
    return id;
  }

  public long technologyId() {
    return technologyId;
  }

  public String eventId() {
    return eventId;
  }

  public Instant at() {
    return at;
  }

  public String memberTaxNumber() {
    return memberTaxNumber;
  }

  public Long memberId() {
    return memberId;
  }

  public Long commandId() {
    return commandId;
  }

  public Action action() {
    return action;
  }

  public String subject() {
    return subject;
  }

  public String record() {
    return record;
  }

  public String reportedBy() {
    return reportedBy;
  }

  public String purpose() {
    return purpose;
  }
}
