package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachReport;
import org.custodian.breach.entity.Cause;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Roles;
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

  @Override
  public boolean handles(InboxTask task) {
    return BreachReports.PROCESS.equals(task.processKey());
  }

  public static final String PROPOSE_TASK = "Task_ProposeNotification";
  public static final String CONCUR_TASK = "Task_ConcurOnNotification";
  public static final String SEND_TASK = "Task_SendNotifications";

  /** The City CPO acknowledges and concurs; the APO does the rest. */
  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    boolean cpo =
        BreachReports.ACKNOWLEDGE_TASK.equals(task.taskKey()) || CONCUR_TASK.equals(task.taskKey());
    actor.requireRole(cpo ? Roles.CHIEF_PRIVACY_OFFICER : Roles.PRIVACY_OFFICER);
  }

  @Override
  public void complete(Actor actor, InboxTask task, Map<String, String> form) {
    checkMayAct(actor, task);
    BreachReport b = breaches.find(task.caseId());
    Instant now = clock.now();
    switch (task.taskKey()) {
      case BreachReports.ASSESS_TASK -> assess(actor, task, b, form, now);
      case BreachReports.REPORT_TASK -> {
        String summary = text(form, "summary", "Write the report the City CPO receives");
        b.reportToCpo(actor.username(), now, summary);
        tasks.complete(task.taskId());
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
        tasks.complete(task.taskId());
        audit.record(
            actor.username(),
            "BREACH_ACKNOWLEDGED",
            "BreachReport",
            b.id(),
            b.businessKey() + " acknowledged by the City CPO");
      }
      case PROPOSE_TASK -> propose(actor, task, b, form, now);
      case CONCUR_TASK -> concur(actor, task, b, form, now);
      case SEND_TASK -> {
        long open = notifications.unsettled(b.id());
        if (open > 0) {
          throw new InvalidInputException(
              "notifications",
              open + " notification(s) are neither sent nor have their efforts documented.");
        }
        b.close(now);
        tasks.complete(task.taskId());
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
  private void assess(
      Actor actor, InboxTask task, BreachReport b, Map<String, String> form, Instant now) {
    String awareAt = form.get("awareAt");
    if (awareAt != null && !awareAt.isBlank()) {
      try {
        breaches.setAwareAt(actor, b.id(), Instant.parse(awareAt.strip()), form.get("awareReason"));
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(
            "awareAt", "awareAt must be an ISO-8601 instant, e.g. 2026-11-22T14:00:00Z.");
      }
    }
    String decision = form.get("decision");
    if ("CONFIRM".equals(decision)) {
      Cause cause;
      try {
        cause = Cause.valueOf(form.getOrDefault("cause", ""));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            "cause", "cause must be one of " + java.util.Arrays.toString(Cause.values()) + ".");
      }
      String notes = form.get("notes");
      b.confirm(
          actor.username(),
          now,
          cause,
          notes == null || notes.isBlank() ? null : limit(notes, "notes"));
      tasks.complete(task.taskId(), Map.of("confirmed", true));
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
              + cause
              + "); due to the City CPO by "
              + Pages.time(b.cpoDeadline()));
    } else if ("NOT_A_VIOLATION".equals(decision)) {
      String reason = text(form, "notes", "Say why it is not a violation");
      b.notAViolation(actor.username(), now, reason);
      tasks.complete(task.taskId(), Map.of("confirmed", false));
      audit.record(
          actor.username(),
          "BREACH_NOT_A_VIOLATION",
          "BreachReport",
          b.id(),
          b.businessKey() + ": " + reason);
    } else {
      throw new InvalidInputException("decision", "decision must be CONFIRM or NOT_A_VIOLATION.");
    }
  }

  /** NOTIFY with its grounds, or NOT_NOTIFY; the rationale in either case. */
  private void propose(
      Actor actor, InboxTask task, BreachReport b, Map<String, String> form, Instant now) {
    String decision = form.get("decision");
    if (!"NOTIFY".equals(decision) && !"NOT_NOTIFY".equals(decision)) {
      throw new InvalidInputException("decision", "decision must be NOTIFY or NOT_NOTIFY.");
    }
    java.util.EnumSet<BreachReport.Ground> grounds =
        java.util.EnumSet.noneOf(BreachReport.Ground.class);
    String raw = form.getOrDefault("grounds", "");
    for (String g : raw.split(",")) {
      if (!g.isBlank()) {
        try {
          grounds.add(BreachReport.Ground.valueOf(g.strip()));
        } catch (IllegalArgumentException e) {
          throw new InvalidInputException(
              "grounds",
              "grounds must be among "
                  + java.util.Arrays.toString(BreachReport.Ground.values())
                  + ".");
        }
      }
    }
    boolean notify = "NOTIFY".equals(decision);
    if (notify && grounds.isEmpty()) {
      throw new InvalidInputException(
          "grounds",
          "Notification needs its ground: risk of harm, decided with the City CPO and the Law Department, or legally required.");
    }
    String rationale = text(form, "rationale", "Give the grounds in words");
    b.proposeNotification(notify, grounds, rationale, actor.username(), now);
    tasks.complete(task.taskId(), Map.of("notify", notify));
    audit.record(
        actor.username(),
        "BREACH_NOTIFICATION_PROPOSED",
        "BreachReport",
        b.id(),
        b.businessKey() + ": " + decision + " " + grounds + ": " + rationale);
  }

  /** CONCUR, or OBJECT with the objection (back to the APO). */
  private void concur(
      Actor actor, InboxTask task, BreachReport b, Map<String, String> form, Instant now) {
    String decision = form.get("decision");
    if ("CONCUR".equals(decision)) {
      b.cpoConcurs(actor.username(), now);
      if (b.status() == BreachReport.Status.NOTIFYING) {
        notifications.prepare(b);
      }
      tasks.complete(task.taskId(), Map.of("concurred", true));
      audit.record(
          actor.username(),
          "BREACH_NOTIFICATION_CONCURRED",
          "BreachReport",
          b.id(),
          b.businessKey()
              + ": the City CPO concurs ("
              + (Boolean.TRUE.equals(b.notifyIndividuals()) ? "notify" : "no notification")
              + ")");
    } else if ("OBJECT".equals(decision)) {
      String objection = text(form, "comment", "Say what the City CPO objects to");
      b.cpoObjects(objection);
      tasks.complete(task.taskId(), Map.of("concurred", false));
      audit.record(
          actor.username(),
          "BREACH_NOTIFICATION_OBJECTED",
          "BreachReport",
          b.id(),
          b.businessKey() + ": " + objection);
    } else {
      throw new InvalidInputException("decision", "decision must be CONCUR or OBJECT.");
    }
  }

  private static String text(Map<String, String> form, String field, String what) {
    String text = form.get(field);
    if (text == null || text.strip().length() < MIN_TEXT || text.length() > MAX_TEXT) {
      throw new InvalidInputException(
          field, what + " (" + MIN_TEXT + " to " + MAX_TEXT + " characters).");
    }
    return text.strip();
  }

  private static String limit(String text, String field) {
    if (text.length() > 4_000) {
      throw new InvalidInputException(field, field + " must be at most 4000 characters.");
    }
    return text.strip();
  }

  @Override
  public String subject(InboxTask task) {
    BreachReport b = breaches.find(task.caseId());
    return "Disclosed to "
        + b.disclosedTo()
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
