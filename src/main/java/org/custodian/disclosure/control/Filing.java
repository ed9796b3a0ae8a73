package org.custodian.disclosure.control;

import java.util.List;
import java.util.Set;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;

/** A disclosure request as the member files it (screen or API), before any rule is applied. */
public record Filing(
    String recipientName,
    String recipientOrganization,
    RecipientKind recipientKind,
    String recipientVerification,
    List<Disclosure.Subject> subjects,
    Set<DataCategory> dataCategories,
    String sourceTechnology,
    PurposeCategory purposeCategory,
    String purpose,
    int basis,
    Evidence evidence) {

  /** What the basis rests on; each basis reads its own fields. */
  public record Evidence(
      Long authorizationDocumentId,
      Disclosure.SignedBy signedBy,
      String lawCitation,
      String missionRationale,
      Long preApprovalId,
      Long routineDesignationId,
      String incidentNumber,
      String agency,
      String agencyReference) {

    public static final Evidence NONE =
        new Evidence(null, null, null, null, null, null, null, null, null);
  }
}
