package org.custodian.platform;

/** Candidate groups of the processes' user tasks: the one place their names are spelled. */
public final class Groups {
  /** Executive review layer n of an access request: {@code access-review-1}, {@code -2}, ... */
  public static final String ACCESS_REVIEW_PREFIX = "access-review-";

  /** Who takes over a review that is past due. */
  public static final String ACCESS_REVIEW_ESCALATION = "access-review-escalation";

  /** The Agency Privacy Officers (every holder of the privacy-officer role). */
  public static final String PRIVACY_OFFICERS = "privacy-officers";

  /** The Agency Privacy Officer's supervisors: an overdue breach report is escalated to them. */
  public static final String PRIVACY_OFFICER_SUPERVISORS = "privacy-officer-supervisors";

  /** The City Chief Privacy Officer's office (every holder of the chief-privacy-officer role). */
  public static final String CHIEF_PRIVACY_OFFICERS = "chief-privacy-officers";

  /** The policy authors (every holder of the policy-author role). */
  public static final String POLICY_AUTHORS = "policy-authors";

  /** Legal Bureau counsel who review addenda (every holder of the legal-reviewer role). */
  public static final String LEGAL_REVIEWERS = "legal-reviewers";

  /** Whoever holds the commissioner role: approves addenda for comment and for publication. */
  public static final String COMMISSIONERS = "commissioners";

  /** Internal Affairs investigators (every holder of the iab-investigator role). */
  public static final String IAB_INVESTIGATORS = "iab-investigators";

  /** The Information Technology Bureau's analysts (every holder of the itb-analyst role). */
  public static final String ITB_ANALYSTS = "itb-analysts";

  /** The Commanding Officers of a command, e.g. {@code commanding-officer@PCT-075}. */
  public static String commandingOfficers(String commandCode) {
    return "commanding-officer@" + commandCode;
  }

  /**
   * The Integrity Control Officers of a command, e.g. {@code integrity-control-officer@PCT-075}.
   */
  public static String integrityControlOfficers(String commandCode) {
    return "integrity-control-officer@" + commandCode;
  }

  public static String accessReview(int layer) {
    return ACCESS_REVIEW_PREFIX + layer;
  }

  private Groups() {}
}
