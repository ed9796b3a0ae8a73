package org.custodian.access.entity;

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
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;

/**
 * A reassignment or separation sent by the department's HR system. Policies: "Case management
 * system access levels are determined by an officer's assignment and are rescinded when that
 * officer's assignment no longer requires its use"; record-system levels "are adjusted or removed".
 */
@Entity
@Table(name = "personnel_event")
@NamedQuery(
    name = PersonnelEvent.BY_KEY,
    query = "select e from PersonnelEvent e where e.idempotencyKey = :key")
@NamedQuery(
    name = PersonnelEvent.STARTED_OF_MEMBER,
    query =
        "select e from PersonnelEvent e where e.member.id = :member and e.processInstanceId is not null")
public class PersonnelEvent {

  public static final String BY_KEY = "PersonnelEvent.byKey";
  public static final String STARTED_OF_MEMBER = "PersonnelEvent.startedOfMember";

  public enum Type {
    REASSIGNED,
    SEPARATED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "member_id")
  private Member member;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Type type;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "previous_command_id")
  private Command previousCommand;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "new_command_id")
  private Command newCommand;

  @Column(name = "effective_at", nullable = false)
  private Instant effectiveAt;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "received_by", nullable = false)
  private String receivedBy;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(length = 4000)
  private String outcome;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected PersonnelEvent() {}

  public PersonnelEvent(
      String businessKey,
      Member member,
      Type type,
      Command newCommand,
      Instant effectiveAt,
      Instant receivedAt,
      String receivedBy) {
    this.businessKey = Objects.requireNonNull(businessKey, "business key is required");
    this.member = Objects.requireNonNull(member, "member is required");
    this.type = Objects.requireNonNull(type, "type is required");
    if (type == Type.REASSIGNED) {
      Objects.requireNonNull(newCommand, "a reassignment names the new command");
    }
    this.previousCommand = member.command();
    this.newCommand = newCommand;
    // microseconds: what the database keeps, so the first answer and every repeat say the same
    // instant
    this.effectiveAt =
        Objects.requireNonNull(effectiveAt, "effective instant is required")
            .truncatedTo(ChronoUnit.MICROS);
    this.receivedAt = Objects.requireNonNull(receivedAt, "receipt time is required");
    this.receivedBy = Objects.requireNonNull(receivedBy, "receiver is required");
    this.idempotencyKey = idempotencyKey(member.id(), type, effectiveAt);
  }

  /** The same member, type and effective instant: the same event. */
  public static String idempotencyKey(long memberId, Type type, Instant effectiveAt) {
    return memberId + ":" + type + ":" + effectiveAt.toEpochMilli();
  }

  public void started(String processInstanceId, String outcome) {
    this.processInstanceId = processInstanceId;
    this.outcome = outcome;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public Member member() {
    return member;
  }

  public Type type() {
    return type;
  }

  public Command previousCommand() {
    return previousCommand;
  }

  public Command newCommand() {
    return newCommand;
  }

  public Instant effectiveAt() {
    return effectiveAt;
  }

  public String outcome() {
    return outcome;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
