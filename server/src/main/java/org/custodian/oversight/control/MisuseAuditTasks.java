package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.oversight.entity.MisuseAuditItem;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.web.Pages;
import org.flowable.engine.TaskService;

/**
 * "Audit your command's system use": the command's Commanding Officer (past due, its Integrity
 * Control Officer) marks every event of the sample and every open finding reviewed or questionable,
 * with a note for a questionable one.
 */
@ApplicationScoped
public class MisuseAuditTasks implements TaskHandler {

  @Inject MisuseAudits audits;

  @Inject OversightPolicy policy;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Override
  public boolean handles(InboxTask task) {
    return MisuseAudits.PROCESS.equals(task.processKey());
  }

  public MisuseAudit auditOf(InboxTask task) {
    return audits.find(task.caseId());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    MisuseAudit a = auditOf(task);
    policy.requireConductMisuseAudit(actor, audits.commandCode(a), a.escalatedAt() != null);
  }

  /** The events to review, for whoever conducts the audit; the read is audited. */
  public List<MisuseAuditItem> items(Actor actor, InboxTask task) {
    checkMayAct(actor, task);
    MisuseAudit a = auditOf(task);
    List<MisuseAuditItem> items = audits.items(a.id());
    audit.record(
        actor.username(),
        "MISUSE_AUDIT_ITEMS_VIEWED",
        "MisuseAudit",
        a.id(),
        a.businessKey() + ": " + items.size() + " event(s)");
    return items;
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return ReviewSample.class;
  }

  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    MisuseAudit a = auditOf(task);
    if (a.status() != MisuseAudit.Status.OPEN) {
      throw new ConflictException("This audit is " + a.status() + " already.");
    }
    Map<String, ReviewSample.Review> reviews = ((ReviewSample) form).items();
    List<MisuseAuditItem> items = audits.items(a.id());
    Map<String, MisuseAuditItem> byId =
        items.stream().collect(Collectors.toMap(i -> String.valueOf(i.id()), i -> i));
    List<FieldError> errors = new ArrayList<>();
    for (String id : reviews.keySet()) {
      if (!byId.containsKey(id)) {
        errors.add(new FieldError("items." + id, "is not an event of this audit"));
      }
    }
    for (MisuseAuditItem item : items) {
      ReviewSample.Review review = reviews.get(String.valueOf(item.id()));
      if (review == null) {
        errors.add(
            new FieldError("items." + item.id(), "needs a verdict: REVIEWED or QUESTIONABLE"));
      } else if (review.verdict() == MisuseAuditItem.Verdict.QUESTIONABLE
          && (review.note() == null || review.note().isBlank())) {
        errors.add(
            new FieldError(
                "items." + item.id() + ".note", "must say why the event is questionable"));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Instant now = clock.now();
    int questionable = 0;
    for (MisuseAuditItem item : items) {
      ReviewSample.Review review = reviews.get(String.valueOf(item.id()));
      String note = review.note() == null || review.note().isBlank() ? null : review.note().strip();
      item.decide(review.verdict(), note, actor.username(), now);
      if (review.verdict() == MisuseAuditItem.Verdict.QUESTIONABLE) {
        questionable++;
      }
    }
    a.complete(actor.username(), now);
    audit.record(
        actor.username(),
        "MISUSE_AUDIT_COMPLETED",
        "MisuseAudit",
        a.id(),
        a.businessKey()
            + ": "
            + items.size()
            + " event(s) reviewed, "
            + questionable
            + " questionable");
    tasks.complete(task.taskId(), actor.username(), Map.of());
  }

  @Override
  public String subject(InboxTask task) {
    MisuseAudit a = auditOf(task);
    return audits.commandCode(a)
        + ", "
        + java.time.YearMonth.from(a.periodStart().atZone(MisuseAudits.ZONE))
        + ": "
        + a.sampleSize()
        + " sampled event(s) and open findings, due "
        + Pages.time(a.dueAt());
  }

  @Override
  public String page(InboxTask task) {
    return "/oversight/misuse-audit.xhtml?task=" + task.taskId();
  }
}
