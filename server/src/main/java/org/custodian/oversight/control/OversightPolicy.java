package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.oversight.entity.MisuseAllegation;
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

  /**
   * An allegation of misuse is opened by Internal Affairs, the Agency Privacy Officer, or the
   * member's command: its Commanding Officer (from a misuse audit) or its Integrity Control
   * Officer.
   */
  public boolean mayFileAllegation(Actor actor, String memberCommand) {
    if (actor.hasAnyRole(Roles.IAB_INVESTIGATOR, Roles.PRIVACY_OFFICER)) {
      return true;
    }
    return memberCommand != null
        && memberCommand.equals(actor.commandCode())
        && actor.hasAnyRole(Roles.COMMANDING_OFFICER, Roles.INTEGRITY_CONTROL_OFFICER);
  }

  public void requireFileAllegation(Actor actor, String memberCommand) {
    if (!mayFileAllegation(actor, memberCommand)) {
      throw new ForbiddenException(
          "An allegation of misuse is opened by Internal Affairs, the Agency Privacy Officer, or the"
              + " member's Commanding Officer or Integrity Control Officer.");
    }
  }

  /**
   * Internal Affairs and auditors see every allegation. While Internal Affairs holds a case, nobody
   * else does: not the member's command, not whoever filed it. Otherwise the member's CO and ICO,
   * and whoever filed it, see it.
   */
  public boolean mayViewAllegation(
      Actor actor, MisuseAllegation.Status status, String command, String filedBy) {
    if (actor.hasAnyRole(Roles.IAB_INVESTIGATOR, Roles.AUDITOR)) {
      return true;
    }
    if (status == MisuseAllegation.Status.IAB) {
      return false;
    }
    return actor.username().equals(filedBy) || ofCommand(actor, command);
  }

  /**
   * Which allegations a list shows the actor, as the query applies it, so a page is never cut short
   * by rows the actor may not see: everything, or the cases Internal Affairs does not hold that
   * they filed or that are of the command they are CO or ICO of (null: none). The same rule as
   * {@link #mayViewAllegation}.
   */
  public record AllegationScope(boolean everything, String filedBy, String command) {}

  public AllegationScope allegationScope(Actor actor) {
    requireListAllegations(actor);
    if (actor.hasAnyRole(Roles.IAB_INVESTIGATOR, Roles.AUDITOR)) {
      return new AllegationScope(true, null, null);
    }
    return new AllegationScope(
        false,
        actor.username(),
        ofCommand(actor, actor.commandCode()) ? actor.commandCode() : null);
  }

  /**
   * 403 for whoever may not read it; but a case Internal Affairs holds is 404 for the member's
   * command and whoever filed it: they are not told it exists.
   */
  public void requireViewAllegation(
      Actor actor, MisuseAllegation.Status status, String command, String filedBy) {
    requireListAllegations(actor);
    if (mayViewAllegation(actor, status, command, filedBy)) {
      return;
    }
    if (status == MisuseAllegation.Status.IAB) {
      throw new org.custodian.platform.NotFoundException("No such allegation.");
    }
    throw new ForbiddenException(
        "An allegation is read by Internal Affairs, auditors, the member's command and whoever"
            + " filed it.");
  }

  /** Who may open an allegation against someone (the member's command is checked after). */
  public void requireFileAnyAllegation(Actor actor) {
    if (!actor.hasAnyRole(
        Roles.IAB_INVESTIGATOR,
        Roles.PRIVACY_OFFICER,
        Roles.COMMANDING_OFFICER,
        Roles.INTEGRITY_CONTROL_OFFICER)) {
      throw new ForbiddenException(
          "An allegation of misuse is opened by Internal Affairs, the Agency Privacy Officer, or the"
              + " member's Commanding Officer or Integrity Control Officer.");
    }
  }

  /** Who has allegations to read at all: Internal Affairs, auditors, the APO, COs and ICOs. */
  public boolean mayListAllegations(Actor actor) {
    return actor.hasAnyRole(
        Roles.IAB_INVESTIGATOR,
        Roles.AUDITOR,
        Roles.PRIVACY_OFFICER,
        Roles.COMMANDING_OFFICER,
        Roles.INTEGRITY_CONTROL_OFFICER);
  }

  public void requireListAllegations(Actor actor) {
    if (!mayListAllegations(actor)) {
      throw new ForbiddenException(
          "Allegations of misuse are read by Internal Affairs, auditors, the Agency Privacy Officer"
              + " and the member's command.");
    }
  }

  /** Internal Affairs decides whether the command or IAB investigates. */
  public void requireTriageAllegation(Actor actor) {
    if (!actor.hasRole(Roles.IAB_INVESTIGATOR)) {
      throw new ForbiddenException("Internal Affairs decides who investigates an allegation.");
    }
  }

  /** The case's holder investigates: Internal Affairs, or the member's CO and ICO. */
  public boolean mayInvestigateAllegation(
      Actor actor, MisuseAllegation.Status status, String command) {
    return switch (status) {
      case IAB -> actor.hasRole(Roles.IAB_INVESTIGATOR);
      case COMMAND -> ofCommand(actor, command);
      default -> false;
    };
  }

  public void requireInvestigateAllegation(
      Actor actor, MisuseAllegation.Status status, String command) {
    if (!mayInvestigateAllegation(actor, status, command)) {
      throw new ForbiddenException(
          "This allegation is investigated by "
              + (status == MisuseAllegation.Status.IAB
                  ? "Internal Affairs."
                  : "the member's Commanding Officer or Integrity Control Officer."));
    }
  }

  private static boolean ofCommand(Actor actor, String command) {
    return command != null
        && command.equals(actor.commandCode())
        && actor.hasAnyRole(Roles.COMMANDING_OFFICER, Roles.INTEGRITY_CONTROL_OFFICER);
  }

  /**
   * Focused audits of computer activity are requested by Internal Affairs, auditors (Integrity
   * Control Officers, the Inspector General, investigations units), and a command's Commanding
   * Officer or Integrity Control Officer for their own members.
   */
  public boolean mayRequestFocusedAudit(Actor actor) {
    return actor.hasAnyRole(
        Roles.IAB_INVESTIGATOR,
        Roles.AUDITOR,
        Roles.COMMANDING_OFFICER,
        Roles.INTEGRITY_CONTROL_OFFICER);
  }

  public void requireRequestFocusedAudit(Actor actor) {
    if (!mayRequestFocusedAudit(actor)) {
      throw new ForbiddenException(
          "Focused audits are requested by Internal Affairs, auditors, Commanding Officers and"
              + " Integrity Control Officers.");
    }
  }

  /** Whether the request may name any member, or only the requester's own command's. */
  public boolean mayAuditAnyMember(Actor actor) {
    return actor.hasAnyRole(Roles.IAB_INVESTIGATOR, Roles.AUDITOR);
  }

  /**
   * A member a request names ({@code memberCommand}: their command's code, null when no member has
   * that tax number): Internal Affairs and auditors name anyone, a Commanding Officer or Integrity
   * Control Officer their own command's members only.
   */
  public void requireAuditMember(Actor actor, String taxNumber, String memberCommand) {
    if (!mayAuditAnyMember(actor)
        && (memberCommand == null || !memberCommand.equals(actor.commandCode()))) {
      throw new ForbiddenException(
          "A Commanding Officer or Integrity Control Officer asks for their own command's"
              + " members only; "
              + taxNumber
              + " is not one.");
    }
  }

  /**
   * The Information Technology Bureau approves or refuses them, never a request one made oneself
   * (someone holding both roles): at the claim as at the decision.
   */
  public void requireDecideFocusedAudit(Actor actor, String requestedBy) {
    if (!actor.hasRole(Roles.ITB_ANALYST)) {
      throw new ForbiddenException(
          "Focused audits are approved by the Information Technology Bureau.");
    }
    if (actor.username().equals(requestedBy)) {
      throw new ForbiddenException("Nobody approves their own request.");
    }
  }

  /** A request and its report: whoever asked, the Information Technology Bureau, auditors. */
  public boolean mayReadFocusedAudit(Actor actor, String requestedBy) {
    return actor.username().equals(requestedBy)
        || actor.hasAnyRole(Roles.ITB_ANALYST, Roles.AUDITOR);
  }

  public void requireReadFocusedAudit(Actor actor, String requestedBy) {
    if (!mayReadFocusedAudit(actor, requestedBy)) {
      throw new ForbiddenException(
          "A focused audit is read by whoever requested it, the Information Technology Bureau and"
              + " auditors.");
    }
  }

  /**
   * Whose focused audits a list shows the actor, as the query applies it: everyone's (null) for the
   * Bureau and auditors, otherwise their own. The same rule as {@link #mayReadFocusedAudit}.
   */
  public String focusedAuditRequester(Actor actor) {
    requireListFocusedAudits(actor);
    return actor.hasAnyRole(Roles.ITB_ANALYST, Roles.AUDITOR) ? null : actor.username();
  }

  /** Who has focused audits to list at all. */
  public boolean mayListFocusedAudits(Actor actor) {
    return mayRequestFocusedAudit(actor) || actor.hasRole(Roles.ITB_ANALYST);
  }

  public void requireListFocusedAudits(Actor actor) {
    if (!mayListFocusedAudits(actor)) {
      throw new ForbiddenException(
          "Focused audits are listed for those who request them and the Information Technology"
              + " Bureau.");
    }
  }
}
