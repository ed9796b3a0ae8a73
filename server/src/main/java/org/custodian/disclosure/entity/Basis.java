package org.custodian.disclosure.entity;

/**
 * The seven lawful bases for disclosing identifying information externally, each with the words of
 * the policies (EXTERNAL ENTITIES: "members of the NYPD may disclose identifying information
 * externally only if: ...") and how a disclosure on it is approved.
 */
public enum Basis {
  WRITTEN_AUTHORIZATION(
      1,
      "Authorized in writing by the individual (or a parent or legal guardian of a minor or a person not legally competent), approved in writing by the Agency Privacy Officer",
      Route.AGENCY_PRIVACY_OFFICER),
  REQUIRED_BY_LAW(
      2,
      "Required by law, approved in writing by the Agency Privacy Officer",
      Route.AGENCY_PRIVACY_OFFICER),
  FURTHERS_MISSION(
      3,
      "Furthers the purpose or mission of the NYPD, approved in writing by the Agency Privacy Officer",
      Route.AGENCY_PRIVACY_OFFICER),
  CPO_PRE_APPROVAL(
      4,
      "Pre-approved as in the best interests of the City by the City Chief Privacy Officer",
      Route.STANDING_AUTHORIZATION),
  ROUTINE_DESIGNATION(
      5, "Designated as routine by the Agency Privacy Officer", Route.STANDING_AUTHORIZATION),
  CRIME_INVESTIGATION(
      6,
      "In connection with an investigation of a crime committed, or credible information about an attempted or impending crime",
      Route.INVESTIGATION),
  CITY_AGENCY_WELFARE_INVESTIGATION(
      7,
      "In connection with an open investigation by a City agency concerning the welfare of a minor or a person not legally competent",
      Route.INVESTIGATION);

  /** How a disclosure on a basis is approved. */
  public enum Route {
    /** Bases 1-3: the APO approves or denies in writing. */
    AGENCY_PRIVACY_OFFICER,
    /** Bases 4-5: approved by the matching pre-approval or routine designation. */
    STANDING_AUTHORIZATION,
    /** Bases 6-7: approved on filing; the APO reviews it afterwards. */
    INVESTIGATION
  }

  private final int number;
  private final String text;
  private final Route route;

  Basis(int number, String text, Route route) {
    this.number = number;
    this.text = text;
    this.route = route;
  }

  public int number() {
    return number;
  }

  public String text() {
    return text;
  }

  public Route route() {
    return route;
  }

  public static Basis of(int number) {
    for (Basis basis : values()) {
      if (basis.number == number) {
        return basis;
      }
    }
    throw new IllegalArgumentException("no basis " + number);
  }

  public String label() {
    return number + ". " + text;
  }
}
