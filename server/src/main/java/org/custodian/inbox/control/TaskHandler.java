package org.custodian.inbox.control;

import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;

/**
 * What a process contributes to the shared inbox: who may act on its tasks beyond the candidate
 * groups (segregation of duties, ownership, from the capability's own policy), the form each task
 * is completed with, and how a completed form moves the case on.
 */
public interface TaskHandler {

  boolean handles(InboxTask task);

  /** Throws ForbiddenException when the actor may not claim or decide this task. */
  void checkMayAct(Actor actor, InboxTask task);

  /**
   * The command record this task is completed with (screen and API fill the same one), e.g. {@code
   * ReviewAccessRequest(decision, comment)}.
   */
  Class<? extends Record> form(InboxTask task);

  /**
   * Records the decision and completes the engine task as the actor ({@code complete(taskId,
   * actor.username(), ...)}: the history names who completed it), in the caller's transaction. The
   * form is of {@link #form}'s type and has passed its constraints; the actor passed {@link
   * #checkMayAct}.
   */
  void complete(Actor actor, InboxTask task, Record form);

  /**
   * One line saying what the task is about (e.g. the member and the access level), read from the
   * case itself: personal names stay in our tables, never in the engine's variables or history.
   */
  String subject(InboxTask task);

  /** The screen where this task is worked, e.g. {@code /access/review.xhtml?task=...}. */
  String page(InboxTask task);
}
