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
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Roles;
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

  @Inject Directory directory;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Override
  public boolean handles(InboxTask task) {
    return Disclosures.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    actor.requireRole(Roles.PRIVACY_OFFICER);
    Disclosure disclosure = disclosures.find(task.caseId());
    if (actor.username().equals(disclosure.requestedBy())) {
      throw new ForbiddenException(
          "Nobody decides a disclosure they requested; another Agency Privacy Officer decides "
              + disclosure.businessKey()
              + ".");
    }
  }

  @Override
  public void complete(Actor actor, InboxTask task, Map<String, String> form) {
    checkMayAct(actor, task);
    Disclosure disclosure = disclosures.find(task.caseId());
    String decision = form.get("decision");
    String text = form.get(APPROVE_TASK.equals(task.taskKey()) ? "approvalText" : "comment");
    Instant now = clock.now();
    String name =
        directory.user(actor.username()).map(AppUser::displayName).orElse(actor.username());
    if (APPROVE_TASK.equals(task.taskKey())) {
      if (!"APPROVE".equals(decision) && !"DENY".equals(decision)) {
        throw new InvalidInputException("decision", "decision must be APPROVE or DENY.");
      }
      requireText(
          "approvalText", text, "The approval or denial is given in writing: write its text");
      DisclosureDecision d =
          disclosure.decideInWriting(
              task.taskId(), actor.username(), name, "APPROVE".equals(decision), text.strip(), now);
      audit.record(
          actor.username(),
          "APPROVE".equals(decision) ? "DISCLOSURE_APPROVED" : "DISCLOSURE_DENIED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey() + " in writing by " + name + ": " + d.text());
    } else {
      if (!"CONFIRM".equals(decision) && !"CONCERN".equals(decision)) {
        throw new InvalidInputException(
            "decision", "decision must be CONFIRM (the disclosure was proper) or CONCERN.");
      }
      requireText("comment", text, "Write the review's finding");
      DisclosureDecision d =
          disclosure.reviewAfterTheFact(
              task.taskId(), actor.username(), name, "CONFIRM".equals(decision), text.strip(), now);
      audit.record(
          actor.username(),
          "DISCLOSURE_REVIEWED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey() + " " + d.decision() + ": " + d.text());
    }
    tasks.complete(task.taskId());
  }

  private static void requireText(String field, String text, String what) {
    if (text == null || text.strip().length() < MIN_TEXT || text.length() > MAX_TEXT) {
      throw new InvalidInputException(
          field, what + " (" + MIN_TEXT + " to " + MAX_TEXT + " characters).");
    }
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
