package org.custodian.addendum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.addendum.entity.AddendumReview;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;
import org.custodian.platform.web.Pages;
import org.custodian.policy.control.Policies;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.control.PolicyHtml;
import org.custodian.policy.entity.PolicyDocument;
import org.custodian.policy.entity.PolicyVersion;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Addenda to the impact and use policies: opening one, saving drafts, the comment period's opening
 * and closing, the final deadline, publication as the policy's next version. Each step is one
 * transaction with its audit entry.
 */
@ApplicationScoped
public class Addenda {

  public static final String PROCESS = "AddendumDraftingProcess";
  public static final String DRAFT_TASK = "Task_DraftAddendum";
  public static final String LEGAL_TASK = "Task_LegalReview";
  public static final String PRIVACY_TASK = "Task_PrivacyReview";
  public static final String APPROVE_TASK = "Task_ApprovePublication";
  public static final String RESPOND_TASK = "Task_RespondToComments";
  public static final String FINAL_LEGAL_TASK = "Task_FinalLegalReview";
  public static final String FINAL_PRIVACY_TASK = "Task_FinalPrivacyReview";
  public static final String APPROVE_FINAL_TASK = "Task_ApproveFinal";
  public static final String WARN_AUTHOR_TASK = "Task_FirstUseWarningAuthor";
  public static final String WARN_COMMISSIONER_TASK = "Task_FirstUseWarningCommissioner";

  public static final int MIN_NEW_USE = 20;
  public static final int MAX_NEW_USE = 8_000;

  /** One section's text: a 50-page policy is about 150,000 characters in all. */
  public static final int MAX_SECTION = 400_000;

  @PersistenceContext EntityManager em;

  @Inject RuntimeService runtime;

  @Inject TaskService tasks;

  @Inject InboxProjection inbox;

  @Inject Policies policies;

  @Inject BusinessKeys businessKeys;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject AddendumPolicy policy;

  @Inject Validation validation;

  /** POST Act: the comment period. */
  @Inject
  @ConfigProperty(name = "custodian.addendum.comment-window", defaultValue = "P45D")
  Duration commentWindow;

  /**
   * POST Act: the final version within 45 days after the comment period closes; a reminder before.
   */
  @Inject
  @ConfigProperty(name = "custodian.addendum.final-deadline", defaultValue = "P45D")
  Duration finalDeadline;

  @Inject
  @ConfigProperty(name = "custodian.addendum.final-reminder", defaultValue = "P30D")
  Duration finalReminder;

  /** POST Act: the proposed policy is posted at least 90 days before the new use begins. */
  @Inject
  @ConfigProperty(name = "custodian.addendum.first-use-notice", defaultValue = "P90D")
  java.time.Period firstUseNotice;

