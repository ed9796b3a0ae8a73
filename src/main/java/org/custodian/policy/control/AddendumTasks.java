package org.custodian.policy.control;

import static org.custodian.policy.control.Addenda.APPROVE_FINAL_TASK;
import static org.custodian.policy.control.Addenda.APPROVE_TASK;
import static org.custodian.policy.control.Addenda.DRAFT_TASK;
import static org.custodian.policy.control.Addenda.FINAL_LEGAL_TASK;
import static org.custodian.policy.control.Addenda.FINAL_PRIVACY_TASK;
import static org.custodian.policy.control.Addenda.LEGAL_TASK;
import static org.custodian.policy.control.Addenda.PRIVACY_TASK;
import static org.custodian.policy.control.Addenda.RESPOND_TASK;
import static org.custodian.policy.control.Addenda.WARN_AUTHOR_TASK;
import static org.custodian.policy.control.Addenda.WARN_COMMISSIONER_TASK;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.Roles;
import org.custodian.platform.web.Pages;
import org.custodian.policy.entity.Addendum;
import org.custodian.policy.entity.AddendumDraft;
import org.custodian.policy.entity.AddendumReview;
import org.custodian.policy.entity.AddendumReview.Kind;
import org.custodian.policy.entity.AddendumReview.SectionRemark;
import org.custodian.policy.entity.PublicComment;
import org.custodian.policy.entity.SectionKey;
import org.flowable.engine.TaskService;

/**
 * The addendum's tasks. The author drafts and answers; Legal Bureau counsel and the APO review (in
 * parallel, either may return it with remarks on sections); the Commissioner approves. Nobody
 * reviews or approves an addendum they wrote, and one person does not give both reviews of a round.
 */
@ApplicationScoped
public class AddendumTasks implements TaskHandler {

  public static final int MAX_REMARK = 4_000;
  public static final int MIN_REASON = 10;

  private static final Set<String> REVIEWS =
      Set.of(LEGAL_TASK, PRIVACY_TASK, FINAL_LEGAL_TASK, FINAL_PRIVACY_TASK);
  private static final Set<String> APPROVALS = Set.of(APPROVE_TASK, APPROVE_FINAL_TASK);

  @PersistenceContext EntityManager em;

  @Inject Addenda addenda;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Override
  public boolean handles(InboxTask task) {
    return Addenda.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    Addendum a = addenda.find(task.caseId());
    switch (task.taskKey()) {
      case DRAFT_TASK, RESPOND_TASK, WARN_AUTHOR_TASK -> Addenda.requireAuthor(actor, a);
      case LEGAL_TASK, FINAL_LEGAL_TASK -> reviewer(actor, a, Roles.LEGAL_REVIEWER, Kind.PRIVACY);
      case PRIVACY_TASK, FINAL_PRIVACY_TASK ->
          reviewer(actor, a, Roles.PRIVACY_OFFICER, Kind.LEGAL);
      case APPROVE_TASK, APPROVE_FINAL_TASK, WARN_COMMISSIONER_TASK -> {
        actor.requireRole(Roles.COMMISSIONER);
        notTheAuthor(actor, a);
      }
      default -> throw new IllegalStateException("unknown addendum task " + task.taskKey());
    }
  }

  private void reviewer(Actor actor, Addendum a, String role, Kind other) {
    actor.requireRole(role);
    notTheAuthor(actor, a);
    for (AddendumReview r : round(a)) {
      if (r.kind() == other && r.reviewer().equals(actor.username())) {
        throw new ForbiddenException(
            "You gave the "
                + other.label().toLowerCase()
                + " of this round; the other review needs someone else.");
      }
    }
  }

  private static void notTheAuthor(Actor actor, Addendum a) {
    if (actor.username().equals(a.author())) {
      throw new ForbiddenException(
          "You wrote " + a.businessKey() + "; someone else reviews and approves it.");
    }
  }

  private List<AddendumReview> round(Addendum a) {
    return em.createNamedQuery(AddendumReview.OF_ROUND, AddendumReview.class)
        .setParameter("addendum", a.id())
        .setParameter("round", a.round())
        .setParameter(
            "stage",
            a.status().beforeComment() ? AddendumDraft.Stage.PROPOSED : AddendumDraft.Stage.FINAL)
        .getResultList();
  }

