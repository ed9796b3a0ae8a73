package org.custodian.platform;

/** The security roles of docs (DESIGN.md "Who uses it"), as the realm and web.xml spell them. */
public final class Roles {
  public static final String COMMANDING_OFFICER = "commanding-officer";
  public static final String EXECUTIVE_REVIEWER = "executive-reviewer";
  public static final String MEMBER = "member";
  public static final String PRIVACY_OFFICER = "privacy-officer";
  public static final String CHIEF_PRIVACY_OFFICER = "chief-privacy-officer";
  public static final String POLICY_AUTHOR = "policy-author";
  public static final String LEGAL_REVIEWER = "legal-reviewer";
  public static final String COMMISSIONER = "commissioner";
  public static final String AUDITOR = "auditor";
  public static final String ADMIN = "admin";

  /** The account of one covered system (case management, ...): posts its users' access events. */
  public static final String COVERED_SYSTEM = "covered-system";

  public static final java.util.Set<String> ALL =
      java.util.Set.of(
          COMMANDING_OFFICER,
          EXECUTIVE_REVIEWER,
          MEMBER,
          PRIVACY_OFFICER,
          CHIEF_PRIVACY_OFFICER,
          POLICY_AUTHOR,
          LEGAL_REVIEWER,
          COMMISSIONER,
          AUDITOR,
          ADMIN,
          COVERED_SYSTEM);

  private Roles() {}
}