  /**
   * A policy author opens an addendum for a technology's new use; the policy's text is the first
   * draft.
   */
  @Transactional
  public Addendum open(Actor actor, OpenAddendum command) {
    policy.requireOpen(actor);
    validation.check(command);
    String technology = command.technology().strip();
    String newUse = command.newUse();
    LocalDate plannedFirstUse = command.plannedFirstUse();
    List<FieldError> errors = new ArrayList<>();
    PolicyDocument policy = policies.coveringTechnology(technology).orElse(null);
    if (policy == null) {
      errors.add(
          new FieldError(
              "technology", "No impact and use policy covers technology " + technology + "."));
    }
    String use = PolicyHtml.plainText(newUse);
    if (use.length() < MIN_NEW_USE || use.length() > MAX_NEW_USE) {
      errors.add(
          new FieldError(
              "newUse",
              "Describe the new use or enhancement ("
                  + MIN_NEW_USE
                  + " to "
                  + MAX_NEW_USE
                  + " characters)."));
    }
    LocalDate today = LocalDate.ofInstant(clock.now(), Pages.NEW_YORK);
    if (!plannedFirstUse.isAfter(today)) {
      errors.add(
          new FieldError("plannedFirstUse", "The planned first use must be a date after today."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Long open =
        em.createQuery(
                "select count(a) from Addendum a where a.policy.id = :policy and a.status not in :finished",
                Long.class)
            .setParameter("policy", policy.id())
            .setParameter("finished", List.of(Addendum.Status.PUBLISHED, Addendum.Status.WITHDRAWN))
            .getSingleResult();
    if (open > 0) {
      throw new ConflictException(
          "An addendum to the "
              + policy.title()
              + " policy is already in progress; one at a time.");
    }
    Instant now = clock.now();
    PolicyVersion base = policies.latest(policy);
    Addendum a =
        new Addendum(
            businessKeys.next("AD"),
            policy,
            base.id(),
            technology,
            use,
            plannedFirstUse,
            actor.username(),
            now);
    em.persist(a);
    em.flush();
    em.persist(
        new AddendumDraft(
            a.id(), 1, AddendumDraft.Stage.PROPOSED, actor.username(), now, base.sections()));
    audit.record(
        actor.username(),
        "ADDENDUM_OPENED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " to "
            + policy.code()
            + " version "
            + base.number()
            + " for "
            + technology
            + "; first use planned "
            + plannedFirstUse);
    a.started(runtime.startProcessInstanceByKey(PROCESS, a.businessKey(), variables(a)).getId());
    return a;
  }

  private Map<String, Object> variables(Addendum a) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InboxProjection.CASE_ID, a.id());
    variables.put(InboxProjection.BUSINESS_KEY, a.businessKey());
    variables.put("author", a.author());
    variables.put("legalReviewers", Groups.LEGAL_REVIEWERS);
    variables.put("privacyOfficers", Groups.PRIVACY_OFFICERS);
    variables.put("commissioners", Groups.COMMISSIONERS);
    return variables;
  }

  /** Every addendum ever published for comment, the latest first. */
  public List<Addendum> publicList() {
    return em.createNamedQuery(Addendum.PUBLIC, Addendum.class).setMaxResults(500).getResultList();
  }

  /**
   * The version numbers of the addenda's base and published versions, by version id: one query for
   * a whole list.
   */
  public Map<Long, Integer> versionNumbers(List<Addendum> addenda) {
    java.util.Set<Long> ids = new java.util.HashSet<>();
    for (Addendum a : addenda) {
      ids.add(a.baseVersionId());
      if (a.publishedVersionId() != null) {
        ids.add(a.publishedVersionId());
      }
    }
    return policies.versionNumbers(ids);
  }

  public Integer publishedNumber(Addendum a) {
    return a.publishedVersionId() == null
        ? null
        : policies.version(a.publishedVersionId()).number();
  }

  public Addendum find(Long id) {
    Addendum a = id == null ? null : em.find(Addendum.class, id);
    if (a == null) {
      throw new NotFoundException("There is no addendum " + id + ".");
    }
    return a;
  }

  /** The addendum for someone who may read it; the view is audited. */
  @Transactional
  public Addendum view(Actor actor, Long id) {
    policy.requireRead(actor);
    Addendum a = find(id);
    audit.record(actor.username(), "ADDENDUM_VIEWED", "Addendum", a.id(), a.businessKey());
    return a;
  }

  @Transactional
  public List<Addendum> list(Actor actor) {
    policy.requireRead(actor);
    List<Addendum> all =
        em.createNamedQuery(Addendum.ALL, Addendum.class).setMaxResults(500).getResultList();
    audit.record(actor.username(), "ADDENDA_LISTED", "Addendum", null, all.size() + " addenda");
    return all;
  }

  public List<AddendumDraft> drafts(Long addendumId) {
    return em.createNamedQuery(AddendumDraft.OF_ADDENDUM, AddendumDraft.class)
        .setParameter("addendum", addendumId)
        .getResultList();
  }

  public AddendumDraft latestDraft(Long addendumId) {
    return em.createNamedQuery(AddendumDraft.OF_ADDENDUM, AddendumDraft.class)
        .setParameter("addendum", addendumId)
        .setMaxResults(1)
        .getSingleResult();
  }

  public AddendumDraft draft(Long addendumId, int number) {
    return em.createNamedQuery(AddendumDraft.NUMBERED, AddendumDraft.class)
        .setParameter("addendum", addendumId)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException("Addendum " + addendumId + " has no draft " + number + "."));
  }

  /** The text published for comment: the last draft before the comment period. */
  public AddendumDraft proposedText(Long addendumId) {
    return em.createQuery(
            "select d from AddendumDraft d where d.addendumId = :addendum and d.stage = :stage order by d.number desc",
            AddendumDraft.class)
        .setParameter("addendum", addendumId)
        .setParameter("stage", AddendumDraft.Stage.PROPOSED)
        .setMaxResults(1)
        .getSingleResult();
  }

  public List<AddendumReview> reviews(Long addendumId) {
    return em.createNamedQuery(AddendumReview.OF_ADDENDUM, AddendumReview.class)
        .setParameter("addendum", addendumId)
        .getResultList();
  }

