package org.custodian.inbox.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.platform.Actor;

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

  /** The groups whose tasks the user is offered (the executive's review layers). */
  public String groups() {
    return String.join(", ", actor().groups().stream().sorted().toList());
  }
}
