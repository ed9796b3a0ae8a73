package org.custodian.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One command's misuse audit of one period: a random sample of its members' access events (drawn
 * with {@link #seed()} from the {@link #population()} events of the period that had arrived when it
 * opened) and every finding still open, each reviewed by the Commanding Officer.
 */
@Entity
@Table(name = "misuse_audit")
@NamedQuery(
    name = MisuseAudit.OF_PERIOD,
    query =
        "select a from MisuseAudit a where a.periodStart = :start order by a.commandId, a.id desc")
@NamedQuery(
    name = MisuseAudit.RECENT,
    query = "select a from MisuseAudit a order by a.openedAt desc, a.id desc")
@NamedQuery(
    name = MisuseAudit.OF_COMMAND_AND_PERIOD,
    query =
        "select count(a) from MisuseAudit a where a.commandId = :command"
            + " and a.periodStart = :start")
public class MisuseAudit {

  public static final String OF_PERIOD = "MisuseAudit.ofPeriod";
  public static final String RECENT = "MisuseAudit.recent";
  public static final String OF_COMMAND_AND_PERIOD = "MisuseAudit.ofCommandAndPeriod";

  public enum Status {
    OPEN,
    COMPLETED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "command_id", nullable = false)
  private long commandId;

  @Column(name = "period_start", nullable = false)
  private Instant periodStart;

  @Column(name = "period_end", nullable = false)
  private Instant periodEnd;

  @Column(nullable = false)
  private long seed;

  @Column(name = "sample_size", nullable = false)
  private int sampleSize;

  @Column(nullable = false)
  private int population;

  @Column(nullable = false)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "escalated_at")
  private Instant escalatedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  private String completedBy;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected MisuseAudit() {}

  public MisuseAudit(
      String businessKey,
      long commandId,
      Instant periodStart,
      Instant periodEnd,
      long seed,
      int sampleSize,
      int population,
      Instant openedAt,
      Instant dueAt) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.commandId = commandId;
    this.periodStart = Objects.requireNonNull(periodStart);
    this.periodEnd = Objects.requireNonNull(periodEnd);
    this.seed = seed;
    this.sampleSize = sampleSize;
    this.population = population;
    this.status = Status.OPEN;
    this.openedAt = Objects.requireNonNull(openedAt);
    this.dueAt = Objects.requireNonNull(dueAt);
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void escalated(Instant at) {
    this.escalatedAt = at;
  }

  public void complete(String by, Instant at) {
    this.status = Status.COMPLETED;
    this.completedBy = by;
    this.completedAt = at;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public long commandId() {
    return commandId;
  }

  public Instant periodStart() {
    return periodStart;
  }

  public Instant periodEnd() {
    return periodEnd;
  }

  public long seed() {
    return seed;
  }

  public int sampleSize() {
    return sampleSize;
  }

  public int population() {
    return population;
  }

  public Status status() {
    return status;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant escalatedAt() {
    return escalatedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public String completedBy() {
    return completedBy;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
