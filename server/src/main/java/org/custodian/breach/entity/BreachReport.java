package org.custodian.breach.entity;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;

/**
 * A suspected improper disclosure and the 24-hour clock it starts. Policies (EXTERNAL ENTITIES,
 * 2026): "the NYPD Agency Privacy Officer, upon becoming aware, must report the disclosure to the
 * NYC Chief Privacy Officer within 24 hours." {@code awareAt} is the report's arrival in the APO's
 * inbox, or an earlier instant the APO enters; the deadline is awareAt plus the configured
 * duration. Once the deadline passes unreported the case is overdue for good.
 */
@Entity
@Table(name = "breach_report")
@NamedQuery(
    name = BreachReport.RUNNING_CLOCKS_DUE,
    query =
        "select count(b) from BreachReport b where b.status in"
            + " (org.custodian.breach.entity.BreachReport.Status.ASSESSING,"
            + " org.custodian.breach.entity.BreachReport.Status.CONFIRMED)"
            + " and b.cpoDeadline > :after and b.cpoDeadline <= :until")
public class BreachReport {

  /** Clocks still running (not yet reported to the City CPO) due in a window. */
  public static final String RUNNING_CLOCKS_DUE = "BreachReport.runningClocksDue";

  public static final int MAX_PEOPLE = 500;

  public enum Status {
    /** Waiting for the APO's assessment; the clock runs. */
    ASSESSING,
    /** Not a violation (with the reason): closed. */
    NOT_A_VIOLATION,
    /** A violation: to be reported to the City CPO by the deadline. */
    CONFIRMED,
    /** Reported; waiting for the City CPO's acknowledgment. */
    REPORTED_TO_CPO,
    /** The City CPO acknowledged it; the APO proposes whether to notify the individuals. */
    ACKNOWLEDGED,
    /** The APO proposed; the City CPO concurs or objects. */
    NOTIFICATION_PROPOSED,
    /** Concurred: written notifications go out and are tracked. */
    NOTIFYING,
    /**
     * Done: notified (or efforts documented), or no notification, with the City CPO's concurrence.
     */
    CLOSED
  }

  /**
   * Why individuals are notified (policies: "when there is potential risk of harm to the
   * individual, when the NYPD determines in consultation with the NYC Chief Privacy Officer and the
   * Law Department that notification should occur, or when legally required to do so").
   */
  public enum Ground {
    RISK_OF_HARM,
    DECIDED_WITH_CPO_AND_LAW_DEPARTMENT,
    LEGALLY_REQUIRED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "reported_by", nullable = false)
  private String reportedBy;

  @Column(name = "arrived_at", nullable = false)
  private Instant arrivedAt;

  @Column(nullable = false)
  private String summary;

