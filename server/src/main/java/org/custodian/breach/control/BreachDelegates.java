package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachReport;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.web.Pages;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/** The breach process' service tasks: the reminders and the deadline. */
public final class BreachDelegates {

  private BreachDelegates() {}

  /** "Remind the APO": the open tasks say how long is left. */
  @ApplicationScoped
  @Named("remindBreachDeadline")
  public static class Remind implements JavaDelegate {
    @Inject BreachReports breaches;

    @Inject TaskService tasks;

    @Inject InboxProjection inbox;

    @Inject AuditLog audit;

    @Inject EngineClock clock;

    @Override
    public void execute(DelegateExecution execution) {
      BreachReport b = breaches.find(InboxProjection.caseId(execution));
      Duration left = Duration.between(clock.now(), b.cpoDeadline());
      if (left.isNegative() || b.reportedToCpoAt() != null) {
        return;
      }
      String note =
          "Reminder: "
              + left.toHours()
              + " h "
              + left.toMinutesPart()
              + " min left, due "
              + Pages.time(b.cpoDeadline())
              + ":";
      for (Task task :
          tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
        inbox.remind(task.getId(), note);
      }
      audit.record(
          Actor.SYSTEM, "BREACH_REMINDED", "BreachReport", b.id(), b.businessKey() + ": " + note);
    }
  }

  /** "Mark overdue and escalate": 24 hours passed without a report to the City CPO. */
  @ApplicationScoped
  @Named("markBreachOverdue")
  public static class MarkOverdue implements JavaDelegate {
    @Inject BreachReports breaches;

    @Override
    public void execute(DelegateExecution execution) {
      breaches.markOverdue(InboxProjection.caseId(execution));
    }
  }
}
