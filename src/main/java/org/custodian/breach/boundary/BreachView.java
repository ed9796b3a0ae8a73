package org.custodian.breach.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.platform.Actor;
import org.custodian.platform.Roles;

/**
 * A breach case as the API shows it. The City CPO sees what was reported to them, never the
 * agency's internal assessment notes or how the APO came to be aware earlier.
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
    String acknowledgedBy) {

  public record Affected(int count, List<String> names) {}

  static BreachView of(BreachReport b, Actor viewer) {
    boolean internal = viewer.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
    Duration late = b.lateness();
    return new BreachView(
        b.id(),
        b.businessKey(),
        b.status().name(),
        b.reportedBy(),
        b.arrivedAt(),
        b.awareAt(),
        internal ? b.awareReason() : null,
        b.cpoDeadline(),
        b.overdue(),
        late.isZero() ? null : late.toSeconds(),
        b.summary(),
        b.disclosedTo(),
        b.recipientKind() == null ? null : b.recipientKind().name(),
        b.disclosedAt(),
        b.discoveredHow(),
        b.dataCategories().stream().map(DataCategory::name).sorted().toList(),
        new Affected(b.affectedCount(), List.copyOf(b.affectedPeople())),
        List.copyOf(b.disclosureIds()),
        b.cause() == null ? null : b.cause().name(),
        internal ? b.assessmentNotes() : null,
        internal ? b.assessedBy() : null,
        internal ? b.assessedAt() : null,
        b.cpoSummary(),
        b.reportedToCpoAt(),
        b.reportedToCpoBy(),
        b.acknowledgedAt(),
        b.acknowledgedBy());
  }
}
