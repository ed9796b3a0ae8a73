package org.custodian.oversight.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * An allegation that a member misused a covered system, with the events and grants it is about.
 * Policies: "Allegations of misuse are internally investigated at the command level or by the
 * Internal Affairs Bureau (IAB)."
 */
@Entity
@Table(name = "misuse_allegation")
@NamedQuery(
    name = MisuseAllegation.VISIBLE,
    query =
        "select a from MisuseAllegation a where :everything = true"
            + " or (a.status <> org.custodian.oversight.entity.MisuseAllegation.Status.IAB"
            + " and (a.filedBy = :filedBy or a.commandId = :command))"
            + " order by a.filedAt desc, a.id desc")
@NamedQuery(
    name = MisuseAllegation.COUNT_VISIBLE,
    query =
        "select count(a) from MisuseAllegation a where :everything = true"
            + " or (a.status <> org.custodian.oversight.entity.MisuseAllegation.Status.IAB"
            + " and (a.filedBy = :filedBy or a.commandId = :command))")
public class MisuseAllegation {

  public static final String VISIBLE = "MisuseAllegation.visible";
  public static final String COUNT_VISIBLE = "MisuseAllegation.countVisible";

  /** Where the case is. */
  public enum Status {
    /** Internal Affairs decides who investigates. */
    TRIAGE,
    /** Investigated at the command level: its Commanding Officer and Integrity Control Officer. */
    COMMAND,
    /** Investigated by Internal Affairs: the member's command does not see it. */
    IAB,
    CLOSED
  }

  /** How an investigation ended. */
  public enum Outcome {
    UNFOUNDED,
    UNSUBSTANTIATED,
    SUBSTANTIATED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "member_id", nullable = false)
  private long memberId;

  @Column(name = "command_id", nullable = false)
  private long commandId;

  @Column(name = "filed_by", nullable = false)
  private String filedBy;

  @Column(name = "filed_at", nullable = false)
  private Instant filedAt;

  @Column(nullable = false, length = 4000)
  private String summary;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(length = 4000)
  private String conclusion;

  @Column(name = "closed_by")
  private String closedBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @ElementCollection
  @CollectionTable(
      name = "misuse_allegation_event",
      joinColumns = @JoinColumn(name = "allegation_id"))
  @Column(name = "event_id")
  private Set<Long> eventIds = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(
      name = "misuse_allegation_grant",
      joinColumns = @JoinColumn(name = "allegation_id"))
  @Column(name = "grant_id")
  private Set<Long> grantIds = new LinkedHashSet<>();

  protected MisuseAllegation() {}

  public MisuseAllegation(
      String businessKey,
      long memberId,
      long commandId,
      String filedBy,
      Instant filedAt,
      String summary,
      Set<Long> eventIds,
      Set<Long> grantIds) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.memberId = memberId;
    this.commandId = commandId;
    this.filedBy = Objects.requireNonNull(filedBy);
    this.filedAt = Objects.requireNonNull(filedAt);
    this.summary = Objects.requireNonNull(summary);
    this.status = Status.TRIAGE;
    this.eventIds.addAll(eventIds);
    this.grantIds.addAll(grantIds);
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void routeTo(Status holder) {
    if (holder != Status.COMMAND && holder != Status.IAB) {
      throw new IllegalArgumentException("an allegation goes to the command or to IAB");
    }
    this.status = holder;
  }

  public void close(Outcome outcome, String conclusion, String by, Instant at) {
    this.status = Status.CLOSED;
    this.outcome = Objects.requireNonNull(outcome);
    this.conclusion = conclusion;
    this.closedBy = by;
    this.closedAt = at;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public long memberId() {
    return memberId;
  }

  public long commandId() {
    return commandId;
  }

  public String filedBy() {
    return filedBy;
  }

  public Instant filedAt() {
    return filedAt;
  }

  public String summary() {
    return summary;
  }

  public Status status() {
    return status;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String conclusion() {
    return conclusion;
  }

  public String closedBy() {
    return closedBy;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public Set<Long> eventIds() {
    return eventIds;
  }

  public Set<Long> grantIds() {
    return grantIds;
  }
}