  /**
   * One of the addendum's texts by name: "base" (the policy version it started from) or a draft
   * number; {@code field} names the parameter in the error for anything else.
   */
  public List<Section> text(Addendum a, String which, String field) {
    if ("base".equals(which)) {
      return base(a).sections();
    }
    try {
      return draft(a.id(), Integer.parseInt(which)).sections();
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, field + " must be a draft number or \"base\".");
    }
  }

  /**
   * What a text of the addendum changes in the policy version it started from: the changed
   * sections.
   */
  public List<PolicyDiff.SectionDiff> changes(Addendum a, List<Section> text) {
    return PolicyDiff.changedOnly(PolicyDiff.compare(base(a).sections(), text));
  }

  /** The policy version the addendum started from. */
  public PolicyVersion base(Addendum a) {
    return policies.version(a.baseVersionId());
  }

  /** What a save left: the latest draft, and whether the save made it (false: nothing changed). */
  public record SavedDraft(AddendumDraft draft, boolean created) {}

  /**
   * The author saves the text: every save is a new draft version. Sections not sent keep the latest
   * draft's text. An unchanged text makes no new version.
   */
  @Transactional
  public SavedDraft saveDraft(Actor actor, Long id, SaveDraft command) {
    Addendum a = find(id);
    policy.requireAuthor(actor, a);
    validation.check(command);
    Map<SectionKey, String> changed = command.sections();
    if (a.status() != Addendum.Status.DRAFTING && a.status() != Addendum.Status.RESPONDING) {
      throw new ConflictException(
          a.businessKey()
              + " is "
              + a.status()
              + ": the text can be changed only while its author drafts or answers comments.");
    }
    List<FieldError> errors = new ArrayList<>();
    AddendumDraft latest = latestDraft(a.id());
    Map<SectionKey, String> text = new EnumMap<>(SectionKey.class);
    latest.sections().forEach(s -> text.put(s.key(), s.body()));
    changed.forEach(
        (key, html) -> {
          String clean = PolicyHtml.sanitize(html);
          if (clean.length() > MAX_SECTION) {
            errors.add(
                new FieldError(
                    "sections." + key.name(),
                    key.heading() + " is too long (at most " + MAX_SECTION + " characters)."));
          } else {
            text.put(key, clean);
          }
        });
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<Section> sections = new ArrayList<>();
    for (SectionKey key : SectionKey.values()) {
      sections.add(new Section(key, text.getOrDefault(key, "")));
    }
    AddendumDraft.Stage stage =
        a.status() == Addendum.Status.DRAFTING
            ? AddendumDraft.Stage.PROPOSED
            : AddendumDraft.Stage.FINAL;
    if (latest.stage() == stage && latest.sections().equals(sections)) {
      return new SavedDraft(latest, false);
    }
    AddendumDraft draft =
        new AddendumDraft(
            a.id(), latest.number() + 1, stage, actor.username(), clock.now(), sections);
    em.persist(draft);
    em.flush();
    long changedSections =
        PolicyDiff.changedOnly(PolicyDiff.compare(latest.sections(), sections)).size();
    audit.record(
        actor.username(),
        "ADDENDUM_DRAFT_SAVED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " draft "
            + draft.number()
            + " ("
            + stage
            + "), "
            + changedSections
            + " section(s) changed");
    return new SavedDraft(draft, true);
  }

  /**
   * The author or the Commissioner abandons an addendum before publication, with the reason: its
   * process ends, its open tasks go, the policy is free for another addendum.
   */
  @Transactional
  public Addendum withdraw(Actor actor, Long id, WithdrawAddendum command) {
    Addendum a = find(id);
    policy.requireWithdraw(actor, a);
    validation.check(command);
    String reason = command.reason();
    a.withdraw(clock.now(), reason.strip());
    if (a.processInstanceId() != null) {
      runtime.deleteProcessInstance(a.processInstanceId(), "withdrawn by " + actor.username());
    }
    audit.record(
        actor.username(),
        "ADDENDUM_WITHDRAWN",
        "Addendum",
        a.id(),
        a.businessKey() + ": withdrawn; the reason is kept on the addendum");
    return a;
  }

  /**
   * "Publish for public comment" (the Commissioner approved): the window opens now; returns the
   * addendum.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Addendum openComments(Long id) {
    Addendum a = find(id);
    Instant now = clock.now();
    Instant closes = now.plus(commentWindow);
    boolean tooSoon = firstUseTooSoon(a.plannedFirstUse(), now);
    a.openForComment(now, closes, tooSoon);
    audit.record(
        Actor.SYSTEM,
        "ADDENDUM_OPEN_FOR_COMMENT",
        "Addendum",
        a.id(),
        a.businessKey()
            + " published for public comment until "
            + closes
            + (tooSoon
                ? "; WARNING: planned first use "
                    + a.plannedFirstUse()
                    + " is less than "
                    + firstUseNotice
                    + " after publication"
                : ""));
    return a;
  }

  /**
   * The comment window's timer fired: the final version is due within 45 days; returns the
   * addendum.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Addendum closeComments(Long id) {
    Addendum a = find(id);
    Instant now = clock.now();
    Instant due = now.plus(finalDeadline);
    a.closeComments(now, due);
    long comments =
        em.createQuery("select count(c) from PublicComment c where c.addendumId = :a", Long.class)
            .setParameter("a", a.id())
            .getSingleResult();
    audit.record(
        Actor.SYSTEM,
        "ADDENDUM_COMMENTS_CLOSED",
        "Addendum",
        a.id(),
        a.businessKey() + ": " + comments + " comment(s); final version due by " + due);
    return a;
  }

  /**
   * POST Act: whether a first use on that date is less than the notice (90 days) after publication
   * at {@code publishedAt}.
   */
  public boolean firstUseTooSoon(LocalDate plannedFirstUse, Instant publishedAt) {
    return plannedFirstUse.isBefore(earliestFirstUse(publishedAt));
  }

  /**
   * The first day a new use may begin if its addendum is published for comment at {@code
   * publishedAt}.
   */
  public LocalDate earliestFirstUse(Instant publishedAt) {
    return LocalDate.ofInstant(publishedAt, Pages.NEW_YORK).plus(firstUseNotice);
  }

  /**
   * An overdue addendum's tasks stay marked (and offered to the Commissioner) whenever they are
   * created.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void keepOverdueMarked(Addendum a) {
    if (a.overdue() && a.processInstanceId() != null && !a.status().finished()) {
      for (Task task : tasks.createTaskQuery().processInstanceId(a.processInstanceId()).list()) {
        inbox.markOverdue(task.getId(), Groups.COMMISSIONERS);
      }
    }
  }

  /** When the reminder about the final version goes out: {@code final-reminder} after the close. */
  public Instant finalReminderAt(Addendum a) {
    return a.commentClosedAt().plus(finalReminder);
  }

  /** 30 days after the close: the open tasks say how long is left. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void remindFinal(Long id, String processInstanceId) {
    Addendum a = find(id);
    Instant now = clock.now();
    a.reminded(now);
    Duration left = Duration.between(now, a.finalDueAt());
    String note =
        "Reminder: the final version is due by "
            + Pages.time(a.finalDueAt())
            + " ("
            + left.toDays()
            + " days left):";
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
      inbox.remind(task.getId(), note);
    }
    audit.record(
        Actor.SYSTEM, "ADDENDUM_REMINDED", "Addendum", a.id(), a.businessKey() + ": " + note);
  }

  /**
   * 45 days after the close without publication: overdue for good, and the Commissioner sees it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void markOverdue(Long id) {
    Addendum a = find(id);
    a.markOverdue(clock.now());
    keepOverdueMarked(a);
    audit.record(
        Actor.SYSTEM,
        "ADDENDUM_OVERDUE",
        "Addendum",
        a.id(),
        a.businessKey() + ": the final version was due by " + a.finalDueAt());
  }

  /** The Commissioner approved the final text: it becomes the policy's next version. */
  @Transactional(Transactional.TxType.MANDATORY)
  public PolicyVersion publish(Long id) {
    Addendum a = find(id);
    Instant now = clock.now();
    AddendumDraft text = latestDraft(a.id());
    String label = "Addendum " + a.businessKey() + ": " + abbreviate(a.newUse(), 200);
    PolicyVersion version = policies.publish(a.policy(), label, now, a.id(), text.sections());
    em.flush();
    a.published(version.id(), now);
    audit.record(
        Actor.SYSTEM,
        "ADDENDUM_PUBLISHED",
        "Addendum",
        a.id(),
        a.businessKey()
            + " published as "
            + a.policy().code()
            + " version "
            + version.number()
            + (a.finalDueAt() != null && now.isAfter(a.finalDueAt())
                ? ", late (due " + a.finalDueAt() + ")"
                : ""));
    return version;
  }

  public static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
  }
}
