package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.directory.entity.Member;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Groups;
import org.custodian.platform.Roles;

/**
 * Who may do what with access: requests, reviews, grants, personnel events, recertification. The
 * one place these rules are written; REST resources and screens reach them through the control
 * services, which call them before anything is read or changed.
 *
 * <p>Policies, SAFEGUARD &amp; SECURITY MEASURES: "Authorization must be requested by a Commanding
 * Officer", "several layers of executive review"; a Commanding Officer acts for their own command;
 * nobody reviews a request they made, nor two layers of one request; auditors read everything.
 */
@ApplicationScoped
public class AccessPolicy {

  /**
   * A Commanding Officer asks for access (for a member of their own command: {@link
   * #requireRequestFor}).
   */
  public boolean mayRequest(Actor actor) {
    return actor.hasRole(Roles.COMMANDING_OFFICER);
  }

  public void requireRequest(Actor actor) {
    require(mayRequest(actor), "Only a Commanding Officer requests access.");
  }

  /** "Authorization must be requested by a Commanding Officer" of the member's own command. */
  public void requireRequestFor(Actor actor, Member member) {
    requireRequest(actor);
    require(
        member.command().code().equals(actor.commandCode()),
        "You may request access only for members of your own command.");
  }

  /**
   * A request is seen by the Commanding Officer who made it and those of the member's command, the
   * executives whose layers review it (or who decided one of its layers, or to whom it was
   * escalated: {@code offeredToActor}), and auditors. Nobody else: not other commands, not
   * reviewers of layers the request does not reach.
   */
  public boolean mayView(Actor actor, AccessRequest request, boolean offeredToActor) {
    if (actor.username().equals(request.requestedBy()) || actor.hasRole(Roles.AUDITOR)) {
      return true;
    }
    if (actor.hasRole(Roles.COMMANDING_OFFICER)
        && request.command().code().equals(actor.commandCode())) {
      return true;
    }
    if (actor.hasRole(Roles.EXECUTIVE_REVIEWER)) {
      return reviewsALayerOf(actor, request)
          || offeredToActor
          || request.decisions().stream().anyMatch(d -> d.actor().equals(actor.username()));
    }
    return false;
  }

  public void requireView(Actor actor, AccessRequest request, boolean offeredToActor) {
    require(
        mayView(actor, request, offeredToActor), "You may not see " + request.businessKey() + ".");
  }

  /** The executive is in one of the layers the request needs (every request has layer 1). */
  private static boolean reviewsALayerOf(Actor actor, AccessRequest request) {
    for (int layer = 1; layer <= request.reviewLayers(); layer++) {
      if (actor.inGroup(Groups.accessReview(layer))) {
        return true;
      }
    }
    return false;
  }

  /** An executive reviewer: reviews access requests in the layers of their groups. */
  public boolean mayReview(Actor actor) {
    return actor.hasRole(Roles.EXECUTIVE_REVIEWER);
  }

  /**
   * Layer {@code layer} of a request is decided by an executive of that layer (or of the escalation
   * group once the review is overdue) who neither made the request nor decided another of its
   * layers.
   */
  public void requireReview(Actor actor, AccessRequest request, int layer, boolean overdue) {
    require(
        actor.hasRole(Roles.EXECUTIVE_REVIEWER),
        "Only an executive reviewer reviews access requests.");
    boolean inLayer = actor.inGroup(Groups.accessReview(layer));
    boolean escalated = overdue && actor.inGroup(Groups.ACCESS_REVIEW_ESCALATION);
    require(inLayer || escalated, "You do not review layer " + layer + " access requests.");
    require(
        !actor.username().equals(request.requestedBy()),
        "You made this request; another executive must review it.");
    require(
        !request.decidedOtherLayer(actor.username(), layer),
        "You decided another layer of this request; a different executive must decide layer "
            + layer
            + ".");
  }

  /** A returned request is answered (or withdrawn) by the Commanding Officer who made it. */
  public void requireAnswer(Actor actor, AccessRequest request) {
    require(
        actor.username().equals(request.requestedBy()),
        "Only the Commanding Officer who made the request may answer it.");
  }

  /**
   * A member's grants: the Commanding Officers of the member's command, an executive who reviews an
   * open request for the member ({@code reviewsARequest}), auditors, and the administrator who
   * keeps the directory and records personnel events.
   */
  public boolean mayViewGrants(Actor actor, Member member, boolean reviewsARequest) {
    return (actor.hasRole(Roles.COMMANDING_OFFICER)
            && member.command().code().equals(actor.commandCode()))
        || (actor.hasRole(Roles.EXECUTIVE_REVIEWER) && reviewsARequest)
        || actor.hasAnyRole(Roles.AUDITOR, Roles.ADMIN);
  }

  public void requireViewGrants(Actor actor, Member member, boolean reviewsARequest) {
    require(mayViewGrants(actor, member, reviewsARequest), "You may not see this member's access.");
  }

  /** Personnel events come from HR: the administrator (the HR system's account). */
  public boolean mayRecordPersonnelEvent(Actor actor) {
    return actor.hasRole(Roles.ADMIN);
  }

  public void requireRecordPersonnelEvent(Actor actor) {
    require(
        mayRecordPersonnelEvent(actor),
        "Only the administrator (or the HR system's account) records personnel events.");
  }

  /** The new command's Commanding Officer keeps or ends what the move left open. */
  public void requireConfirm(Actor actor, PersonnelEvent event) {
    require(
        actor.hasRole(Roles.COMMANDING_OFFICER)
            && event.newCommand() != null
            && event.newCommand().code().equals(actor.commandCode()),
        "Only a Commanding Officer of the member's new command confirms continued need.");
  }

  /** The old command's Commanding Officer acknowledges the move. */
  public void requireAcknowledge(Actor actor, PersonnelEvent event) {
    require(
        actor.hasRole(Roles.COMMANDING_OFFICER)
            && event.previousCommand().code().equals(actor.commandCode()),
        "Only a Commanding Officer of the member's previous command acknowledges the move.");
  }

  /** An administrator starts a recertification campaign outside the schedule. */
  public boolean mayStartCampaign(Actor actor) {
    return actor.hasRole(Roles.ADMIN);
  }

  public void requireStartCampaign(Actor actor) {
    require(mayStartCampaign(actor), "Only the administrator starts a recertification campaign.");
  }

  /** Campaigns: administrators and auditors see every command; a Commanding Officer their own. */
  public boolean mayViewCampaigns(Actor actor) {
    return actor.hasAnyRole(Roles.ADMIN, Roles.AUDITOR, Roles.COMMANDING_OFFICER);
  }

  public void requireViewCampaigns(Actor actor) {
    require(
        mayViewCampaigns(actor),
        "Recertification campaigns are for administrators, auditors and Commanding Officers.");
  }

  /** Whether the actor sees one command's line of a campaign. */
  public boolean mayViewCampaignLine(Actor actor, String commandCode) {
    return actor.hasAnyRole(Roles.ADMIN, Roles.AUDITOR) || commandCode.equals(actor.commandCode());
  }

  /** A command's grants are recertified by its own Commanding Officers. */
  public void requireRecertify(Actor actor, String commandCode) {
    require(
        actor.hasRole(Roles.COMMANDING_OFFICER) && commandCode.equals(actor.commandCode()),
        "Only " + commandCode + "'s Commanding Officers recertify its access.");
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ForbiddenException(message);
    }
  }
}
