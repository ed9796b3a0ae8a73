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
 * A request for a focused audit of computer activity: which members, which systems, which time
 * range and why; the Information Technology Bureau approves or refuses it.
 */
@Entity
@Table(name = "focused_audit")
@NamedQuery(
    name = FocusedAudit.VISIBLE,
    query =
        "select a from FocusedAudit a where :requester is null or a.requestedBy = :requester"
            + " order by a.requestedAt desc, a.id desc")
@NamedQuery(
    name = FocusedAudit.COUNT_VISIBLE,
    query =
        "select count(a) from FocusedAudit a where :requester is null or a.requestedBy = :requester")
public class FocusedAudit {

  public static final String VISIBLE = "FocusedAudit.visible";
  public static final String COUNT_VISIBLE = "FocusedAudit.countVisible";

  public enum Status {
    REQUESTED,
    APPROVED,
    REFUSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Column(name = "requester_command")
  private String requesterCommand;

  @Column(name = "requested_at", nullable = false)
  private Instant requestedAt;

  @Column(name = "period_from", nullable = false)
  private Instant from;

  @Column(name = "period_to", nullable = false)
  private Instant to;

  @Column(nullable = false, length = 4000)
  private String reason;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decision_note")
  private String decisionNote;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @ElementCollection
  @CollectionTable(name = "focused_audit_member", joinColumns = @JoinColumn(name = "audit_id"))
  @Column(name = "tax_number")
  private Set<String> members = new LinkedHashSet<>();

  @ElementCollection
  @CollectionTable(name = "focused_audit_system", joinColumns = @JoinColumn(name = "audit_id"))
  @Column(name = "system")
  private Set<String> systems = new LinkedHashSet<>();

  protected FocusedAudit() {}

  public FocusedAudit(
      String businessKey,
      String requestedBy,
      String requesterCommand,
      Instant requestedAt,
      Set<String> members,
      Set<String> systems,
      Instant from,
      Instant to,
      String reason) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.requesterCommand = requesterCommand;
    this.requestedAt = Objects.requireNonNull(requestedAt);
    this.members.addAll(members);
    this.systems.addAll(systems);
    this.from = Objects.requireNonNull(from);
    this.to = Objects.requireNonNull(to);
    this.reason = Objects.requireNonNull(reason);
    this.status = Status.REQUESTED;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void decide(boolean approved, String by, Instant at, String note) {
    this.status = approved ? Status.APPROVED : Status.REFUSED;
    this.decidedBy = by;
    this.decidedAt = at;
    this.decisionNote = note;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public String requesterCommand() {
    return requesterCommand;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public Instant from() {
    return from;
  }

  public Instant to() {
    return to;
  }

  public String reason() {
    return reason;
  }

  public Status status() {
    return status;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String decisionNote() {
    return decisionNote;
  }

  public Set<String> members() {
    return members;
  }

  public Set<String> systems() {
    return systems;
  }
}
