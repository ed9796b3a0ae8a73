package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.oversight.entity.FocusedAudit;
import org.custodian.platform.Actor;
import org.flowable.engine.TaskService;

/** "Review focused audit request": the Information Technology Bureau approves or refuses. */
@ApplicationScoped
public class FocusedAuditTasks implements TaskHandler {

  @Inject FocusedAudits audits;

  @Inject OversightPolicy policy;

  @Inject TaskService tasks;

  @Override
  public boolean handles(InboxTask task) {
    return FocusedAudits.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    policy.requireDecideFocusedAudit(actor, audits.find(task.caseId()).requestedBy());
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return DecideFocusedAudit.class;
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    DecideFocusedAudit d = (DecideFocusedAudit) form;
    audits.decide(actor, audits.find(task.caseId()), d);
    tasks.complete(
        task.taskId(),
        actor.username(),
        Map.of("approved", d.decision() == DecideFocusedAudit.Decision.APPROVE));
  }

  @Override
  public String subject(InboxTask task) {
    FocusedAudit a = audits.find(task.caseId());
    return "Focused audit of " + a.members().size() + " member(s), requested by " + a.requestedBy();
  }

  @Override
  public String page(InboxTask task) {
    return "/oversight/focused-audit.xhtml?id=" + task.caseId() + "&task=" + task.taskId();
  }
}
