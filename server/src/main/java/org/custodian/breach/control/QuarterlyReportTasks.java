package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/** "Compile quarterly report": the City CPO reviews the generated summary and publishes it. */
@ApplicationScoped
public class QuarterlyReportTasks implements TaskHandler {

  @Inject QuarterlyReports reports;

  @Inject TaskService tasks;

  @Inject RuntimeService runtime;

  @Inject BreachPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return QuarterlyReports.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    policy.requireCompileQuarterly(actor);
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return PublishQuarterlyReport.class;
  }

  public String quarterOf(InboxTask task) {
    return (String) runtime.getVariable(task.executionId(), "quarter");
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    reports.publish(actor, quarterOf(task));
    tasks.complete(task.taskId(), actor.username(), Map.of());
  }

  @Override
  public String subject(InboxTask task) {
    return "The anonymized summary of " + quarterOf(task) + "'s confirmed breaches";
  }

  @Override
  public String page(InboxTask task) {
    return "/breach/quarterly.xhtml?task=" + task.taskId();
  }
}
