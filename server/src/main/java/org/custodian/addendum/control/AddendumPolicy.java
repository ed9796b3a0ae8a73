package org.custodian.addendum.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.addendum.entity.Addendum;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who may do what with addenda to the impact and use policies. The one place these rules are
 * written; REST resources and screens reach them through the control services.
 *
 * <p>POST Act: a policy author drafts; Legal Bureau counsel and the Agency Privacy Officer review;
 * the Commissioner approves; nobody reviews or approves what they wrote, and one person does not
 * give both reviews of a round. The public reads and comments without signing in.
 */
@ApplicationScoped
public class AddendumPolicy {

  /** Who may read an addendum's drafts, reviews and comments. */
  static final String[] READERS = {
    Roles.POLICY_AUTHOR,
    Roles.LEGAL_REVIEWER,
    Roles.PRIVACY_OFFICER,
    Roles.COMMISSIONER,
    Roles.AUDITOR
  };

  public boolean mayOpen(Actor actor) {
    return actor.hasRole(Roles.POLICY_AUTHOR);
  }

  public void requireOpen(Actor actor) {
    require(mayOpen(actor), "Only a policy author opens an addendum.");
  }

  public boolean mayRead(Actor actor) {
    return actor.hasAnyRole(READERS);
  }

  public void requireRead(Actor actor) {
    require(
        mayRead(actor),
        "Addenda are read by policy authors, reviewers, the Commissioner and auditors.");
  }

  /** Its author writes its text and answers the comments. */
  public boolean isAuthor(Actor actor, Addendum a) {
    return actor.hasRole(Roles.POLICY_AUTHOR) && actor.username().equals(a.author());
  }

  /** Whoever may not read the addendum is told that, and not who wrote it. */
  public void requireAuthor(Actor actor, Addendum a) {
    requireRead(actor);
    require(
        isAuthor(actor, a),
        "Only " + a.author() + ", who opened " + a.businessKey() + ", writes its text.");
  }

  /** Its author or the Commissioner, until it is published (or already withdrawn). */
  public boolean mayWithdraw(Actor actor, Addendum a) {
    return !a.status().finished() && mayWithdrawAny(actor, a);
  }

  public void requireWithdraw(Actor actor, Addendum a) {
    require(
        mayWithdrawAny(actor, a),
        "Only its author or the Commissioner withdraws " + a.businessKey() + ".");
  }

  private static boolean mayWithdrawAny(Actor actor, Addendum a) {
    return actor.username().equals(a.author()) || actor.hasRole(Roles.COMMISSIONER);
  }

  /**
   * A review of a round: counsel ({@code legal}) or the Agency Privacy Officer, not the author, and
   * not whoever gave the round's other review ({@code gaveOtherReview}).
   */
  public void requireReview(Actor actor, Addendum a, boolean legal, boolean gaveOtherReview) {
    require(
        actor.hasRole(legal ? Roles.LEGAL_REVIEWER : Roles.PRIVACY_OFFICER),
        legal
            ? "Only Legal Bureau counsel gives the legal review."
            : "Only the Agency Privacy Officer gives the privacy review.");
    notTheAuthor(actor, a);
    require(
        !gaveOtherReview,
        "You gave the "
            + (legal ? "privacy" : "legal")
            + " review of this round; the other review needs someone else.");
  }

  /** The Commissioner approves, never an addendum they wrote. */
  public void requireApprove(Actor actor, Addendum a) {
    require(actor.hasRole(Roles.COMMISSIONER), "Only the Commissioner approves an addendum.");
    notTheAuthor(actor, a);
  }

  private static void notTheAuthor(Actor actor, Addendum a) {
    require(
        !actor.username().equals(a.author()),
        "You wrote " + a.businessKey() + "; someone else reviews and approves it.");
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ForbiddenException(message);
    }
  }
}
