package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.Groups;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/**
 * "Escalate overdue review": a review past its due time stays open for its layer, is marked overdue
 * in the inbox, and is offered to the escalation group as well.
 */
@ApplicationScoped
@Named("escalateOverdueReview")
public class EscalateOverdueReview implements JavaDelegate {

  @Inject TaskService tasks;

  @Inject InboxProjection inbox;

  @Inject AuditLog audit;

  @Override
  public void execute(DelegateExecution execution) {
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(AccessReviewTasks.REVIEW_TASK)
            .list()) {
      tasks.addCandidateGroup(task.getId(), Groups.ACCESS_REVIEW_ESCALATION);
      tasks.setVariableLocal(task.getId(), "overdue", true);
      inbox.markOverdue(task.getId(), Groups.ACCESS_REVIEW_ESCALATION);
      audit.record(
          Actor.SYSTEM,
          "ACCESS_REVIEW_OVERDUE",
          "AccessRequest",
          execution.getVariable(InboxProjection.CASE_ID),
          execution.getVariable(InboxProjection.BUSINESS_KEY)
              + ": layer "
              + execution.getVariable("layer")
              + " review past due, escalated to "
              + Groups.ACCESS_REVIEW_ESCALATION);
    }
  }
}
