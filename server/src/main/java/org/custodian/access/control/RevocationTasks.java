package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;

/**
 * The revocation process's tasks: the new command's Commanding Officer confirms (keeps) or ends
 * each grant the new command's functions permit; the old command's Commanding Officer acknowledges
 * the reassignment.
 */
@ApplicationScoped
public class RevocationTasks implements TaskHandler {

  public static final String CONFIRM_TASK = "Task_ConfirmContinuedNeed";
  public static final String ACKNOWLEDGE_TASK = "Task_AcknowledgeReassignment";

  @Inject PersonnelEvents events;

  @Inject Revocations revocations;

  @Inject TaskService tasks;

  @Inject RuntimeService runtime;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject AccessPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return PersonnelEvents.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    PersonnelEvent event = events.find(task.caseId());
    if (ACKNOWLEDGE_TASK.equals(task.taskKey())) {
      policy.requireAcknowledge(actor, event);
    } else {
      policy.requireConfirm(actor, event);
    }
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return ACKNOWLEDGE_TASK.equals(task.taskKey())
        ? AcknowledgeReassignment.class
        : KeepOrEndGrants.class;
  }

  /**
   * The personnel event a task is about (the member's name and move), for the Commanding Officer
   * who acts on it; the read is audited.
   */
  public PersonnelEvent event(Actor actor, InboxTask task) {
    checkMayAct(actor, task);
    PersonnelEvent event = events.find(task.caseId());
    audit.record(
        actor.username(),
        "PERSONNEL_EVENT_VIEWED",
        "PersonnelEvent",
        event.id(),
        event.businessKey());
    return event;
  }

  /**
   * The grants a confirmation task lists, in id order, for the Commanding Officer who decides them
   * (members' access is personal data: the read is audited).
   */
  public List<AccessGrant> grantsToConfirm(Actor actor, InboxTask task) {
    checkMayAct(actor, task);
    List<AccessGrant> grants = grantsToConfirm(task);
    audit.record(
        actor.username(),
        "GRANTS_TO_CONFIRM_VIEWED",
        "PersonnelEvent",
        task.caseId(),
        grants.size() + " grant(s)");
    return grants;
  }

  private List<AccessGrant> grantsToConfirm(InboxTask task) {
    String ids =
        (String)
            runtime.getVariable(task.processInstanceId(), ApplyPersonnelEvent.GRANTS_TO_CONFIRM);
    return revocations.grants(ids(ids));
  }

  static List<Long> ids(String csv) {
    if (csv == null || csv.isBlank()) {
      return List.of();
    }
    return Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    PersonnelEvent event = events.find(task.caseId());
    if (ACKNOWLEDGE_TASK.equals(task.taskKey())) {
      audit.record(
          actor.username(),
          "REASSIGNMENT_ACKNOWLEDGED",
          "PersonnelEvent",
          event.id(),
          event.businessKey());
      tasks.complete(task.taskId(), actor.username(), Map.of());
      return;
    }
    KeepOrEnd<AccessGrant> decided =
        KeepOrEnd.read(grantsToConfirm(task), g -> g, (KeepOrEndGrants) form);
    List<AccessGrant> keep = decided.keep();
    List<AccessGrant> end = decided.end();
    Instant now = clock.now();
    for (AccessGrant grant : end) {
      if (grant.active()) {
        revocations.end(
            grant,
            now,
            "ended by " + actor.username() + " after reassignment (" + event.businessKey() + ")",
            actor.username(),
            "Commanding Officer's decision");
      }
    }
    audit.record(
        actor.username(),
        "CONTINUED_NEED_DECIDED",
        "PersonnelEvent",
        event.id(),
        event.businessKey()
            + ": kept "
            + keep.stream().map(g -> g.accessLevel().qualifiedCode()).toList()
            + ", ended "
            + end.stream().map(g -> g.accessLevel().qualifiedCode()).toList());
    tasks.complete(task.taskId(), actor.username(), Map.of());
  }

  @Override
  public String subject(InboxTask task) {
    PersonnelEvent event = events.find(task.caseId());
    String move =
        event.type() == PersonnelEvent.Type.SEPARATED
            ? "separated"
            : "reassigned " + event.previousCommand().code() + " → " + event.newCommand().code();
    return event.member().name() + ": " + move;
  }

  @Override
  public String page(InboxTask task) {
    return "/access/confirm.xhtml?task=" + task.taskId();
  }
}
