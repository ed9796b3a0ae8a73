package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who reports and who reads the covered systems' use. Policies, INTERNAL AUDIT &amp; OVERSIGHT: use
 * of the system is "periodically audited for misuse by the precinct or unit's Commanding Officer.
 * Allegations of misuse are internally investigated at the command level or by the Internal Affairs
 * Bureau (IAB)."
 */
@ApplicationScoped
public class OversightPolicy {

  /** Only a covered system's own account reports its users' events. */
  public boolean mayReport(Actor actor) {
    return actor.hasRole(Roles.COVERED_SYSTEM);
  }

  public void requireReport(Actor actor) {
    if (!mayReport(actor)) {
      throw new ForbiddenException("Access events are reported by a covered system's account.");
    }
  }

  /**
   * Findings: auditors (Internal Affairs, Integrity Control Officers) see every command's; a
   * Commanding Officer sees their own command's.
   */
  public boolean mayReadFindings(Actor actor, String commandCode) {
    if (actor.hasRole(Roles.AUDITOR)) {
      return true;
    }
    return actor.hasRole(Roles.COMMANDING_OFFICER)
        && actor.commandCode() != null
        && actor.commandCode().equals(commandCode);
  }

  public void requireReadFindings(Actor actor, String commandCode) {
    if (!mayReadFindings(actor, commandCode)) {
      throw new ForbiddenException(
          "Findings are read by auditors, and by a Commanding Officer for their own command.");
    }
  }

  /** The command a reader sees when they name none: a Commanding Officer's own. */
  public String defaultCommand(Actor actor) {
    return actor.hasRole(Roles.AUDITOR) ? null : actor.commandCode();
  }

  /**
   * The auditor's console: auditors and the Agency Privacy Officer search the whole log; a
   * Commanding Officer searches their own command's members' use of the covered systems, nothing
   * else. Nobody else, the City Chief Privacy Officer included: the log names people.
   */
  public boolean maySearch(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.PRIVACY_OFFICER)
        || (actor.hasRole(Roles.COMMANDING_OFFICER) && actor.commandCode() != null);
  }

  public void requireSearch(Actor actor) {
    if (!maySearch(actor)) {
      throw new ForbiddenException(
          "The audit log is searched by auditors, the Agency Privacy Officer, and a Commanding"
              + " Officer for their own command.");
    }
  }

  /** The command a search is limited to: a Commanding Officer's own; null for the whole log. */
  public String searchCommand(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.PRIVACY_OFFICER) ? null : actor.commandCode();
  }

  /** Auditors and Internal Affairs open a round of misuse audits out of schedule. */
  public boolean mayOpenMisuseAudits(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.IAB_INVESTIGATOR);
  }

  public void requireOpenMisuseAudits(Actor actor) {
    if (!mayOpenMisuseAudits(actor)) {
      throw new ForbiddenException("Misuse audits are opened by auditors and Internal Affairs.");
    }
  }

  /** Internal Affairs and auditors see how every command's audits stand. */
  public boolean mayReadMisuseAudits(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.IAB_INVESTIGATOR);
  }

  public void requireReadMisuseAudits(Actor actor) {
    if (!mayReadMisuseAudits(actor)) {
      throw new ForbiddenException(
          "How the commands' misuse audits stand is read by auditors and Internal Affairs.");
    }
  }

  /**
   * A command's misuse audit is conducted by its Commanding Officer; once past due, by its
   * Integrity Control Officer too.
   */
  public boolean mayConductMisuseAudit(Actor actor, String commandCode, boolean escalated) {
    if (commandCode == null || !commandCode.equals(actor.commandCode())) {
      return false;
    }
    return actor.hasRole(Roles.COMMANDING_OFFICER)
        || (escalated && actor.hasRole(Roles.INTEGRITY_CONTROL_OFFICER));
  }

  public void requireConductMisuseAudit(Actor actor, String commandCode, boolean escalated) {
    if (!mayConductMisuseAudit(actor, commandCode, escalated)) {
      throw new ForbiddenException(
          "A command's misuse audit is conducted by its Commanding Officer, and once past due by"
              + " its Integrity Control Officer.");
    }
  }
}