  @Override
  public void complete(Actor actor, InboxTask task, Map<String, String> form) {
    checkMayAct(actor, task);
    Addendum a = addenda.find(task.caseId());
    Instant now = clock.now();
    String key = task.taskKey();
    if (DRAFT_TASK.equals(key)) {
      submitDraft(actor, task, a);
    } else if (RESPOND_TASK.equals(key)) {
      submitFinal(actor, task, a);
    } else if (REVIEWS.contains(key)) {
      review(actor, task, a, form, now);
    } else if (APPROVALS.contains(key)) {
      approve(actor, task, a, form, now);
    } else {
      tasks.complete(task.taskId());
      audit.record(
          actor.username(),
          "ADDENDUM_FIRST_USE_WARNING_ACKNOWLEDGED",
          "Addendum",
          a.id(),
          a.businessKey() + ": first use planned " + a.plannedFirstUse());
    }
    addenda.keepOverdueMarked(a); // a task created after the deadline is as late as the addendum
  }

  /** The draft goes to review; it must change the policy somewhere. */
  private void submitDraft(Actor actor, InboxTask task, Addendum a) {
    AddendumDraft draft = addenda.latestDraft(a.id());
    if (addenda.changes(a, draft.sections()).isEmpty()) {
      throw new InvalidInputException(
          "sections",
          "The draft does not change the policy yet: describe the new use in the sections it affects, and save.");
    }
    a.submitForReview();
    tasks.complete(task.taskId());
    audit.record(
        actor.username(),
        "ADDENDUM_SUBMITTED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " draft "
            + draft.number()
            + " to legal and privacy review (round "
            + a.round()
            + ")");
  }

