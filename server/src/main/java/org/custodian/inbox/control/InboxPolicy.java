package org.custodian.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;

/**
 * Who sees a task in the shared inbox: the person it is assigned to, or, while nobody has claimed
 * it, the members of the groups it is offered to. Whether they may decide it is the process's own
 * rule ({@link TaskHandler#checkMayAct}, from its capability's policy).
 */
@ApplicationScoped
public class InboxPolicy {

  public boolean mayView(Actor actor, InboxTask task) {
    return actor.username().equals(task.assignee()) || task.isCandidate(actor.groups());
  }

  public void requireView(Actor actor, InboxTask task) {
    if (!mayView(actor, task)) {
      throw new ForbiddenException("This task is not offered to you.");
    }
  }

  /** Only whoever claimed a task hands it back. */
  /** Whether the actor holds the task (claimed it): they may hand it back. */
  public boolean holds(Actor actor, InboxTask task) {
    return actor.username().equals(task.assignee());
  }

  public void requireUnclaim(Actor actor, InboxTask task) {
    if (!holds(actor, task)) {
      throw new ForbiddenException("Only the person who claimed a task may hand it back.");
    }
  }
}
