package org.custodian.inbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.access.control.AccessPolicy;
import org.custodian.addendum.control.AddendumPolicy;
import org.custodian.audit.control.AuditPolicy;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosurePolicy;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.platform.Actor;

/**
 * What the signed-in user's menu and home page offer: {@code #{may.requestAccess}}. Each answer is
 * the capability's own policy, so a screen shows exactly what the user may do and no page decides
 * it by role names of its own.
 */
@Named("may")
@RequestScoped
public class Navigation {

  @Inject SignedInUser signedIn;

  @Inject AccessPolicy access;

  @Inject DisclosurePolicy disclosure;

  @Inject BreachPolicy breach;

  @Inject AddendumPolicy addendum;

  @Inject AuditPolicy audit;

  @Inject org.custodian.oversight.control.OversightPolicy findings;

  @Inject org.custodian.directory.control.DirectoryPolicy directory;

  private Actor actor;

  /**
   * Who the menu is for, read once per request. While a reset password waits to be changed the menu
   * offers nothing (the page asks for it); nor does it to an account that is not signed in after
   * all (disabled, or refused for the roles the directory gives it), whose page is the refusal
   * itself.
   */
  private Actor actor() {
    if (actor == null) {
      try {
        Actor signedInActor = signedIn.actorChangingPassword();
        actor =
            signedIn.mustChangePassword()
                ? new Actor(signedInActor.username(), java.util.Set.of(), java.util.Set.of(), null)
                : signedInActor;
      } catch (org.custodian.platform.ForbiddenException e) {
        actor = new Actor("", java.util.Set.of(), java.util.Set.of(), null);
      }
    }
    return actor;
  }

  public boolean isKeepDirectory() {
    return directory.mayKeep(actor());
  }

  public boolean isRequestAccess() {
    return access.mayRequest(actor());
  }

  public boolean isReviewAccess() {
    return access.mayReview(actor());
  }

  public boolean isRecordPersonnelEvent() {
    return access.mayRecordPersonnelEvent(actor());
  }

  public boolean isViewCampaigns() {
    return access.mayViewCampaigns(actor());
  }

  public boolean isFileDisclosure() {
    return disclosure.mayFile(actor());
  }

  public boolean isSearchLedger() {
    return disclosure.maySearchLedger(actor());
  }

  public boolean isManageAuthorizations() {
    return disclosure.mayManageAuthorizations(actor());
  }

  public boolean isKeepDesignations() {
    return disclosure.mayKeep(actor(), StandingAuthorization.Kind.ROUTINE_DESIGNATION);
  }

  public boolean isKeepPreApprovals() {
    return disclosure.mayKeep(actor(), StandingAuthorization.Kind.CPO_PRE_APPROVAL);
  }

  public boolean isReportBreach() {
    return breach.mayReport(actor());
  }

  public boolean isViewBreaches() {
    return breach.mayViewBoard(actor());
  }

  public boolean isReadQuarterly() {
    return breach.mayReadQuarterly(actor());
  }

  public boolean isReadAddenda() {
    return addendum.mayRead(actor());
  }

  public boolean isOpenAddendum() {
    return addendum.mayOpen(actor());
  }

  public boolean isReadAuditLog() {
    return audit.mayVerify(actor());
  }

  /** Auditors, and Commanding Officers for their own command, read the access findings. */
  public boolean isReadFindings() {
    return findings.mayReadFindings(actor(), findings.defaultCommand(actor()));
  }

  /**
   * Auditors, the Agency Privacy Officer, and Commanding Officers for their command search the log.
   */
  public boolean isSearchAudit() {
    return findings.maySearch(actor());
  }

  /** Internal Affairs, auditors, the APO, COs and ICOs read (and open) misuse allegations. */
  public boolean isReadAllegations() {
    return findings.mayListAllegations(actor());
  }

  /** Those who request focused audits, and the Information Technology Bureau. */
  public boolean isReadFocusedAudits() {
    return findings.mayListFocusedAudits(actor());
  }

  /** Auditors and Internal Affairs follow the commands' misuse audits. */
  public boolean isReadMisuseAudits() {
    return findings.mayReadMisuseAudits(actor());
  }

  /** Auditors and the City Chief Privacy Officer keep the daily checkpoint outside the building. */
  public boolean isKeepDailyCheckpoint() {
    return audit.mayWitness(actor());
  }
}
