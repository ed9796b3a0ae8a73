package org.custodian.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An access event that should not have happened, raised when it arrived: for the member's
 * Commanding Officer and Internal Affairs to look into.
 */
@Entity
@Table(name = "access_finding")
@NamedQuery(
    name = AccessFinding.LIST,
    query =
        "select f from AccessFinding f join fetch f.event"
            + " where (:command is null or f.commandId = :command)"
            + " and (:status is null or f.status = :status)"
            + " order by f.raisedAt desc, f.id desc")
public class AccessFinding {

  public static final String LIST = "AccessFinding.list";

  /** Why the event is a finding. */
  public enum Kind {
    /** The directory has no member with the event's tax number. */
    UNKNOWN_MEMBER,
    /** The member had separated (is no longer active). */
    SEPARATED_MEMBER,
    /**
     * The member's command's functions justify no level of the system (policies: "Access levels are
     * only granted for functions and abilities relevant to individual commands").
     */
    OUTSIDE_FUNCTIONS,
    /** The member held no grant for the system at that instant. */
    NO_GRANT,
    /** The member's grant for the system was suspended at that instant (a misuse case). */
    SUSPENDED_GRANT
  }

  public enum Status {
    OPEN,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_finding_seq")
  @SequenceGenerator(
      name = "access_finding_seq",
      sequenceName = "access_finding_seq",
      allocationSize = org.custodian.platform.Sequences.ALLOCATION)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id")
  private AccessEvent event;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  /** The member's command at intake; none for an unknown member (Internal Affairs only). */
  @Column(name = "command_id")
  private Long commandId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "raised_at", nullable = false)
  private Instant raisedAt;

  protected AccessFinding() {}

  public AccessFinding(AccessEvent event, Kind kind, Long commandId, Instant raisedAt) {
    this.event = event;
    this.kind = kind;
    this.commandId = commandId;
    this.status = Status.OPEN;
    this.raisedAt = raisedAt;
  }

  public Long id() {
    return id;
  }

  public AccessEvent event() {
    return event;
  }

  public Kind kind() {
    return kind;
  }

  public Long commandId() {
    return commandId;
  }

  public Status status() {
    return status;
  }

  public Instant raisedAt() {
    return raisedAt;
  }
}
