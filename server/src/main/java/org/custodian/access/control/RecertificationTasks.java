package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.access.entity.RecertificationItem;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * "Recertify access for COMMAND": the command's Commanding Officer keeps or ends each active grant
 * of the command's members (per grant, or all at once).
 */
@ApplicationScoped
public class RecertificationTasks implements TaskHandler {

  @Inject Recertifications recertifications;

  @Inject Revocations revocations;

  @Inject RuntimeService runtime;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject AccessPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return Recertifications.PROCESS.equals(task.processKey());
  }

  /** The command a task recertifies (its multi-instance element variable). */
  public String commandOf(InboxTask task) {
    return (String) runtime.getVariable(task.executionId(), "command");
  }

  /**
   * The grants a recertification task lists, for the command's Commanding Officer (members' access
   * is personal data: the read is audited).
   */
  public List<RecertificationItem> items(Actor actor, InboxTask task) {
    checkMayAct(actor, task);
    List<RecertificationItem> items = recertifications.itemsOf(task.caseId(), commandOf(task));
    audit.record(
        actor.username(),
        "RECERTIFICATION_ITEMS_VIEWED",
        "RecertificationCampaign",
        task.caseId(),
        commandOf(task) + ": " + items.size() + " grant(s)");
    return items;
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    policy.requireRecertify(actor, commandOf(task));
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return KeepOrEndGrants.class;
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    RecertificationCampaign campaign = recertifications.find(task.caseId());
    KeepOrEnd<RecertificationItem> decided =
        KeepOrEnd.read(
            recertifications.itemsOf(task.caseId(), commandOf(task)),
            RecertificationItem::grant,
            (KeepOrEndGrants) form);
    Instant now = clock.now();
    for (RecertificationItem item : decided.keep()) {
      item.decide(RecertificationItem.Decision.KEEP, actor.username(), now);
    }
    for (RecertificationItem item : decided.end()) {
      item.decide(RecertificationItem.Decision.END, actor.username(), now);
      if (item.grant().active()) {
        revocations.end(
            item.grant(),
            now,
            "ended at recertification by " + actor.username() + " (" + campaign.businessKey() + ")",
            actor.username(),
            "recertification decision");
      }
    }
    int kept = decided.keep().size();
    int ended = decided.end().size();
    audit.record(
        actor.username(),
        "RECERTIFICATION_DECIDED",
        "RecertificationCampaign",
        campaign.id(),
        campaign.businessKey() + " " + commandOf(task) + ": kept " + kept + ", ended " + ended);
    tasks.complete(task.taskId(), actor.username(), Map.of());
  }

  @Override
  public String subject(InboxTask task) {
    RecertificationCampaign campaign = recertifications.find(task.caseId());
    return "Every active grant of "
        + commandOf(task)
        + "'s members, due "
        + org.custodian.platform.web.Pages.time(campaign.dueAt());
  }

  @Override
  public String page(InboxTask task) {
    return "/access/recertify.xhtml?task=" + task.taskId();
  }
}
