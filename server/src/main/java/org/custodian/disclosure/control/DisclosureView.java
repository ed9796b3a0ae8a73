package org.custodian.disclosure.control;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDecision;
import org.custodian.disclosure.entity.DisclosureSubject;
import org.custodian.disclosure.entity.StandingAuthorization;

/**
 * A disclosure request as the API shows it; a ledger entry is the same shape, and so is the
 * evidence of a breach report (the breach capability shows ledger entries through it).
 */
public record DisclosureView(
    long id,
    String businessKey,
    String status,
    int basis,
    String basisText,
    String requestedBy,
    Recipient recipient,
    String recipientVerification,
    List<Subject> subjects,
    List<String> dataCategories,
    String sourceTechnology,
    String purposeCategory,
    String purpose,
    Evidence evidence,
    String refusalReason,
    List<Decision> decisions,
    Instant createdAt,
    Instant decidedAt,
    Instant releasedAt,
    String releaseMethod,
    List<DisclosureDocuments.Info> documents,
    Links links) {

  public record Recipient(String name, String organization, String kind) {}

  public record Subject(String name, Map<String, String> identifiers) {}

  public record Evidence(
      Long authorizationDocumentId,
      String signedBy,
      String lawCitation,
      String missionRationale,
      Reference preApproval,
      Reference routineDesignation,
      Reference agreement,
      String incidentNumber,
      String agency,
      String agencyReference) {}

  public record Reference(long id, String reference, String title) {
    static Reference of(StandingAuthorization a) {
      return a == null ? null : new Reference(a.id(), a.reference(), a.title());
    }
  }

  public record Decision(
      String kind, String decision, String by, String byName, String text, Instant at) {
    static Decision of(DisclosureDecision d) {
      return new Decision(
          d.kind().name(), d.decision().name(), d.actor(), d.actorName(), d.text(), d.decidedAt());
    }
  }

  /** Where to read more: the request itself, and its approval letter when there is one. */
  public record Links(String self, String approvalLetter, List<String> evidence) {}

  public static DisclosureView of(Disclosure d, List<DisclosureDocuments.Info> documents) {
    Disclosure.Evidence e = d.evidence();
    StandingAuthorization relied = d.reliedOn();
    boolean preApproval =
        relied != null && relied.kind() == StandingAuthorization.Kind.CPO_PRE_APPROVAL;
    String self = "/api/disclosures/" + d.id();
    return new DisclosureView(
        d.id(),
        d.businessKey(),
        d.status().name(),
        d.basis().number(),
        d.basis().text(),
        d.requestedBy(),
        new Recipient(
            d.recipient().name(), d.recipient().organization(), d.recipient().kind().name()),
        d.recipientVerification(),
        d.subjects().stream().map(DisclosureView::subject).toList(),
        d.dataCategories().stream().map(DataCategory::name).sorted().toList(),
        d.sourceTechnology().code(),
        d.purposeCategory().name(),
        d.purpose(),
        new Evidence(
            e.authorizationDocumentId(),
            e.signedBy() == null ? null : e.signedBy().name(),
            e.lawCitation(),
            e.missionRationale(),
            preApproval ? Reference.of(relied) : null,
            relied != null && !preApproval ? Reference.of(relied) : null,
            Reference.of(d.agreement()),
            e.incidentNumber(),
            e.agency(),
            e.agencyReference()),
        d.refusalReason(),
        d.decisions().stream().map(Decision::of).toList(),
        d.createdAt(),
        d.decidedAt(),
        d.releasedAt(),
        d.releaseMethod(),
        documents,
        new Links(
            self,
            d.writtenApproval().isPresent() ? self + "/approval.pdf" : null,
            documents.stream().map(doc -> self + "/documents/" + doc.id()).toList()));
  }

  /**
   * The entry for someone who may not see the disclosure itself (the City CPO reading a breach's
   * evidence): what went where, when and on which basis, how many people it concerned; never a
   * name, an identifier, the purpose in words, the evidence, the decisions' texts or documents.
   */
  public DisclosureView redacted() {
    return new DisclosureView(
        id,
        businessKey,
        status,
        basis,
        basisText,
        null,
        new Recipient(null, recipient.organization(), recipient.kind()),
        null,
        subjects.stream().map(s -> new Subject(null, Map.of())).toList(),
        dataCategories,
        sourceTechnology,
        purposeCategory,
        null,
        null,
        null,
        List.of(),
        createdAt,
        decidedAt,
        releasedAt,
        null,
        List.of(),
        null);
  }

  private static Subject subject(DisclosureSubject s) {
    return new Subject(
        s.name(),
        s.identifiers().stream()
            .collect(
                Collectors.toMap(
                    DisclosureSubject.Identifier::kind,
                    DisclosureSubject.Identifier::value,
                    (a, b) -> a,
                    java.util.LinkedHashMap::new)));
  }
}
