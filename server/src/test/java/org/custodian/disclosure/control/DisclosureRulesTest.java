package org.custodian.disclosure.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.disclosure.entity.Basis;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.PurposeCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filing rules that need no database: immigration enforcement in any wording; evidence per
 * basis.
 */
class DisclosureRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Assist ICE with a detainer on the subject",
        "Requested by I.C.E. field office",
        "for the subject's deportation",
        "Removal proceedings against the arrestee",
        "Immigration and Customs Enforcement asked for the address",
        "civil immigration warrant service",
        "Share with Enforcement and Removal Operations",
        "check immigration status checks for Homeland Security Investigations",
        "287(g) task force",
        "locate an illegal alien",
        "IMMIGRATION ENFORCEMENT",
        "immigration\u00ADenforcement with a soft hyphen",
        "im\u200Bmigration enforcement split by a zero-width space",
        "CBP border request",
        "visa overstay investigation"
      })
  void anyWordingOfImmigrationEnforcementIsRefused(String purpose) {
    assertTrue(
        DisclosureRules.immigrationEnforcement(PurposeCategory.OTHER, purpose).isPresent(),
        purpose);
  }

  /**
   * The refusal quotes the words it found, with the characters between them squeezed: a purpose of
   * "immigration", thousands of hyphens and "enforcement" (within its 4,000 characters) made a
   * reason longer than the 2,000 its column holds.
   */
  @Test
  void theReasonQuotesTheWordsNotWhatWasBetweenThem() {
    String reason =
        DisclosureRules.immigrationEnforcement(
                PurposeCategory.OTHER, "immigration" + "-".repeat(3900) + "enforcement")
            .orElseThrow();
    assertEquals(
        "The request is in furtherance of immigration enforcement (\"immigration enforcement\").",
        reason);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "U visa certification for the victim of a felony assault",
        "Notice to the victim's advocate about the court date",
        "Police surveillance of a protest is not involved",
        "The price of ice cream trucks' permits",
        "Address of a witness for the District Attorney"
      })
  void otherPurposesAreNotMistakenForIt(String purpose) {
    assertFalse(
        DisclosureRules.immigrationEnforcement(PurposeCategory.CRIMINAL_INVESTIGATION, purpose)
            .isPresent(),
        purpose);
  }

  @Test
  void theCategoryAloneIsEnoughAndTheRecipientCountsToo() {
    assertTrue(
        DisclosureRules.immigrationEnforcement(
                PurposeCategory.IMMIGRATION_ENFORCEMENT, "Records check")
            .isPresent());
    assertTrue(
        DisclosureRules.immigrationEnforcement(
                PurposeCategory.CRIMINAL_INVESTIGATION,
                "Records check",
                "U.S. Immigration and Customs Enforcement")
            .isPresent());
  }

  @ParameterizedTest
  @EnumSource(Basis.class)
  void everyBasisNamesItsMissingEvidence(Basis basis) {
    List<String> missing = DisclosureRules.missingEvidence(basis, FileDisclosure.Evidence.NONE);
    assertFalse(missing.isEmpty());
    assertTrue(missing.get(0).startsWith("Basis " + basis.number() + " needs"), missing.toString());
  }

  @Test
  void completeEvidenceIsAccepted() {
    assertEquals(
        List.of(),
        DisclosureRules.missingEvidence(
            Basis.WRITTEN_AUTHORIZATION,
            new FileDisclosure.Evidence(
                7L,
                Disclosure.SignedBy.PARENT_OR_GUARDIAN,
                null,
                null,
                null,
                null,
                null,
                null,
                null)));
    assertEquals(
        List.of(),
        DisclosureRules.missingEvidence(
            Basis.REQUIRED_BY_LAW,
            new FileDisclosure.Evidence(
                null, null, "CPL 245.20", null, null, null, null, null, null)));
    assertEquals(
        List.of(),
        DisclosureRules.missingEvidence(
            Basis.CITY_AGENCY_WELFARE_INVESTIGATION,
            new FileDisclosure.Evidence(
                null, null, null, null, null, null, null, "ACS", "ACS-2026-77")));
    assertEquals(
        1,
        DisclosureRules.missingEvidence(
                Basis.CITY_AGENCY_WELFARE_INVESTIGATION,
                new FileDisclosure.Evidence(null, null, null, null, null, null, null, "ACS", " "))
            .size());
  }
}
