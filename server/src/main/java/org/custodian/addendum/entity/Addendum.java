package org.custodian.addendum.entity;

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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.custodian.platform.ConflictException;
import org.custodian.policy.entity.PolicyDocument;

/**
 * An addendum to a technology's impact and use policy, from the first draft to its publication as
 * the policy's next version (the POST Act: a proposed policy is posted for public comment, the
 * comment period is 45 days, the final version follows within 45 days after it closes).
 */
@Entity
@Table(name = "addendum")
@NamedQuery(
    name = Addendum.ALL,
    query = "select a from Addendum a join fetch a.policy order by a.openedAt desc")
@NamedQuery(
    name = Addendum.PUBLIC,
    query =
        "select a from Addendum a join fetch a.policy where a.commentOpenedAt is not null order by a.commentOpenedAt desc")
public class Addendum {

  public static final String ALL = "Addendum.all";
  public static final String PUBLIC = "Addendum.public";

  public enum Status {
    /** The author writes (or revises) the proposed text. */
    DRAFTING,
    /** Legal and privacy review, in parallel. */
    IN_REVIEW,
    /** The Commissioner decides whether the draft is published for comment. */
    AWAITING_APPROVAL,
    OPEN_FOR_COMMENT,
    /** The window closed: the author answers the comments and writes the final text. */
    RESPONDING,
    FINAL_REVIEW,
    AWAITING_FINAL_APPROVAL,
    PUBLISHED,
    /** Abandoned before publication (the new use will not go ahead, or starts over). */
    WITHDRAWN;

    public boolean beforeComment() {
      return ordinal() < OPEN_FOR_COMMENT.ordinal();
    }

    public boolean finished() {
      return this == PUBLISHED || this == WITHDRAWN;
    }
  }

  /** What the public sees of an addendum once it was published for comment. */
  public enum PublicStatus {
    OPEN_FOR_COMMENT("Open for comment"),
    COMMENT_PERIOD_CLOSED("Comment period closed"),
    PUBLISHED("Published"),
    WITHDRAWN("Withdrawn");

    private final String label;

    PublicStatus(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false)
  private String businessKey;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "policy_document_id")
  private PolicyDocument policy;

  @Column(name = "base_version_id", nullable = false)
  private Long baseVersionId;

  @Column(name = "technology_code", nullable = false)
  private String technology;

  @Column(name = "new_use", nullable = false)
  private String newUse;

  @Column(name = "planned_first_use", nullable = false)
  private LocalDate plannedFirstUse;

