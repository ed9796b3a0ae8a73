package org.custodian.disclosure.entity;

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

/**
 * One decision on a disclosure, with who made it, when, and the words: the APO's written approval
 * or denial, the standing authorization that approved it, approval on filing, the APO's review
 * afterwards, or the refusal at filing.
 */
@Entity
@Table(name = "disclosure_decision")
public class DisclosureDecision {

  public enum Kind {
    /** Bases 1-3: "approved in writing by the Agency Privacy Officer". */
    WRITTEN_APPROVAL,
    /** Basis 4: the City CPO's pre-approval that covers it. */
    PRE_APPROVAL_MATCH,
    /** Basis 5: the APO's routine designation that covers it. */
    DESIGNATION_MATCH,
    /** Bases 6-7: approved on filing. */
    APPROVED_ON_FILING,
    /** Bases 6-7: the APO's review after the fact. */
    AFTER_THE_FACT_REVIEW,
    /** Refused at filing: the rules' reason. */
    REFUSAL
  }

  public enum Outcome {
    APPROVE,
    DENY,
    REFUSE,
    /** After the fact: the disclosure was proper. */
    CONFIRM,
    /** After the fact: the APO has a concern (which may become a breach report). */
    CONCERN
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "disclosure_id")
  private Disclosure disclosure;

  @Column(name = "task_id", unique = true)
  private String taskId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String actor;

  @Column(name = "actor_name", nullable = false)
  private String actorName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Outcome decision;

  @Column(nullable = false)
  private String text;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  protected DisclosureDecision() {}

  DisclosureDecision(
      Disclosure disclosure,
      String taskId,
      Kind kind,
      String actor,
      String actorName,
      Outcome decision,
      String text,
      Instant at) {
    this.disclosure = disclosure;
    this.taskId = taskId;
    this.kind = Objects.requireNonNull(kind);
    this.actor = Objects.requireNonNull(actor);
    this.actorName = Objects.requireNonNull(actorName);
    this.decision = Objects.requireNonNull(decision);
    this.text = Objects.requireNonNull(text);
    this.decidedAt = Objects.requireNonNull(at);
  }

  public Long id() {
    return id;
  }

  public Disclosure disclosure() {
    return disclosure;
  }

  public String taskId() {
    return taskId;
  }

  public Kind kind() {
    return kind;
  }

  public String actor() {
    return actor;
  }

  public String actorName() {
    return actorName;
  }

  public Outcome decision() {
    return decision;
  }

  public String text() {
    return text;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
