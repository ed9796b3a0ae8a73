package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.task.api.Task;

/** The recertification process's service tasks and its schedule. */
public final class RecertificationDelegates {

  private RecertificationDelegates() {}

  /** The quarterly schedule of the timer start event (a cron expression or an ISO-8601 cycle). */
  @ApplicationScoped
  @Named("recertificationSchedule")
  public static class Schedule implements org.custodian.platform.StartSchedule {
    @Inject
    @ConfigProperty(name = "custodian.access.recertification-cycle", defaultValue = "0 0 6 1 1/3 ?")
    String cycle;

    @Override
    public String processKey() {
      return "RecertificationProcess";
    }

    @Override
    public String setting() {
      return "custodian.access.recertification-cycle";
    }

    @Override
    public String cycle() {
      return cycle;
    }
  }

  /** "Open recertification campaign": one item per active grant; one task per command. */
  @ApplicationScoped
  @Named("openRecertificationCampaign")
  public static class Open implements JavaDelegate {
    @Inject Recertifications recertifications;

    @Inject
    @ConfigProperty(name = "custodian.access.recertification-due", defaultValue = "P14D")
    java.time.Duration due;

    @Inject
    @ConfigProperty(name = "custodian.access.recertification-reminder", defaultValue = "P11D")
    java.time.Duration reminder;

    @Override
    public void execute(DelegateExecution execution) {
      String startedBy = (String) execution.getVariable("startedBy");
      RecertificationCampaign campaign =
          recertifications.open(
              startedBy == null ? Actor.SYSTEM : startedBy, execution.getProcessInstanceId());
      execution.setVariable(InboxProjection.CASE_ID, campaign.id());
      execution.setVariable(InboxProjection.BUSINESS_KEY, campaign.businessKey());
      execution.setVariable("commands", new ArrayList<>(recertifications.commandsOf(campaign)));
      execution.setVariable("recertificationDue", due.toString());
      execution.setVariable("recertificationReminder", reminder.toString());
    }
  }

  /** "Remind Commanding Officers": three days before the deadline, open tasks say so. */
  @ApplicationScoped
  @Named("remindRecertification")
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
            Actor.SYSTEM, "RECERTIFICATION_REMINDED", "Task", task.getId(), task.getName());
      }
    }
  }

  /** "End uncertified grants": the deadline passed. */
  @ApplicationScoped
  @Named("endUncertifiedGrants")
  public static class EndUncertified implements JavaDelegate {
    @Inject Recertifications recertifications;

    @Override
    public void execute(DelegateExecution execution) {
      recertifications.endUncertified(InboxProjection.caseId(execution));
    }
  }

  /** "Close campaign": every command decided before the deadline. */
  @ApplicationScoped
  @Named("closeRecertificationCampaign")
  public static class Close implements JavaDelegate {
    @Inject Recertifications recertifications;

    @Override
    public void execute(DelegateExecution execution) {
      recertifications.close(InboxProjection.caseId(execution));
    }
  }
}
