package org.custodian.disclosure.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;

/**
 * A request to disclose identifying information, as a member files it ({@code POST
 * /api/disclosures}, the "New disclosure request" screen), before any rule of the policies is
 * applied: who receives it and how they were confirmed, whose information, which kinds, from which
 * system, for what purpose, on which of the seven lawful bases, with that basis' evidence.
 */
public record FileDisclosure(
    @NotNull(message = "Name the recipient.") @Valid Recipient recipient,
    @NotBlank(message = "Say how the recipient's identity and affiliation were confirmed.")
        @Size(max = Disclosure.MAX_VERIFICATION)
        String recipientVerification,
    @NotEmpty(message = "Name at least one data subject.") @Size(max = Disclosure.MAX_SUBJECTS)
        List<@NotNull @Valid Subject> subjects,
    @NotEmpty(message = "Choose the kinds of identifying information.")
        Set<DataCategory> dataCategories,
    @NotBlank(message = "Choose the system the information comes from.") @Size(max = 40)
        String sourceTechnology,
    @NotNull(message = "Choose the purpose.") PurposeCategory purposeCategory,
    @NotBlank(message = "Describe the purpose.") @Size(max = Disclosure.MAX_PURPOSE) String purpose,
    @NotNull(message = "Choose the lawful basis (1 to 7).") @Min(1) @Max(7) Integer basis,
    @Valid Evidence evidence) {

  /** Who receives the information. */
  public record Recipient(
      @NotBlank(message = "Name the recipient.") @Size(max = 200) String name,
      @NotBlank(message = "Name the recipient's organization.") @Size(max = 200)
          String organization,
      @NotNull(message = "Choose the kind of recipient.") RecipientKind kind) {}

  /** A person whose information is disclosed: the name, and identifiers such as licensePlate. */
  public record Subject(
      @NotBlank(message = "Name the data subject.") @Size(max = 200) String name,
      @Size(max = 20)
          Map<
                  @Pattern(
                      regexp = "[a-z][A-Za-z0-9]{1,39}",
                      message = "is not a known kind of identifier")
                  String,
                  @NotBlank @Size(max = 200) String>
              identifiers) {

    /** As the entity keeps it: the name and identifiers stripped of surrounding blanks. */
    Disclosure.Subject entity() {
      Map<String, String> ids = new java.util.LinkedHashMap<>();
      if (identifiers != null) {
        identifiers.forEach((kind, value) -> ids.put(kind, value.strip()));
      }
      return new Disclosure.Subject(name.strip(), ids);
    }
  }

  /** What the basis rests on; each basis reads its own fields. */
  public record Evidence(
      @Positive Long authorizationDocumentId,
      Disclosure.SignedBy signedBy,
      @Size(max = 1000) String lawCitation,
      @Size(max = 4000) String missionRationale,
      @Positive Long preApprovalId,
      @Positive Long routineDesignationId,
      @Size(max = 100) String incidentNumber,
      @Size(max = 200) String agency,
      @Size(max = 200) String agencyReference) {

    public static final Evidence NONE =
        new Evidence(null, null, null, null, null, null, null, null, null);
  }

  /** The evidence given, or none. */
  public Evidence evidenceOrNone() {
    return evidence == null ? Evidence.NONE : evidence;
  }
}
