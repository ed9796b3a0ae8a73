package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.oversight.entity.MisuseAllegation;
import org.custodian.platform.Actor;
import org.flowable.engine.TaskService;

/**
 * The allegation's two tasks: "Triage misuse allegation" (Internal Affairs: the command or IAB
 * investigates) and "Investigate misuse allegation" (the holder: outcome, conclusion, grants).
 */
@ApplicationScoped
public class MisuseAllegationTasks implements TaskHandler {

  public static final String TRIAGE = "Task_TriageAllegation";
  public static final String INVESTIGATE = "Task_InvestigateAllegation";

  @Inject MisuseAllegations allegations;

  @Inject OversightPolicy policy;

  @Inject TaskService tasks;

  @Override
  public boolean handles(InboxTask task) {
    return MisuseAllegations.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    MisuseAllegation a = allegations.find(task.caseId());
    if (TRIAGE.equals(task.taskKey())) {
      policy.requireTriageAllegation(actor);
    } else {
      policy.requireInvestigateAllegation(actor, a.status(), allegations.commandCode(a));
    }
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return TRIAGE.equals(task.taskKey()) ? TriageAllegation.class : ConcludeAllegation.class;
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    MisuseAllegation a = allegations.find(task.caseId());
    if (form instanceof TriageAllegation triage) {
      String investigators = allegations.triage(actor, a, triage);
      tasks.complete(task.taskId(), actor.username(), Map.of("investigators", investigators));
    } else {
      allegations.conclude(actor, a, (ConcludeAllegation) form);
      tasks.complete(task.taskId(), actor.username(), Map.of());
    }
  }

  @Override
  public String subject(InboxTask task) {
    MisuseAllegation a = allegations.find(task.caseId());
    return "Allegation of misuse, " + allegations.commandCode(a) + ", filed by " + a.filedBy();
  }

  @Override
  public String page(InboxTask task) {
    return "/oversight/allegation.xhtml?id=" + task.caseId() + "&task=" + task.taskId();
  }
}