  @Column(nullable = false)
  private String author;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "review_round", nullable = false)
  private int round;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "comment_opened_at")
  private Instant commentOpenedAt;

  @Column(name = "comment_closes_at")
  private Instant commentClosesAt;

  @Column(name = "comment_closed_at")
  private Instant commentClosedAt;

  @Column(name = "final_due_at")
  private Instant finalDueAt;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "overdue_at")
  private Instant overdueAt;

  @Column(name = "first_use_warning", nullable = false)
  private boolean firstUseWarning;

  @Column(name = "published_version_id")
  private Long publishedVersionId;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(name = "withdrawn_at")
  private Instant withdrawnAt;

  @Column(name = "withdrawn_reason")
  private String withdrawnReason;

  @Column(name = "open_policy_id")
  private Long openPolicyId;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version private long version;

  protected Addendum() {}

  public Addendum(
      String businessKey,
      PolicyDocument policy,
      Long baseVersionId,
      String technology,
      String newUse,
      LocalDate plannedFirstUse,
      String author,
      Instant now) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.policy = Objects.requireNonNull(policy);
    this.openPolicyId = policy.id();
    this.baseVersionId = Objects.requireNonNull(baseVersionId);
    this.technology = Objects.requireNonNull(technology);
    this.newUse = Objects.requireNonNull(newUse);
    this.plannedFirstUse = Objects.requireNonNull(plannedFirstUse);
    this.author = Objects.requireNonNull(author);
    this.openedAt = Objects.requireNonNull(now);
    this.status = Status.DRAFTING;
    this.round = 0;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private void expect(Status... allowed) {
    for (Status s : allowed) {
      if (status == s) {
        return;
      }
    }
    throw new ConflictException(
        businessKey + " is " + status + ", not " + java.util.Arrays.toString(allowed) + ".");
  }

  /** The author hands the draft (or the final text) to legal and privacy review: a new round. */
  public void submitForReview() {
    expect(Status.DRAFTING, Status.RESPONDING);
    status = status == Status.DRAFTING ? Status.IN_REVIEW : Status.FINAL_REVIEW;
    round++;
  }

  /** Both reviews are in: back to the author if either returned it, else to the Commissioner. */
  public void reviewsDone(boolean returned) {
    expect(Status.IN_REVIEW, Status.FINAL_REVIEW);
    boolean proposed = status == Status.IN_REVIEW;
    if (returned) {
      status = proposed ? Status.DRAFTING : Status.RESPONDING;
    } else {
      status = proposed ? Status.AWAITING_APPROVAL : Status.AWAITING_FINAL_APPROVAL;
    }
  }

  /** The Commissioner returned it to the author. */
  public void returnedByCommissioner() {
    expect(Status.AWAITING_APPROVAL, Status.AWAITING_FINAL_APPROVAL);
    status = status == Status.AWAITING_APPROVAL ? Status.DRAFTING : Status.RESPONDING;
  }

  /**
   * Published for public comment until {@code closesAt}; warned if first use is under 90 days away.
   */
  public void openForComment(Instant now, Instant closesAt, boolean firstUseTooSoon) {
    expect(Status.AWAITING_APPROVAL);
    status = Status.OPEN_FOR_COMMENT;
    commentOpenedAt = now;
    commentClosesAt = closesAt;
    firstUseWarning = firstUseTooSoon;
  }

  public boolean openForComments(Instant now) {
    return status == Status.OPEN_FOR_COMMENT && now.isBefore(commentClosesAt);
  }

  public PublicStatus publicStatus(Instant now) {
    if (status == Status.PUBLISHED || status == Status.WITHDRAWN) {
      return PublicStatus.valueOf(status.name());
    }
    return openForComments(now)
        ? PublicStatus.OPEN_FOR_COMMENT
        : PublicStatus.COMMENT_PERIOD_CLOSED;
  }

  /** When the comment period ended (its timer), or ends. */
  public Instant commentsEndAt() {
    return commentClosedAt != null ? commentClosedAt : commentClosesAt;
  }

  /** The window closed (by its timer): the final version is due by {@code finalDue}. */
  public void closeComments(Instant now, Instant finalDue) {
    expect(Status.OPEN_FOR_COMMENT);
    status = Status.RESPONDING;
    commentClosedAt = now;
    finalDueAt = finalDue;
  }

  public void reminded(Instant now) {
    remindedAt = now;
  }

  /** Not published within 45 days of the window's close; stays overdue once marked. */
  public void markOverdue(Instant now) {
    if (overdueAt == null && status != Status.PUBLISHED) {
      overdueAt = now;
    }
  }

  public void published(Long versionId, Instant now) {
    expect(Status.AWAITING_FINAL_APPROVAL);
    status = Status.PUBLISHED;
    publishedVersionId = versionId;
    publishedAt = now;
    openPolicyId = null;
  }

  /** Abandoned: the policy is free for another addendum; the record and its drafts stay. */
  public void withdraw(Instant now, String reason) {
    if (status.finished()) {
      throw new ConflictException(
          businessKey + " is " + status + " and can no longer be withdrawn.");
    }
    status = Status.WITHDRAWN;
    withdrawnAt = now;
    withdrawnReason = reason;
    openPolicyId = null;
  }

  public Instant withdrawnAt() {
    return withdrawnAt;
  }

  public String withdrawnReason() {
    return withdrawnReason;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public PolicyDocument policy() {
    return policy;
  }

  public Long baseVersionId() {
    return baseVersionId;
  }

  public String technology() {
    return technology;
  }

  public String newUse() {
    return newUse;
  }

  public LocalDate plannedFirstUse() {
    return plannedFirstUse;
  }

  public String author() {
    return author;
  }

  public Status status() {
    return status;
  }

  public int round() {
    return round;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant commentOpenedAt() {
    return commentOpenedAt;
  }

  public Instant commentClosesAt() {
    return commentClosesAt;
  }

  public Instant commentClosedAt() {
    return commentClosedAt;
  }

  public Instant finalDueAt() {
    return finalDueAt;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  public Instant overdueAt() {
    return overdueAt;
  }

  public boolean overdue() {
    return overdueAt != null;
  }

  public boolean firstUseWarning() {
    return firstUseWarning;
  }

  public Long publishedVersionId() {
    return publishedVersionId;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
