package org.custodian.inbox.control;

import java.util.Map;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;

/**
 * What a process contributes to the shared inbox: who may act on its tasks beyond the candidate
 * groups (segregation of duties, ownership), and how a completed form moves the case on.
 */
public interface TaskHandler {

  boolean handles(InboxTask task);

  /** Throws ForbiddenException when the actor may not claim or decide this task. */
  void checkMayAct(Actor actor, InboxTask task);

  /** Validates the form, records the decision, completes the engine task: one transaction. */
  void complete(Actor actor, InboxTask task, Map<String, String> form);

  /**
   * One line saying what the task is about (e.g. the member and the access level), read from the
   * case itself: personal names stay in our tables, never in the engine's variables or history.
   */
  String subject(InboxTask task);

  /** The screen where this task is worked, e.g. {@code /access/review.xhtml?task=...}. */
  String page(InboxTask task);
}
