package org.custodian.breach.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.platform.Actor;

/**
 * A breach case as the API shows it. The City CPO sees what was reported to them (the APO's summary
 * for the CPO, the kind of recipient, the categories, the count), never the agency's internal
 * assessment notes, how the APO came to be aware earlier, the affected people's names (their
 * number, and each letter's status), or the reporter's own words and name: the summary, to whom and
 * how it was found are free text a member wrote, and may name people. Nor which of the agency's
 * staff reported to them or proposed the notification: the office did ("the Agency Privacy
 * Officer"), as the case's audit card shows the City CPO what happened and when, not who.
 */
public record BreachView(
    long id,
    String businessKey,
    String status,
    String reportedBy,
    Instant arrivedAt,
    Instant awareAt,
    String awareReason,
    Instant cpoDeadline,
    boolean overdue,
    Instant overdueAt,
    Long lateSeconds,
    String summary,
    String disclosedTo,
    String recipientKind,
    Instant disclosedAt,
    String discoveredHow,
    List<String> dataCategories,
    Affected affectedIndividuals,
    List<Long> ledgerEntryIds,
    String cause,
    String assessmentNotes,
    String assessedBy,
    Instant assessedAt,
    String cpoSummary,
    Instant reportedToCpoAt,
    String reportedToCpoBy,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Notification notification,
    Instant closedAt) {

  public record Affected(int count, List<String> names) {}

  /** The notification decision and, once concurred, each written notification. */
  public record Notification(
      Boolean notifyIndividuals,
      List<String> grounds,
      String rationale,
      String proposedBy,
      Instant proposedAt,
      String cpoConcurredBy,
      Instant cpoConcurredAt,
      String cpoObjection,
      List<Letter> letters) {}

  /** One letter; the City CPO sees its status, not whom it is for. */
  public record Letter(
      long id, String personName, String status, String method, Instant sentAt, String efforts) {}

  static BreachView of(BreachReport b, BreachPolicy policy, Actor viewer) {
    return of(b, policy, viewer, List.of());
  }

  /**
   * What the viewer may see of the case ({@link BreachPolicy}): internals and names, or neither.
   */
  static BreachView of(
      BreachReport b, BreachPolicy policy, Actor viewer, List<BreachNotification> letters) {
    boolean internal = policy.seesInternals(viewer);
    boolean names = policy.seesNames(viewer, b);
    Duration late = b.lateness();
    return new BreachView(
        b.id(),
        b.businessKey(),
        b.status().name(),
        names ? b.reportedBy() : null,
        b.arrivedAt(),
        b.awareAt(),
        internal ? b.awareReason() : null,
        b.cpoDeadline(),
        b.overdue(),
        b.overdueAt(),
        late.isZero() ? null : late.toSeconds(),
        names ? b.summary() : null,
        names ? b.disclosedTo() : null,
        b.recipientKind() == null ? null : b.recipientKind().name(),
        b.disclosedAt(),
        names ? b.discoveredHow() : null,
        b.dataCategories().stream().map(DataCategory::name).sorted().toList(),
        new Affected(b.affectedCount(), names ? List.copyOf(b.affectedPeople()) : List.of()),
        List.copyOf(b.disclosureIds()),
        b.cause() == null ? null : b.cause().name(),
        internal ? b.assessmentNotes() : null,
        internal ? b.assessedBy() : null,
        internal ? b.assessedAt() : null,
        b.cpoSummary(),
        b.reportedToCpoAt(),
        names ? b.reportedToCpoBy() : null,
        b.acknowledgedAt(),
        b.acknowledgedBy(),
        b.notificationProposedAt() == null && b.cpoObjection() == null
            ? null
            : new Notification(
                b.notifyIndividuals(),
                b.notificationGrounds().stream().map(Enum::name).toList(),
                b.notificationRationale(),
                names ? b.notificationProposedBy() : null,
                b.notificationProposedAt(),
                b.cpoConcurredBy(),
                b.cpoConcurredAt(),
                b.cpoObjection(),
                letters.stream()
                    .map(
                        n ->
                            new Letter(
                                n.id(),
                                names ? n.personName() : null,
                                n.status().name(),
                                n.method(),
                                n.sentAt(),
                                internal ? n.efforts() : null))
                    .toList()),
        b.closedAt());
  }
}
