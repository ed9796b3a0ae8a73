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

  /** A command's Integrity Control Officer: gets the command's overdue misuse audits. */
  public static final String INTEGRITY_CONTROL_OFFICER = "integrity-control-officer";

  /** The Internal Affairs Bureau's investigators: misuse allegations, focused audit requests. */
  public static final String IAB_INVESTIGATOR = "iab-investigator";

  /** The Information Technology Bureau: approves focused audits and delivers their reports. */
  public static final String ITB_ANALYST = "itb-analyst";

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
          COVERED_SYSTEM,
          INTEGRITY_CONTROL_OFFICER,
          IAB_INVESTIGATOR,
          ITB_ANALYST);

  private Roles() {}
}
