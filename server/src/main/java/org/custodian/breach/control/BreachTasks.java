package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachReport;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;
import org.flowable.engine.TaskService;

/**
 * The breach tasks: the APO assesses ("Assess breach") and reports ("Report to the City CPO"); the
 * City CPO acknowledges. Only the APO assesses and reports; only the City CPO acknowledges.
 */
@ApplicationScoped
public class BreachTasks implements TaskHandler {

  public static final int MIN_TEXT = 20;
  public static final int MAX_TEXT = 8_000;

  @Inject BreachReports breaches;

  @Inject BreachNotifications notifications;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BreachPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return BreachReports.PROCESS.equals(task.processKey());
  }

  public static final String PROPOSE_TASK = "Task_ProposeNotification";
  public static final String CONCUR_TASK = "Task_ConcurOnNotification";
  public static final String SEND_TASK = "Task_SendNotifications";

  /** The City CPO acknowledges and concurs; the APO does the rest ({@link BreachPolicy}). */
  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    if (BreachReports.ACKNOWLEDGE_TASK.equals(task.taskKey())
        || CONCUR_TASK.equals(task.taskKey())) {
      policy.requireReceive(actor);
    } else if (BreachReports.ASSESS_TASK.equals(task.taskKey())) {
      policy.requireAssess(actor, breaches.find(task.caseId()));
    } else {
      policy.requireHandle(actor);
    }
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return switch (task.taskKey()) {
      case BreachReports.ASSESS_TASK -> AssessBreach.class;
      case BreachReports.REPORT_TASK -> ReportToCpo.class;
      case BreachReports.ACKNOWLEDGE_TASK -> AcknowledgeBreachReport.class;
      case PROPOSE_TASK -> ProposeNotification.class;
      case CONCUR_TASK -> ConcurOnNotification.class;
      case SEND_TASK -> SendNotifications.class;
      default -> throw new IllegalStateException("unknown breach task " + task.taskKey());
    };
  }

  /**
   * Each step records its text in full on the case (the notes, the report, the rationale, the
   * objection); the audit entry says what was decided and refers to it.
   */
  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    BreachReport b = breaches.find(task.caseId());
    Instant now = clock.now();
    switch (task.taskKey()) {
      case BreachReports.ASSESS_TASK -> assess(actor, task, b, (AssessBreach) form, now);
      case BreachReports.REPORT_TASK -> {
        b.reportToCpo(actor.username(), now, ((ReportToCpo) form).summary().strip());
        tasks.complete(task.taskId(), actor.username(), Map.of());
        audit.record(
            actor.username(),
            "BREACH_REPORTED_TO_CPO",
            "BreachReport",
            b.id(),
            b.businessKey()
                + (b.overdue()
                    ? " late by " + b.lateness() + " (due " + b.cpoDeadline() + ")"
                    : " on time (due " + b.cpoDeadline() + ")"));
      }
      case BreachReports.ACKNOWLEDGE_TASK -> {
        b.acknowledge(actor.username(), now);
        tasks.complete(task.taskId(), actor.username(), Map.of());
        audit.record(
            actor.username(),
            "BREACH_ACKNOWLEDGED",
            "BreachReport",
            b.id(),
            b.businessKey() + " acknowledged by the City CPO");
      }
      case PROPOSE_TASK -> propose(actor, task, b, (ProposeNotification) form, now);
      case CONCUR_TASK -> concur(actor, task, b, (ConcurOnNotification) form, now);
      case SEND_TASK -> {
        long open = notifications.unsettled(b.id());
        if (open > 0) {
          throw new InvalidInputException(
              "notifications",
              open + " notification(s) are neither sent nor have their efforts documented.");
        }
        b.close(now);
        tasks.complete(task.taskId(), actor.username(), Map.of());
        audit.record(
            actor.username(),
            "BREACH_CLOSED",
            "BreachReport",
            b.id(),
            b.businessKey() + ": every affected individual notified or the efforts documented");
      }
      default -> throw new IllegalStateException("unknown breach task " + task.taskKey());
    }
  }

  /**
   * CONFIRM (with the cause) or NOT_A_VIOLATION (with the reason); awareAt may move earlier here
   * too.
   */
  private void assess(Actor actor, InboxTask task, BreachReport b, AssessBreach form, Instant now) {
    if (form.awareAt() != null) {
      breaches.setAwareAt(actor, b.id(), new SetAwareAt(form.awareAt(), form.awareReason()));
    }
    if (form.decision() == AssessBreach.Decision.CONFIRM) {
      String notes = form.notes() == null || form.notes().isBlank() ? null : form.notes().strip();
      b.confirm(actor.username(), now, form.cause(), notes);
      tasks.complete(task.taskId(), actor.username(), Map.of("confirmed", true));
      if (b.overdue()) {
        breaches.escalate(b); // the report task, created just now, is as late as the case
      }
      audit.record(
          actor.username(),
          "BREACH_CONFIRMED",
          "BreachReport",
          b.id(),
          b.businessKey()
              + ": a violation ("
              + form.cause()
              + "); due to the City CPO by "
              + Pages.time(b.cpoDeadline()));
    } else {
      b.notAViolation(actor.username(), now, form.notes().strip());
      tasks.complete(task.taskId(), actor.username(), Map.of("confirmed", false));
      audit.record(
          actor.username(),
          "BREACH_NOT_A_VIOLATION",
          "BreachReport",
          b.id(),
          b.businessKey() + ": not a violation; the reason is kept with the assessment");
    }
  }

  /** NOTIFY with its grounds, or NOT_NOTIFY; the rationale in either case. */
  private void propose(
      Actor actor, InboxTask task, BreachReport b, ProposeNotification form, Instant now) {
    boolean notify = form.decision() == ProposeNotification.Decision.NOTIFY;
    java.util.EnumSet<BreachReport.Ground> grounds =
        java.util.EnumSet.noneOf(BreachReport.Ground.class);
    if (form.grounds() != null) {
      grounds.addAll(form.grounds());
    }
    b.proposeNotification(notify, grounds, form.rationale().strip(), actor.username(), now);
    tasks.complete(task.taskId(), actor.username(), Map.of("notify", notify));
    audit.record(
        actor.username(),
        "BREACH_NOTIFICATION_PROPOSED",
        "BreachReport",
        b.id(),
        b.businessKey()
            + ": "
            + form.decision()
            + " "
            + grounds
            + "; the rationale is kept with the proposal");
  }

  /** CONCUR, or OBJECT with the objection (back to the APO). */
  private void concur(
      Actor actor, InboxTask task, BreachReport b, ConcurOnNotification form, Instant now) {
    if (form.decision() == ConcurOnNotification.Decision.CONCUR) {
      b.cpoConcurs(actor.username(), now);
      if (b.status() == BreachReport.Status.NOTIFYING) {
        notifications.prepare(b);
      }
      tasks.complete(task.taskId(), actor.username(), Map.of("concurred", true));
      audit.record(
          actor.username(),
          "BREACH_NOTIFICATION_CONCURRED",
          "BreachReport",
          b.id(),
          b.businessKey()
              + ": the City CPO concurs ("
              + (Boolean.TRUE.equals(b.notifyIndividuals()) ? "notify" : "no notification")
              + ")");
    } else {
      b.cpoObjects(form.comment().strip());
      tasks.complete(task.taskId(), actor.username(), Map.of("concurred", false));
      audit.record(
          actor.username(),
          "BREACH_NOTIFICATION_OBJECTED",
          "BreachReport",
          b.id(),
          b.businessKey() + ": the City CPO objects; the objection is kept on the case");
    }
  }

  /**
   * The task's line in the inbox. The City CPO's tasks name the kind of recipient, not the
   * reporter's words for it (which may name a person: the CPO sees no names).
   */
  @Override
  public String subject(InboxTask task) {
    BreachReport b = breaches.find(task.caseId());
    boolean forTheCpo =
        BreachReports.ACKNOWLEDGE_TASK.equals(task.taskKey()) || CONCUR_TASK.equals(task.taskKey());
    return "Disclosed to "
        + (forTheCpo
            ? (b.recipientKind() == null ? "a recipient" : b.recipientKind().label().toLowerCase())
            : b.disclosedTo())
        + ", "
        + b.affectedCount()
        + " affected; due to the City CPO by "
        + Pages.time(b.cpoDeadline())
        + (b.overdue() ? " (OVERDUE)" : "");
  }

  @Override
  public String page(InboxTask task) {
    return "/breach/case.xhtml?task=" + task.taskId();
  }
}