  /** Every comment answered; the latest text becomes the final text under review. */
  private void submitFinal(Actor actor, InboxTask task, Addendum a) {
    long unanswered =
        em.createNamedQuery(PublicComment.UNANSWERED, Long.class)
            .setParameter("addendum", a.id())
            .getSingleResult();
    if (unanswered > 0) {
      throw new InvalidInputException(
          "responses",
          unanswered
              + " public comment(s) have no response yet; answer each comment, or a group of comments.");
    }
    AddendumDraft latest = addenda.latestDraft(a.id());
    if (latest.stage() != AddendumDraft.Stage.FINAL) {
      latest =
          new AddendumDraft(
              a.id(),
              latest.number() + 1,
              AddendumDraft.Stage.FINAL,
              actor.username(),
              clock.now(),
              latest.sections());
      em.persist(latest);
    }
    a.submitForReview();
    tasks.complete(task.taskId());
    audit.record(
        actor.username(),
        "ADDENDUM_FINAL_SUBMITTED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " final text (draft "
            + latest.number()
            + ") to legal and privacy review (round "
            + a.round()
            + ")");
  }

  private void review(
      Actor actor, InboxTask task, Addendum a, Map<String, String> form, Instant now) {
    Kind kind =
        LEGAL_TASK.equals(task.taskKey()) || FINAL_LEGAL_TASK.equals(task.taskKey())
            ? Kind.LEGAL
            : Kind.PRIVACY;
    boolean returned = decision(form, "APPROVE", "RETURN");
    List<SectionRemark> remarks = sectionRemarks(form);
    String comment = comment(form, returned && remarks.isEmpty());
    AddendumDraft draft = addenda.latestDraft(a.id());
    AddendumReview review =
        new AddendumReview(
            a.id(),
            a.round(),
            draft.stage(),
            kind,
            actor.username(),
            returned ? AddendumReview.Decision.RETURNED : AddendumReview.Decision.APPROVED,
            comment,
            draft.id(),
            now,
            remarks);
    em.persist(review);
    em.flush();
    List<AddendumReview> round = round(a);
    boolean bothIn =
        round.stream().anyMatch(r -> r.kind() == Kind.LEGAL)
            && round.stream().anyMatch(r -> r.kind() == Kind.PRIVACY);
    if (bothIn) {
      a.reviewsDone(
          round.stream()
              .anyMatch(
                  r ->
                      r.decision() == AddendumReview.Decision.RETURNED
                          && r.kind() != Kind.COMMISSIONER));
    }
    tasks.complete(
        task.taskId(), Map.of(kind == Kind.LEGAL ? "legalReturned" : "privacyReturned", returned));
    audit.record(
        actor.username(),
        returned ? "ADDENDUM_RETURNED" : "ADDENDUM_REVIEW_PASSED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " "
            + kind.label().toLowerCase()
            + " of draft "
            + draft.number()
            + ": "
            + (returned ? "returned" : "passed")
            + remarksSummary(remarks));
  }

  private void approve(
      Actor actor, InboxTask task, Addendum a, Map<String, String> form, Instant now) {
    boolean returned = decision(form, "APPROVE", "RETURN");
    String comment = comment(form, returned);
    AddendumDraft draft = addenda.latestDraft(a.id());
    em.persist(
        new AddendumReview(
            a.id(),
            a.round(),
            draft.stage(),
            Kind.COMMISSIONER,
            actor.username(),
            returned ? AddendumReview.Decision.RETURNED : AddendumReview.Decision.APPROVED,
            comment,
            draft.id(),
            now,
            sectionRemarks(form)));
    if (returned) {
      a.returnedByCommissioner();
    }
    String stage =
        APPROVE_TASK.equals(task.taskKey()) ? "for public comment" : "as the policy's next version";
    audit.record(
        actor.username(),
        returned ? "ADDENDUM_NOT_APPROVED" : "ADDENDUM_APPROVED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " draft "
            + draft.number()
            + (returned ? " returned by the Commissioner" : " approved " + stage));
    tasks.complete(
        task.taskId(),
        Map.of("approved", !returned)); // approval runs the publication in this transaction
  }

  /** True for the second (returning) choice. */
  private static boolean decision(Map<String, String> form, String pass, String back) {
    String decision = form.get("decision");
    if (pass.equals(decision)) {
      return false;
    }
    if (back.equals(decision)) {
      return true;
    }
    throw new InvalidInputException("decision", "decision must be " + pass + " or " + back + ".");
  }

  private static String comment(Map<String, String> form, boolean required) {
    String comment = form.get("comment");
    if (comment == null || comment.isBlank()) {
      if (required) {
        throw new InvalidInputException(
            "comment",
            "Say what must change (at least "
                + MIN_REASON
                + " characters), or comment on the sections.");
      }
      return null;
    }
    if (required && comment.strip().length() < MIN_REASON) {
      throw new InvalidInputException(
          "comment", "Say what must change (at least " + MIN_REASON + " characters).");
    }
    if (comment.length() > MAX_REMARK) {
      throw new InvalidInputException(
          "comment", "comment must be at most " + MAX_REMARK + " characters.");
    }
    return comment.strip();
  }

  /** Remarks on sections arrive as fields {@code section.RULES}, {@code section.TRAINING}, ... */
  static List<SectionRemark> sectionRemarks(Map<String, String> form) {
    List<SectionRemark> remarks = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, String> field : form.entrySet()) {
      if (!field.getKey().startsWith("section.")
          || field.getValue() == null
          || field.getValue().isBlank()) {
        continue;
      }
      String name = field.getKey().substring("section.".length());
      try {
        SectionKey key = SectionKey.valueOf(name);
        if (field.getValue().length() > MAX_REMARK) {
          errors.add(
              new FieldError(
                  field.getKey(), "A remark must be at most " + MAX_REMARK + " characters."));
        } else {
          remarks.add(new SectionRemark(key, field.getValue().strip()));
        }
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldError(
                field.getKey(),
                name
                    + " is not a section; sections are "
                    + java.util.Arrays.toString(SectionKey.values())
                    + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    remarks.sort(java.util.Comparator.comparing(SectionRemark::section));
    return remarks;
  }

  private static String remarksSummary(List<SectionRemark> remarks) {
    return remarks.isEmpty()
        ? ""
        : "; remarks on " + remarks.stream().map(r -> r.section().name()).toList();
  }

  @Override
  public String subject(InboxTask task) {
    Addendum a = addenda.find(task.caseId());
    String due =
        a.finalDueAt() != null && !a.status().beforeComment()
            ? "; final version due by " + Pages.time(a.finalDueAt())
            : "";
    return a.policy().title()
        + ": "
        + Addenda.abbreviate(a.newUse(), 120)
        + due
        + (a.overdue() ? " (OVERDUE)" : "");
  }

  @Override
  public String page(InboxTask task) {
    return switch (task.taskKey()) {
      case DRAFT_TASK, RESPOND_TASK -> "/addenda/edit.xhtml?task=" + task.taskId();
      default -> "/addenda/review.xhtml?task=" + task.taskId();
    };
  }
}
