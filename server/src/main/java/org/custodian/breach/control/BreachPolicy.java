package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.breach.entity.BreachReport;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who may do what with breach reports, and what each sees of one. The one place these rules are
 * written; REST resources and screens reach them through the control services.
 *
 * <p>Policies, EXTERNAL ENTITIES (2026 text): a disclosure that violates the Identifying
 * Information Law is reported by the Agency Privacy Officer to the City Chief Privacy Officer
 * within 24 hours. Anyone in the department may report a suspicion; the Agency Privacy Officer
 * assesses, reports and notifies; the City CPO acknowledges and concurs, and sees what was reported
 * to them, never names or the agency's internal notes; auditors read everything and change nothing.
 */
@ApplicationScoped
public class BreachPolicy {

  /**
   * Who reports a suspected improper disclosure: the department's people, not auditors, the City
   * CPO or the administrator.
   */
  static final String[] REPORTERS = {
    Roles.MEMBER,
    Roles.COMMANDING_OFFICER,
    Roles.EXECUTIVE_REVIEWER,
    Roles.PRIVACY_OFFICER,
    Roles.POLICY_AUTHOR,
    Roles.LEGAL_REVIEWER,
    Roles.COMMISSIONER
  };

  public boolean mayReport(Actor actor) {
    return actor.hasAnyRole(REPORTERS);
  }

  public void requireReport(Actor actor) {
    require(
        mayReport(actor),
        "Breach reports come from the department's members; auditors and the City CPO read them.");
  }

  /**
   * A case is seen by the Agency Privacy Officer and auditors, by its reporter, and by the City CPO
   * once it was reported to them.
   */
  public boolean mayView(Actor actor, BreachReport b) {
    return seesInternals(actor)
        || actor.username().equals(b.reportedBy())
        || (actor.hasRole(Roles.CHIEF_PRIVACY_OFFICER) && b.reportedToCpoAt() != null);
  }

  public void requireView(Actor actor, BreachReport b) {
    require(
        mayView(actor, b),
        "Only the Agency Privacy Officer, auditors, the reporter and (once reported) the City CPO see "
            + b.businessKey()
            + ".");
  }

  /**
   * The board lists the cases one may see: reporters their own, the City CPO those reported, the
   * APO and auditors all.
   */
  public boolean mayViewBoard(Actor actor) {
    return mayReport(actor) || actor.hasAnyRole(Roles.AUDITOR, Roles.CHIEF_PRIVACY_OFFICER);
  }

  public void requireViewBoard(Actor actor) {
    require(
        mayViewBoard(actor),
        "The breach board is for the department's members, auditors and the City CPO.");
  }

  /** Which cases the board shows the actor. */
  public enum Board {
    ALL,
    REPORTED_TO_CPO,
    OWN
  }

  public Board boardFor(Actor actor) {
    requireViewBoard(actor);
    if (seesInternals(actor)) {
      return Board.ALL;
    }
    return actor.hasRole(Roles.CHIEF_PRIVACY_OFFICER) ? Board.REPORTED_TO_CPO : Board.OWN;
  }

  /** The agency's internal assessment, how the APO became aware, every letter's efforts. */
  public boolean seesInternals(Actor actor) {
    return actor.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
  }

  /**
   * The affected people's names: the agency's people who handle or reported the case, never the
   * City CPO.
   */
  public boolean seesNames(Actor actor, BreachReport b) {
    return seesInternals(actor) || actor.username().equals(b.reportedBy());
  }

  /**
   * The Agency Privacy Officer assesses, reports to the City CPO, proposes and sends notifications,
   * sets when they became aware.
   */
  public boolean mayHandle(Actor actor) {
    return actor.hasRole(Roles.PRIVACY_OFFICER);
  }

  public void requireHandle(Actor actor) {
    require(mayHandle(actor), "Only the Agency Privacy Officer handles a breach case.");
  }

  /**
   * The assessment decides whether the City CPO hears of the case at all, so an Agency Privacy
   * Officer who reported it leaves it to another: nobody rules on their own report.
   */
  public void requireAssess(Actor actor, BreachReport b) {
    requireHandle(actor);
    require(
        !actor.username().equals(b.reportedBy()),
        "You reported " + b.businessKey() + "; another Agency Privacy Officer assesses it.");
  }

  /** The City CPO acknowledges a report and concurs on notification. */
  public void requireReceive(Actor actor) {
    require(
        actor.hasRole(Roles.CHIEF_PRIVACY_OFFICER),
        "Only the City Chief Privacy Officer acknowledges reports and concurs on notification.");
  }

  /** The quarterly reports: the City CPO, the Agency Privacy Officer and auditors read them. */
  public boolean mayReadQuarterly(Actor actor) {
    return actor.hasAnyRole(Roles.CHIEF_PRIVACY_OFFICER, Roles.PRIVACY_OFFICER, Roles.AUDITOR);
  }

  public void requireReadQuarterly(Actor actor) {
    require(
        mayReadQuarterly(actor),
        "The quarterly reports are for the City CPO, the Agency Privacy Officer and auditors.");
  }

  /** The City CPO compiles and publishes the quarterly report. */
  public boolean mayCompileQuarterly(Actor actor) {
    return actor.hasRole(Roles.CHIEF_PRIVACY_OFFICER);
  }

  public void requireCompileQuarterly(Actor actor) {
    require(
        mayCompileQuarterly(actor),
        "Only the City Chief Privacy Officer compiles the quarterly report.");
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ForbiddenException(message);
    }
  }
}
