package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.access.control.Revocations;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.GrantSuspension;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.oversight.entity.AccessEvent;
import org.custodian.oversight.entity.MisuseAllegation;
import org.custodian.oversight.entity.MisuseAllegationStep;
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
import org.flowable.engine.RuntimeService;

/**
 * Allegations of misuse of the covered systems. Policies, INTERNAL AUDIT &amp; OVERSIGHT:
 * "Allegations of misuse are internally investigated at the command level or by the Internal
 * Affairs Bureau (IAB)." Filed against a member with the events it is about and the member's active
 * grants; Internal Affairs sends it to the command or keeps it; the investigator records steps and
 * an outcome; a substantiated case ends the grants the investigator names, at once.
 */
@ApplicationScoped
public class MisuseAllegations {

  public static final String PROCESS = "MisuseAllegationProcess";

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject Revocations revocations;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BusinessKeys businessKeys;

  @Inject RuntimeService runtime;

  @Inject OversightPolicy policy;

  @Inject Validation validation;

  /** An allegation as its readers see it. */
  public record View(
      long id,
      String businessKey,
      String memberTaxNumber,
      String memberName,
      String command,
      String filedBy,
      Instant filedAt,
      String summary,
      MisuseAllegation.Status status,
      MisuseAllegation.Outcome outcome,
      String conclusion,
      String closedBy,
      Instant closedAt,
      List<EventView> events,
      List<GrantView> grants,
      List<StepView> steps) {}

  public record EventView(
      long id, Instant at, String action, String subject, String record, String purpose) {}

  /** A linked grant: held or ended, and if suspended now, until when. */
  public record GrantView(
      long id, String access, boolean active, Instant endedAt, Instant suspendedUntil) {}

  public record StepView(Instant at, String actor, String text) {}

