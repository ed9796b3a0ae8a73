package org.custodian.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDocument;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who may do what with disclosures of identifying information, and with the standing authorizations
 * they rest on. The one place these rules are written; REST resources and screens reach them
 * through the control services.
 *
 * <p>Policies, EXTERNAL ENTITIES: members disclose only on one of seven lawful bases; the Agency
 * Privacy Officer approves in writing where the policies ask for it and keeps routine designations;
 * the City CPO pre-approves. A disclosure is seen by its requester, the Agency Privacy Officer and
 * auditors; nobody approves their own request.
 */
@ApplicationScoped
public class DisclosurePolicy {

  /**
   * Who files disclosure requests: members of the department (not the City CPO, auditors or the
   * admin).
   */
  static final String[] FILERS = {
    Roles.MEMBER,
    Roles.COMMANDING_OFFICER,
    Roles.PRIVACY_OFFICER,
    Roles.EXECUTIVE_REVIEWER,
    Roles.LEGAL_REVIEWER,
    Roles.POLICY_AUTHOR
  };

  public boolean mayFile(Actor actor) {
    return actor.hasAnyRole(FILERS);
  }

  public void requireFile(Actor actor) {
    require(mayFile(actor), "Disclosure requests are filed by members of the department.");
  }

  /**
   * Its requester, the Agency Privacy Officers and auditors see a disclosure in full; nobody else.
   */
  public boolean mayView(Actor actor, Disclosure d) {
    return actor.username().equals(d.requestedBy())
        || actor.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
  }

  public void requireView(Actor actor, Disclosure d) {
    require(
        mayView(actor, d),
        "Only its requester, the Agency Privacy Officer and auditors see " + d.businessKey() + ".");
  }

  /**
   * Only the member who filed it records the release, or adds evidence while it waits for approval.
   */
  public boolean isRequester(Actor actor, Disclosure d) {
    return actor.username().equals(d.requestedBy());
  }

  public void requireRequester(Actor actor, Disclosure d, String what) {
    require(
        isRequester(actor, d), "Only the member who filed " + d.businessKey() + " " + what + ".");
  }

  /** A document: its uploader, or whoever may see the disclosure it belongs to. */
  public void requireReadDocument(Actor actor, DisclosureDocument document) {
    if (actor.username().equals(document.uploadedBy())) {
      return;
    }
    require(document.disclosure() != null, "Only its uploader sees a document not yet filed.");
    requireView(actor, document.disclosure());
  }

  /** How much of the ledger a search covers. */
  public enum Ledger {
    ALL,
    OWN
  }

  public boolean maySearchLedger(Actor actor) {
    return mayFile(actor) || actor.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.AUDITOR);
  }

  /** The APO and auditors search the whole ledger; other filers their own requests; nobody else. */
  public Ledger ledgerFor(Actor actor) {
    if (actor.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.AUDITOR)) {
      return Ledger.ALL;
    }
    require(
        mayFile(actor),
        "The ledger is for the Agency Privacy Officer, auditors, and members' own requests.");
    return Ledger.OWN;
  }

  /** Whether the actor is one of those who decide disclosures (the Agency Privacy Officers). */
  public boolean decides(Actor actor) {
    return actor.hasRole(Roles.PRIVACY_OFFICER);
  }

  /**
   * The Agency Privacy Officer decides in writing and reviews after the fact; never their own
   * request.
   */
  public void requireDecide(Actor actor, Disclosure d) {
    require(decides(actor), "Only the Agency Privacy Officer decides disclosures.");
    require(
        !actor.username().equals(d.requestedBy()),
        "Nobody decides a disclosure they requested; another Agency Privacy Officer decides "
            + d.businessKey()
            + ".");
  }

  /** Who keeps each kind: the APO designations and agreements, the City CPO pre-approvals. */
  public boolean mayKeep(Actor actor, StandingAuthorization.Kind kind) {
    return actor.hasRole(
        kind == StandingAuthorization.Kind.CPO_PRE_APPROVAL
            ? Roles.CHIEF_PRIVACY_OFFICER
            : Roles.PRIVACY_OFFICER);
  }

  public void requireKeep(Actor actor, StandingAuthorization.Kind kind) {
    require(
        mayKeep(actor, kind),
        kind == StandingAuthorization.Kind.CPO_PRE_APPROVAL
            ? "Only the City Chief Privacy Officer keeps pre-approvals."
            : "Only the Agency Privacy Officer keeps "
                + kind.label().toLowerCase(java.util.Locale.ROOT)
                + "s.");
  }

  /**
   * The lists of designations, pre-approvals and agreements: those who file (a filing names one),
   * those who keep them, and auditors.
   */
  public boolean mayListAuthorizations(Actor actor) {
    return mayFile(actor) || actor.hasAnyRole(Roles.CHIEF_PRIVACY_OFFICER, Roles.AUDITOR);
  }

  /**
   * Those who keep designations, pre-approvals or agreements, and auditors: the screen to manage
   * them.
   */
  public boolean mayManageAuthorizations(Actor actor) {
    return actor.hasAnyRole(Roles.PRIVACY_OFFICER, Roles.CHIEF_PRIVACY_OFFICER, Roles.AUDITOR);
  }

  public void requireListAuthorizations(Actor actor) {
    require(
        mayListAuthorizations(actor),
        "Designations, pre-approvals and agreements are for the department's members, the City CPO and auditors.");
  }

  /**
   * Nobody approves their own request: a disclosure rests on a routine designation (or
   * pre-approval) only if someone other than its requester issued it.
   */
  public boolean mayRelyOn(Actor actor, StandingAuthorization a) {
    return !actor.username().equals(a.createdBy());
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ForbiddenException(message);
    }
  }
}
