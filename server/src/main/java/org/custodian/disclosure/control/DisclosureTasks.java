package org.custodian.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.AppUser;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDecision;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.notification.control.Notices;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.flowable.engine.TaskService;

/**
 * The Agency Privacy Officer's disclosure tasks: the written approval or denial (bases 1-3) and the
 * review after the fact (bases 6, 7). Nobody decides a disclosure they requested (checked at claim
 * and at completion).
 */
@ApplicationScoped
public class DisclosureTasks implements TaskHandler {

  public static final String APPROVE_TASK = "Task_ApproveInWriting";
  public static final String REVIEW_TASK = "Task_ReviewAfterTheFact";

  /** The written approval or denial: long enough to say why, short enough for a letter. */
  public static final int MIN_TEXT = 20;

  public static final int MAX_TEXT = 8_000;

  @Inject Disclosures disclosures;

  @Inject Notices notices;

  @Inject Directory directory;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject DisclosurePolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return Disclosures.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    policy.requireDecide(actor, disclosures.find(task.caseId()));
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return APPROVE_TASK.equals(task.taskKey()) ? DecideInWriting.class : ReviewAfterTheFact.class;
  }

  /**
   * The decision's text is kept in full with the decision (and the letter); the audit entry refers
   * to it.
   */
  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    Disclosure disclosure = disclosures.find(task.caseId());
    Instant now = clock.now();
    String name =
        directory.user(actor.username()).map(AppUser::displayName).orElse(actor.username());
    if (form instanceof DecideInWriting decide) {
      boolean approve = decide.decision() == DecideInWriting.Choice.APPROVE;
      DisclosureDecision d =
          disclosure.decideInWriting(
              task.taskId(), actor.username(), name, approve, decide.approvalText().strip(), now);
      audit.record(
          actor.username(),
          approve ? "DISCLOSURE_APPROVED" : "DISCLOSURE_DENIED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey()
              + " in writing by "
              + name
              + "; its text ("
              + d.text().length()
              + " characters) is kept with the decision");
      notices.requestDecided(
          disclosure.requestedBy(),
          disclosure.businessKey(),
          "Disclosure request "
              + disclosure.businessKey()
              + (approve ? " was approved in writing" : " was denied"),
          "/custodian/disclosure/view.xhtml?id=" + disclosure.id());
    } else {
      ReviewAfterTheFact review = (ReviewAfterTheFact) form;
      DisclosureDecision d =
          disclosure.reviewAfterTheFact(
              task.taskId(),
              actor.username(),
              name,
              review.decision() == ReviewAfterTheFact.Choice.CONFIRM,
              review.comment().strip(),
              now);
      audit.record(
          actor.username(),
          "DISCLOSURE_REVIEWED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey()
              + " "
              + d.decision()
              + "; the finding ("
              + d.text().length()
              + " characters) is kept with the decision");
    }
    tasks.complete(task.taskId(), actor.username(), Map.of());
  }

  @Override
  public String subject(InboxTask task) {
    Disclosure d = disclosures.find(task.caseId());
    return "Basis "
        + d.basis().number()
        + " to "
        + d.recipient().organization()
        + " ("
        + d.recipient().kind().label()
        + "), "
        + d.subjects().size()
        + " subject(s), requested by "
        + d.requestedBy();
  }

  @Override
  public String page(InboxTask task) {
    return "/disclosure/decide.xhtml?task=" + task.taskId();
  }
}
