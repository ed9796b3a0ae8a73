package org.custodian.inbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.platform.Actor;
import org.custodian.platform.Roles;

/** The home page: what each role can do here, and how many tasks wait. */
@Named
@RequestScoped
public class HomePage {

  @Inject SignedInUser signedIn;

  @Inject Inbox inbox;

  private Actor actor;

  public Actor actor() {
    if (actor == null) {
      actor = signedIn.actor();
    }
    return actor;
  }

  public String displayName() {
    return signedIn.displayName();
  }

  public String myTasks() {
    return shown(inbox.count(actor(), Inbox.Scope.MINE));
  }

  public String groupTasks() {
    return shown(inbox.count(actor(), Inbox.Scope.CANDIDATE));
  }

  /** Counts stop at a thousand: "1,000+" says enough. */
  private static String shown(long count) {
    return count > Inbox.COUNT_CAP ? String.format("%,d+", Inbox.COUNT_CAP) : String.valueOf(count);
  }

  public boolean is(String role) {
    return actor().hasRole(role);
  }

  public boolean isCommandingOfficer() {
    return is(Roles.COMMANDING_OFFICER);
  }

  public boolean isReviewer() {
    return is(Roles.EXECUTIVE_REVIEWER);
  }

  /**
   * Members of the department may file disclosure requests (not the City CPO, auditors or the
   * admin).
   */
  public boolean isDiscloser() {
    return actor().hasAnyRole(org.custodian.disclosure.control.Disclosures.FILERS);
  }

  public boolean isPrivacyOfficer() {
    return is(Roles.PRIVACY_OFFICER);
  }

  public boolean isChiefPrivacyOfficer() {
    return is(Roles.CHIEF_PRIVACY_OFFICER);
  }

  public boolean isAuditor() {
    return is(Roles.AUDITOR) || is(Roles.ADMIN);
  }
}
