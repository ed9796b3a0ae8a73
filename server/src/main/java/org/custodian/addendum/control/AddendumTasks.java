package org.custodian.addendum.control;

import static org.custodian.addendum.control.Addenda.APPROVE_FINAL_TASK;
import static org.custodian.addendum.control.Addenda.APPROVE_TASK;
import static org.custodian.addendum.control.Addenda.DRAFT_TASK;
import static org.custodian.addendum.control.Addenda.FINAL_LEGAL_TASK;
import static org.custodian.addendum.control.Addenda.FINAL_PRIVACY_TASK;
import static org.custodian.addendum.control.Addenda.LEGAL_TASK;
import static org.custodian.addendum.control.Addenda.PRIVACY_TASK;
import static org.custodian.addendum.control.Addenda.RESPOND_TASK;
import static org.custodian.addendum.control.Addenda.WARN_AUTHOR_TASK;
import static org.custodian.addendum.control.Addenda.WARN_COMMISSIONER_TASK;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.addendum.entity.AddendumReview;
import org.custodian.addendum.entity.AddendumReview.Kind;
import org.custodian.addendum.entity.AddendumReview.SectionRemark;
import org.custodian.addendum.entity.PublicComment;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;
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

  @Inject AddendumPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return Addenda.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    Addendum a = addenda.find(task.caseId());
    switch (task.taskKey()) {
      case DRAFT_TASK, RESPOND_TASK, WARN_AUTHOR_TASK -> policy.requireAuthor(actor, a);
      case LEGAL_TASK, FINAL_LEGAL_TASK ->
          policy.requireReview(actor, a, true, gaveReview(actor, a, Kind.PRIVACY));
      case PRIVACY_TASK, FINAL_PRIVACY_TASK ->
          policy.requireReview(actor, a, false, gaveReview(actor, a, Kind.LEGAL));
      case APPROVE_TASK, APPROVE_FINAL_TASK, WARN_COMMISSIONER_TASK ->
          policy.requireApprove(actor, a);
      default -> throw new IllegalStateException("unknown addendum task " + task.taskKey());
    }
  }

  /** Whether the actor gave this round's review of that kind. */
  private boolean gaveReview(Actor actor, Addendum a, Kind kind) {
    return round(a).stream()
        .anyMatch(r -> r.kind() == kind && r.reviewer().equals(actor.username()));
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return switch (task.taskKey()) {
      case DRAFT_TASK, RESPOND_TASK -> SubmitDraft.class;
      case WARN_AUTHOR_TASK, WARN_COMMISSIONER_TASK -> AcknowledgeFirstUseWarning.class;
      case APPROVE_TASK, APPROVE_FINAL_TASK -> ApproveAddendum.class;
      default -> DecideAddendum.class;
    };
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
  public void complete(Actor actor, InboxTask task, Record form) {
    Addendum a = addenda.find(task.caseId());
    Instant now = clock.now();
    String key = task.taskKey();
    if (DRAFT_TASK.equals(key)) {
      submitDraft(actor, task, a);
    } else if (RESPOND_TASK.equals(key)) {
      submitFinal(actor, task, a);
    } else if (REVIEWS.contains(key)) {
      review(actor, task, a, (DecideAddendum) form, now);
    } else if (APPROVALS.contains(key)) {
      approve(actor, task, a, (ApproveAddendum) form, now);
    } else {
      tasks.complete(task.taskId(), actor.username(), Map.of());
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
    tasks.complete(task.taskId(), actor.username(), Map.of());
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
    tasks.complete(task.taskId(), actor.username(), Map.of());
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

  private void review(Actor actor, InboxTask task, Addendum a, DecideAddendum form, Instant now) {
    Kind kind =
        LEGAL_TASK.equals(task.taskKey()) || FINAL_LEGAL_TASK.equals(task.taskKey())
            ? Kind.LEGAL
            : Kind.PRIVACY;
    boolean returned = form.decision() == DecideAddendum.Decision.RETURN;
    List<SectionRemark> remarks = sectionRemarks(form.sections());
    String comment = comment(form.comment());
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
        task.taskId(),
        actor.username(),
        Map.of(kind == Kind.LEGAL ? "legalReturned" : "privacyReturned", returned));
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

  private void approve(Actor actor, InboxTask task, Addendum a, ApproveAddendum form, Instant now) {
    boolean returned = form.decision() == DecideAddendum.Decision.RETURN;
    String comment = comment(form.comment());
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
            sectionRemarks(form.sections())));
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
        actor.username(),
        Map.of("approved", !returned)); // approval runs the publication in this transaction
  }

  private static String comment(String comment) {
    return comment == null || comment.isBlank() ? null : comment.strip();
  }

  /** The remarks on sections, in section order; a blank remark is none. */
  static List<SectionRemark> sectionRemarks(Map<SectionKey, String> sections) {
    List<SectionRemark> remarks = new ArrayList<>();
    if (sections != null) {
      sections.forEach(
          (key, remark) -> {
            if (remark != null && !remark.isBlank()) {
              remarks.add(new SectionRemark(key, remark.strip()));
            }
          });
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
