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
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One decision on one review task; a task is decided once (unique task id). */
@Entity
@Table(name = "access_decision")
public class AccessDecision {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "request_id")
  private AccessRequest request;

  @Column(name = "task_id", nullable = false, unique = true)
  private String taskId;

  @Column(nullable = false)
  private int layer;

  @Column(nullable = false)
  private String actor;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Decision decision;

  @Column(length = 4000)
  private String comment;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected AccessDecision() {}

  AccessDecision(
      AccessRequest request,
      String taskId,
      int layer,
      String actor,
      Decision decision,
      String comment,
      Instant decidedAt) {
    this.request = Objects.requireNonNull(request, "request is required");
    this.taskId = Objects.requireNonNull(taskId, "task is required");
    this.layer = layer;
    this.actor = Objects.requireNonNull(actor, "actor is required");
    this.decision = Objects.requireNonNull(decision, "decision is required");
    this.comment = comment;
    this.decidedAt = Objects.requireNonNull(decidedAt, "decision time is required");
  }

  public boolean byReviewer() {
    return decision.byReviewer();
  }

  public int layer() {
    return layer;
  }

  public String actor() {
    return actor;
  }

  public Decision decision() {
    return decision;
  }

  public String comment() {
    return comment;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