  @Transactional
  public MisuseAllegation file(Actor actor, FileAllegation f) {
    policy.requireFileAnyAllegation(actor);
    validation.check(f);
    Member member =
        directory
            .memberWithTaxNumber(f.memberTaxNumber().strip())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "memberTaxNumber", "No member has the tax number " + f.memberTaxNumber()));
    policy.requireFileAllegation(actor, member.command().code());
    List<FieldError> errors = new ArrayList<>();
    Set<Long> events = new LinkedHashSet<>();
    for (Long id : f.eventIdsOrNone()) {
      AccessEvent event = em.find(AccessEvent.class, id);
      if (event == null || !member.id().equals(event.memberId())) {
        errors.add(new FieldError("eventIds", "event " + id + " is not one of the member's"));
      } else {
        events.add(id);
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Set<Long> grants = new LinkedHashSet<>();
    revocations.activeGrants(member.id()).forEach(g -> grants.add(g.id()));
    MisuseAllegation allegation =
        new MisuseAllegation(
            businessKeys.next("MI"),
            member.id(),
            member.command().id(),
            actor.username(),
            clock.now(),
            f.summary().strip(),
            events,
            grants);
    em.persist(allegation);
    em.flush();
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", allegation.id());
    variables.put("businessKey", allegation.businessKey());
    variables.put("command", member.command().code());
    allegation.started(
        runtime
            .startProcessInstanceByKey(PROCESS, allegation.businessKey(), variables)
            .getProcessInstanceId());
    audit.record(
        actor.username(),
        "MISUSE_ALLEGATION_FILED",
        "MisuseAllegation",
        allegation.id(),
        allegation.businessKey()
            + " against "
            + member.taxNumber()
            + " ("
            + member.command().code()
            + "): "
            + events.size()
            + " event(s), "
            + grants.size()
            + " active grant(s)");
    return allegation;
  }

  public MisuseAllegation find(long id) {
    MisuseAllegation allegation = em.find(MisuseAllegation.class, id);
    if (allegation == null) {
      throw new NotFoundException("No such allegation.");
    }
    return allegation;
  }

  public String commandCode(MisuseAllegation allegation) {
    return directory.commands().stream()
        .filter(c -> c.id() == allegation.commandId())
        .map(Command::code)
        .findFirst()
        .orElseThrow();
  }

  /** One page of the allegations the actor may see, newest first; audited (they name members). */
  @Transactional
  public List<View> list(Actor actor, int offset, int limit) {
    OversightPolicy.AllegationScope scope = policy.allegationScope(actor);
    Map<Long, String> commands = new HashMap<>();
    directory.commands().forEach(c -> commands.put(c.id(), c.code()));
    List<MisuseAllegation> visible =
        scoped(em.createNamedQuery(MisuseAllegation.VISIBLE, MisuseAllegation.class), scope)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    // the rows' members in one query, not one per row
    Map<Long, Member> members =
        directory.membersById(visible.stream().map(MisuseAllegation::memberId).toList());
    List<View> views = new ArrayList<>();
    for (MisuseAllegation a : visible) {
      views.add(summary(a, members.get(a.memberId()), commands.get(a.commandId())));
    }
    audit.record(
        actor.username(),
        "MISUSE_ALLEGATIONS_LISTED",
        "MisuseAllegation",
        "visible",
        views.size() + " allegation(s) from " + offset);
    return views;
  }

  /** How many allegations the actor may see. */
  public long count(Actor actor) {
    return scoped(
            em.createNamedQuery(MisuseAllegation.COUNT_VISIBLE, Long.class),
            policy.allegationScope(actor))
        .getSingleResult();
  }

  private <T> TypedQuery<T> scoped(TypedQuery<T> query, OversightPolicy.AllegationScope scope) {
    Long command =
        scope.command() == null
            ? null
            : directory.commands().stream()
                .filter(c -> c.code().equals(scope.command()))
                .map(Command::id)
                .findFirst()
                .orElse(null);
    return query
        .setParameter("everything", scope.everything())
        .setParameter("filedBy", scope.filedBy())
        .setParameter("command", command);
  }

  /** One allegation with its events, grants and steps; audited. Hidden is 404, not 403. */
  @Transactional
  public View view(Actor actor, long id) {
    MisuseAllegation a = find(id);
    policy.requireViewAllegation(actor, a.status(), commandCode(a), a.filedBy());
    audit.record(
        actor.username(), "MISUSE_ALLEGATION_VIEWED", "MisuseAllegation", a.id(), a.businessKey());
    return view(a);
  }

  @Transactional
  public void recordStep(Actor actor, long id, RecordStep step) {
    MisuseAllegation a = find(id);
    policy.requireViewAllegation(actor, a.status(), commandCode(a), a.filedBy());
    policy.requireInvestigateAllegation(actor, a.status(), commandCode(a));
    validation.check(step);
    em.persist(
        new MisuseAllegationStep(a.id(), clock.now(), actor.username(), step.text().strip()));
    audit.record(
        actor.username(),
        "MISUSE_ALLEGATION_STEP",
        "MisuseAllegation",
        a.id(),
        a.businessKey() + ": step recorded (" + step.text().strip().length() + " characters)");
  }

  /** Triage: the command investigates, or Internal Affairs keeps the case. */
  @Transactional(Transactional.TxType.MANDATORY)
  public String triage(Actor actor, MisuseAllegation a, TriageAllegation form) {
    policy.requireTriageAllegation(actor);
    if (a.status() != MisuseAllegation.Status.TRIAGE) {
      throw new ConflictException("This allegation was triaged already.");
    }
    String command = commandCode(a);
    a.routeTo(
        form.route() == TriageAllegation.Route.IAB
            ? MisuseAllegation.Status.IAB
            : MisuseAllegation.Status.COMMAND);
    audit.record(
        actor.username(),
        "MISUSE_ALLEGATION_TRIAGED",
        "MisuseAllegation",
        a.id(),
        a.businessKey() + " to " + (form.route() == TriageAllegation.Route.IAB ? "IAB" : command));
    if (form.note() != null && !form.note().isBlank()) {
      em.persist(
          new MisuseAllegationStep(
              a.id(), clock.now(), actor.username(), "Triage: " + form.note().strip()));
    }
    return form.route() == TriageAllegation.Route.IAB
        ? Groups.IAB_INVESTIGATORS
        : Groups.commandingOfficers(command) + "," + Groups.integrityControlOfficers(command);
  }

  /**
   * The investigation's outcome; a substantiated case ends the grants named END and suspends those
   * named SUSPEND until {@code resumeOn}, at once.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void conclude(Actor actor, MisuseAllegation a, ConcludeAllegation form) {
    policy.requireInvestigateAllegation(actor, a.status(), commandCode(a));
    Map<String, ConcludeAllegation.GrantAction> actions = form.grantsOrNone();
    Instant now = clock.now();
    List<FieldError> errors = new ArrayList<>();
    for (var e : actions.entrySet()) {
      if (!a.grantIds().contains(Long.valueOf(e.getKey()))) {
        errors.add(new FieldError("grants." + e.getKey(), "is not a grant of this allegation"));
      } else if (e.getValue() != ConcludeAllegation.GrantAction.KEEP
          && form.outcome() != MisuseAllegation.Outcome.SUBSTANTIATED) {
        errors.add(
            new FieldError(
                "grants." + e.getKey(),
                "ends or is suspended only when the allegation is substantiated"));
      }
    }
    boolean suspends = actions.containsValue(ConcludeAllegation.GrantAction.SUSPEND);
    Instant resumes =
        form.resumeOn() == null ? null : form.resumeOn().atStartOfDay(Pages.NEW_YORK).toInstant();
    if (suspends && resumes == null) {
      errors.add(new FieldError("resumeOn", "is required to suspend a grant"));
    } else if (suspends && !resumes.isAfter(now)) {
      errors.add(new FieldError("resumeOn", "must be a date after today"));
    } else if (!suspends && resumes != null) {
      errors.add(new FieldError("resumeOn", "applies only to a suspended grant"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    String reason = "misuse substantiated (" + a.businessKey() + ")";
    int ended = 0;
    int suspended = 0;
    List<Long> named = actions.keySet().stream().map(Long::valueOf).toList();
    for (AccessGrant grant : revocations.grants(named)) {
      if (!grant.active()) {
        continue;
      }
      switch (actions.get(String.valueOf(grant.id()))) {
        case END -> {
          revocations.end(grant, now, reason, actor.username(), "misuse allegation");
          ended++;
        }
        case SUSPEND -> {
          revocations.suspend(grant, resumes, reason, actor.username(), "misuse allegation");
          suspended++;
        }
        case KEEP -> {}
      }
    }
    a.close(form.outcome(), form.conclusion().strip(), actor.username(), now);
    audit.record(
        actor.username(),
        "MISUSE_ALLEGATION_CONCLUDED",
        "MisuseAllegation",
        a.id(),
        a.businessKey()
            + ": "
            + form.outcome()
            + ", "
            + ended
            + " grant(s) ended, "
            + suspended
            + " suspended");
  }

  /** A list's row: the allegation without its events, grants and steps. */
  private static View summary(MisuseAllegation a, Member member, String command) {
    return new View(
        a.id(),
        a.businessKey(),
        member.taxNumber(),
        member.name(),
        command,
        a.filedBy(),
        a.filedAt(),
        a.summary(),
        a.status(),
        a.outcome(),
        a.conclusion(),
        a.closedBy(),
        a.closedAt(),
        List.of(),
        List.of(),
        List.of());
  }

  private View view(MisuseAllegation a) {
    Instant now = clock.now();
    Member member = directory.member(a.memberId()).orElseThrow();
    List<EventView> events = new ArrayList<>();
    List<GrantView> grants = new ArrayList<>();
    List<StepView> steps = new ArrayList<>();
    for (Long id : a.eventIds()) {
      AccessEvent e = em.find(AccessEvent.class, id);
      events.add(
          new EventView(e.id(), e.at(), e.action().name(), e.subject(), e.record(), e.purpose()));
    }
    for (AccessGrant g : revocations.grants(List.copyOf(a.grantIds()))) {
      grants.add(
          new GrantView(
              g.id(),
              g.accessLevel().qualifiedCode(),
              g.active(),
              g.endedAt(),
              g.suspensionAt(now).map(GrantSuspension::until).orElse(null)));
    }
    em.createNamedQuery(MisuseAllegationStep.OF_ALLEGATION, MisuseAllegationStep.class)
        .setParameter("allegation", a.id())
        .getResultStream()
        .forEach(s -> steps.add(new StepView(s.at(), s.actor(), s.text())));
    return new View(
        a.id(),
        a.businessKey(),
        member.taxNumber(),
        member.name(),
        commandCode(a),
        a.filedBy(),
        a.filedAt(),
        a.summary(),
        a.status(),
        a.outcome(),
        a.conclusion(),
        a.closedBy(),
        a.closedAt(),
        events,
        grants,
        steps);
  }
}