  @Column(name = "disclosed_to", nullable = false)
  private String disclosedTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "recipient_kind")
  private RecipientKind recipientKind;

  @Column(name = "disclosed_at")
  private Instant disclosedAt;

  @Column(name = "discovered_how", nullable = false)
  private String discoveredHow;

  @Column(name = "affected_count", nullable = false)
  private int affectedCount;

  @ElementCollection
  @CollectionTable(name = "breach_category", joinColumns = @JoinColumn(name = "breach_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false)
  private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

  @ElementCollection
  @CollectionTable(name = "breach_person", joinColumns = @JoinColumn(name = "breach_id"))
  @OrderColumn(name = "position")
  @Column(name = "name", nullable = false)
  private List<String> affectedPeople = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "breach_disclosure", joinColumns = @JoinColumn(name = "breach_id"))
  @Column(name = "disclosure_id", nullable = false)
  private Set<Long> disclosureIds = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "aware_at", nullable = false)
  private Instant awareAt;

  @Column(name = "aware_reason")
  private String awareReason;

  @Column(name = "cpo_deadline", nullable = false)
  private Instant cpoDeadline;

  @Column(name = "overdue_at")
  private Instant overdueAt;

  @Column(name = "assessed_by")
  private String assessedBy;

  @Column(name = "assessed_at")
  private Instant assessedAt;

  @Enumerated(EnumType.STRING)
  private Cause cause;

  @Column(name = "assessment_notes")
  private String assessmentNotes;

  @Column(name = "cpo_summary")
  private String cpoSummary;

  @Column(name = "reported_to_cpo_by")
  private String reportedToCpoBy;

  @Column(name = "reported_to_cpo_at")
  private Instant reportedToCpoAt;

  @Column(name = "acknowledged_by")
  private String acknowledgedBy;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "notify_individuals")
  private Boolean notifyIndividuals;

  @Column(name = "notification_grounds")
  private String notificationGrounds;

  @Column(name = "notification_rationale")
  private String notificationRationale;

  @Column(name = "notification_proposed_by")
  private String notificationProposedBy;

  @Column(name = "notification_proposed_at")
  private Instant notificationProposedAt;

  @Column(name = "cpo_concurred_by")
  private String cpoConcurredBy;

  @Column(name = "cpo_concurred_at")
  private Instant cpoConcurredAt;

  @Column(name = "cpo_objection")
  private String cpoObjection;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version private long version;

  protected BreachReport() {}

  @SuppressWarnings("java:S107") // the report as filed, field by field
  public BreachReport(
      String businessKey,
      String reportedBy,
      Instant arrivedAt,
      String summary,
      String disclosedTo,
      RecipientKind recipientKind,
      Instant disclosedAt,
      String discoveredHow,
      Set<DataCategory> dataCategories,
      int affectedCount,
      List<String> affectedPeople,
      Set<Long> disclosureIds,
      Duration clock) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.reportedBy = Objects.requireNonNull(reportedBy);
    this.arrivedAt = Objects.requireNonNull(arrivedAt);
    this.summary = Objects.requireNonNull(summary);
    this.disclosedTo = Objects.requireNonNull(disclosedTo);
    this.recipientKind = recipientKind;
    this.disclosedAt = disclosedAt;
    this.discoveredHow = Objects.requireNonNull(discoveredHow);
    this.dataCategories =
        dataCategories.isEmpty()
            ? EnumSet.noneOf(DataCategory.class)
            : EnumSet.copyOf(dataCategories);
    this.affectedPeople = new ArrayList<>(affectedPeople);
    this.affectedCount = Math.max(affectedCount, affectedPeople.size());
    this.disclosureIds = new LinkedHashSet<>(disclosureIds);
    this.status = Status.ASSESSING;
    this.awareAt = arrivedAt;
    this.cpoDeadline = arrivedAt.plus(clock);
  }

  /** The APO became aware earlier than the report arrived: the deadline moves with it. */
  public void awareSince(Instant at, String reason, Duration clock) {
    if (at.isAfter(arrivedAt)) {
      throw new IllegalArgumentException("awareAt after arrival");
    }
    this.awareAt = at;
    this.awareReason = Objects.requireNonNull(reason);
    this.cpoDeadline = at.plus(clock);
  }

  public void notAViolation(String by, Instant at, String reason) {
    requireStatus(Status.ASSESSING);
    this.status = Status.NOT_A_VIOLATION;
    this.assessedBy = by;
    this.assessedAt = at;
    this.assessmentNotes = Objects.requireNonNull(reason);
  }

  public void confirm(String by, Instant at, Cause cause, String notes) {
    requireStatus(Status.ASSESSING);
    this.status = Status.CONFIRMED;
    this.assessedBy = by;
    this.assessedAt = at;
    this.cause = Objects.requireNonNull(cause);
    this.assessmentNotes = notes;
  }

  /** The deadline passed before the report went to the City CPO: marked for good. */
  public void overdue(Instant at) {
    if (overdueAt == null && reportedToCpoAt == null) {
      this.overdueAt = at;
    }
  }

  public void reportToCpo(String by, Instant at, String cpoSummary) {
    requireStatus(Status.CONFIRMED);
    this.status = Status.REPORTED_TO_CPO;
    this.reportedToCpoBy = by;
    this.reportedToCpoAt = at;
    this.cpoSummary = Objects.requireNonNull(cpoSummary);
  }

  public void acknowledge(String by, Instant at) {
    requireStatus(Status.REPORTED_TO_CPO);
    this.status = Status.ACKNOWLEDGED;
    this.acknowledgedBy = by;
    this.acknowledgedAt = at;
  }

  /** The APO's proposal: notify (with at least one ground) or not, and why. */
  public void proposeNotification(
      boolean notify, Set<Ground> grounds, String rationale, String by, Instant at) {
    requireStatus(Status.ACKNOWLEDGED);
    this.status = Status.NOTIFICATION_PROPOSED;
    this.notifyIndividuals = notify;
    this.notificationGrounds =
        grounds.stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(","));
    this.notificationRationale = Objects.requireNonNull(rationale);
    this.notificationProposedBy = by;
    this.notificationProposedAt = at;
  }

  /** The City CPO objects: back to the APO with the objection. */
  public void cpoObjects(String objection) {
    requireStatus(Status.NOTIFICATION_PROPOSED);
    this.status = Status.ACKNOWLEDGED;
    this.cpoObjection = Objects.requireNonNull(objection);
  }

  /** The City CPO concurs: notifications go out, or the case closes without them. */
  public void cpoConcurs(String by, Instant at) {
    requireStatus(Status.NOTIFICATION_PROPOSED);
    this.cpoConcurredBy = by;
    this.cpoConcurredAt = at;
    if (Boolean.TRUE.equals(notifyIndividuals)) {
      this.status = Status.NOTIFYING;
    } else {
      close(at);
    }
  }

  public void close(Instant at) {
    this.status = Status.CLOSED;
    this.closedAt = at;
  }

  public Boolean notifyIndividuals() {
    return notifyIndividuals;
  }

  public Set<Ground> notificationGrounds() {
    EnumSet<Ground> grounds = EnumSet.noneOf(Ground.class);
    if (notificationGrounds != null && !notificationGrounds.isBlank()) {
      for (String g : notificationGrounds.split(",")) {
        grounds.add(Ground.valueOf(g));
      }
    }
    return grounds;
  }

  public String notificationRationale() {
    return notificationRationale;
  }

  public String notificationProposedBy() {
    return notificationProposedBy;
  }

  public Instant notificationProposedAt() {
    return notificationProposedAt;
  }

  public String cpoConcurredBy() {
    return cpoConcurredBy;
  }

  public Instant cpoConcurredAt() {
    return cpoConcurredAt;
  }

  public String cpoObjection() {
    return cpoObjection;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new IllegalStateException(businessKey + " is " + status + ", not " + expected);
    }
  }

  /** Overdue: the deadline passed before the report went out (stays so after a late report). */
  public boolean overdue() {
    return overdueAt != null || (reportedToCpoAt != null && reportedToCpoAt.isAfter(cpoDeadline));
  }

  /** How late the report to the City CPO was (zero when on time or not reported). */
  public Duration lateness() {
    return reportedToCpoAt == null || !reportedToCpoAt.isAfter(cpoDeadline)
        ? Duration.ZERO
        : Duration.between(cpoDeadline, reportedToCpoAt);
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public String reportedBy() {
    return reportedBy;
  }

  public Instant arrivedAt() {
    return arrivedAt;
  }

  public String summary() {
    return summary;
  }

  public String disclosedTo() {
    return disclosedTo;
  }

  public RecipientKind recipientKind() {
    return recipientKind;
  }

  public Instant disclosedAt() {
    return disclosedAt;
  }

  public String discoveredHow() {
    return discoveredHow;
  }

  public int affectedCount() {
    return affectedCount;
  }

  public Set<DataCategory> dataCategories() {
    return dataCategories;
  }

  public List<String> affectedPeople() {
    return affectedPeople;
  }

  public Set<Long> disclosureIds() {
    return disclosureIds;
  }

  public Status status() {
    return status;
  }

  public Instant awareAt() {
    return awareAt;
  }

  public String awareReason() {
    return awareReason;
  }

  public Instant cpoDeadline() {
    return cpoDeadline;
  }

  public Instant overdueAt() {
    return overdueAt;
  }

  public String assessedBy() {
    return assessedBy;
  }

  public Instant assessedAt() {
    return assessedAt;
  }

  public Cause cause() {
    return cause;
  }

  public String assessmentNotes() {
    return assessmentNotes;
  }

  public String cpoSummary() {
    return cpoSummary;
  }

  public String reportedToCpoBy() {
    return reportedToCpoBy;
  }

  public Instant reportedToCpoAt() {
    return reportedToCpoAt;
  }

  public String acknowledgedBy() {
    return acknowledgedBy;
  }

  public Instant acknowledgedAt() {
    return acknowledgedAt;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
