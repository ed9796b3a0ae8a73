package org.custodian.disclosure.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.custodian.disclosure.entity.Basis;
import org.custodian.disclosure.entity.PurposeCategory;

/**
 * The rules a disclosure request is refused by at filing, without a database: they read only the
 * filed form. (Whether a pre-approval, designation or agreement covers it is
 * StandingAuthorizations'.)
 */
public final class DisclosureRules {

  private DisclosureRules() {}

  /**
   * Words that put a request in furtherance of immigration enforcement, whatever its category.
   * Policies (EXTERNAL ENTITIES): "Information is not shared in furtherance of immigration
   * enforcement"; ERMS: "Access will not be given to other agencies for purposes of furthering
   * immigration enforcement."
   */
  private static final Pattern IMMIGRATION_WORDS =
      Pattern.compile(
          "\\b(immigration\\W*(enforcement|violations?|status\\W*checks?|detainers?|removals?|arrests?|custody|holds?|proceedings?|warrants?|authorit(y|ies)|agents?|officers?|court)"
              + "|immigration\\W*and\\W*customs|customs\\W*and\\W*border|border\\W*patrol|enforcement\\W*and\\W*removal"
              + "|homeland\\W*security\\W*investigations|civil\\W*immigration|deport\\w*|removal\\W*(proceedings?|orders?|operations?)"
              + "|immigration\\W*detainers?|ice\\W*detainers?|detainer\\W*requests?|287\\W*\\(?g\\)?|illegal\\W*(aliens?|immigra\\w*)|undocumented\\W*(immigrants?|aliens?|status)"
              + "|alien\\W*registration|visa\\W*overstay\\w*|unlawful(ly)?\\W*present|unlawful\\W*presence|expedited\\W*removal)\\b",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /**
   * The agencies' acronyms, matched in capitals (with or without dots): ICE, E.R.O., CBP, HSI,
   * USCIS.
   */
  private static final Pattern IMMIGRATION_AGENCIES =
      Pattern.compile("\\b(ICE|ERO|CBP|HSI|USCIS|INS)\\b");

  /** Invisible characters that could split a word past the patterns. */
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\u00AD]");

  /**
   * Why the request is in furtherance of immigration enforcement, if it is: the purpose category,
   * or the words of the purpose, the recipient's organization or name.
   */
  public static Optional<String> immigrationEnforcement(PurposeCategory category, String... texts) {
    if (category == PurposeCategory.IMMIGRATION_ENFORCEMENT) {
      return Optional.of("The purpose is immigration enforcement.");
    }
    for (String text : texts) {
      if (text == null) {
        continue;
      }
      String plain =
          INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
      var words = IMMIGRATION_WORDS.matcher(plain);
      if (words.find()) {
        return Optional.of(
            "The request is in furtherance of immigration enforcement (\""
                + words.group().replaceAll("\\W+", " ").strip()
                + "\").");
      }
      var acronym = IMMIGRATION_AGENCIES.matcher(plain.replaceAll("(?<=\\p{Lu})\\.", ""));
      if (acronym.find()) {
        return Optional.of(
            "The recipient or purpose is an immigration enforcement agency (\""
                + acronym.group()
                + "\").");
      }
    }
    return Optional.empty();
  }

  /** What the basis needs and the filing lacks, one sentence each (empty when complete). */
  public static List<String> missingEvidence(Basis basis, FileDisclosure.Evidence e) {
    List<String> missing = new ArrayList<>();
    switch (basis) {
      case WRITTEN_AUTHORIZATION -> {
        if (e.authorizationDocumentId() == null) {
          missing.add("Basis 1 needs the written authorization (an uploaded document).");
        }
        if (e.signedBy() == null) {
          missing.add(
              "Basis 1 needs who signed the authorization: the subject, or a parent or guardian.");
        }
      }
      case REQUIRED_BY_LAW -> {
        if (blank(e.lawCitation())) {
          missing.add("Basis 2 needs the law that requires the disclosure.");
        }
      }
      case FURTHERS_MISSION -> {
        if (blank(e.missionRationale())) {
          missing.add("Basis 3 needs how the disclosure furthers the department's mission.");
        }
      }
      case CPO_PRE_APPROVAL -> {
        if (e.preApprovalId() == null) {
          missing.add("Basis 4 needs the City CPO pre-approval it relies on.");
        }
      }
      case ROUTINE_DESIGNATION -> {
        if (e.routineDesignationId() == null) {
          missing.add("Basis 5 needs the routine designation it relies on.");
        }
      }
      case CRIME_INVESTIGATION -> {
        if (blank(e.incidentNumber())) {
          missing.add(
              "Basis 6 needs the complaint or incident number of the crime (or of the credible information about an attempted or impending crime).");
        }
      }
      case CITY_AGENCY_WELFARE_INVESTIGATION -> {
        if (blank(e.agency()) || blank(e.agencyReference())) {
          missing.add("Basis 7 needs the City agency and its investigation reference.");
        }
      }
    }
    return missing;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
