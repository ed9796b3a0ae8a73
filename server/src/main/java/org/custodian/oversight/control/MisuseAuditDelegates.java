package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.Groups;
import org.custodian.platform.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/** The misuse audit processes' service tasks and the monthly schedule. */
public final class MisuseAuditDelegates {

  private MisuseAuditDelegates() {}

  /** The monthly schedule of the round's timer start event (a cron expression or ISO cycle). */
  @ApplicationScoped
  @Named("misuseAuditSchedule")
  public static class Schedule implements org.custodian.platform.StartSchedule {
    @Inject
    @ConfigProperty(name = "custodian.oversight.misuse-audit-cycle", defaultValue = "0 0 6 1 * ?")
    String cycle;

    @Override
    public String processKey() {
      return "MisuseAuditRoundProcess";
    }

    @Override
    public String setting() {
      return "custodian.oversight.misuse-audit-cycle";
    }

    @Override
    public String cycle() {
      return cycle;
    }
  }

  /** "Open one misuse audit per command": the month before this one. */
  @ApplicationScoped
  @Named("openMisuseAudits")
  public static class Open implements JavaDelegate {
    @Inject MisuseAudits audits;

    @Inject EngineClock clock;

    @Override
    public void execute(DelegateExecution execution) {
      audits.openRound(Actor.SYSTEM, audits.previousMonth(clock.now()));
    }
  }

  /** "Remind the Commanding Officer": three days before the deadline the task says so. */
  @ApplicationScoped
  @Named("remindMisuseAudit")
  public static class Remind implements JavaDelegate {
    @Inject TaskService tasks;

    @Inject InboxProjection inbox;

    @Inject AuditLog audit;

    @Override
    public void execute(DelegateExecution execution) {
      for (Task task :
          tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
        inbox.remind(
            task.getId(), "Reminder, due " + Pages.time(task.getDueDate().toInstant()) + ":");
        audit.record(
            Actor.SYSTEM,
            "MISUSE_AUDIT_REMINDED",
            "MisuseAudit",
            execution.getVariable(InboxProjection.CASE_ID),
            execution.getVariable(InboxProjection.BUSINESS_KEY) + " due soon");
      }
    }
  }

  /**
   * "Escalate to the Integrity Control Officer": past due, the audit stays open, marked overdue,
   * and the command's Integrity Control Officers may complete it too.
   */
  @ApplicationScoped
  @Named("escalateMisuseAudit")
  public static class Escalate implements JavaDelegate {
    @Inject TaskService tasks;

    @Inject InboxProjection inbox;

    @Inject AuditLog audit;

    @Inject MisuseAudits audits;

    @Inject EngineClock clock;

    @Override
    public void execute(DelegateExecution execution) {
      String group = Groups.integrityControlOfficers((String) execution.getVariable("command"));
      MisuseAudit misuseAudit =
          audits.find(((Number) execution.getVariable(InboxProjection.CASE_ID)).longValue());
      misuseAudit.escalated(clock.now());
      for (Task task :
          tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId()).list()) {
        tasks.addCandidateGroup(task.getId(), group);
        tasks.setVariableLocal(task.getId(), "overdue", true);
        inbox.markOverdue(task.getId(), group);
      }
      audit.record(
          Actor.SYSTEM,
          "MISUSE_AUDIT_OVERDUE",
          "MisuseAudit",
          misuseAudit.id(),
          misuseAudit.businessKey() + " past due, escalated to " + group);
    }
  }
}
