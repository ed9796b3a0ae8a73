package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.control.Disclosures;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * Suspected improper disclosures and the 24-hour clock: reporting, the moment the APO became aware,
 * overdue marking and escalation. Each step is one transaction with its audit entry.
 */
@ApplicationScoped
public class BreachReports {

  public static final String PROCESS = "BreachReportingProcess";
  public static final String ASSESS_TASK = "Task_AssessBreach";
  public static final String REPORT_TASK = "Task_ReportToCpo";
  public static final String ACKNOWLEDGE_TASK = "Task_AcknowledgeReport";

  @PersistenceContext EntityManager em;

  @Inject RuntimeService runtime;

  @Inject TaskService tasks;

  @Inject ManagementService management;

  @Inject InboxProjection inbox;

  @Inject Disclosures disclosures;

  @Inject BusinessKeys businessKeys;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BreachPolicy policy;

  @Inject Validation validation;

  /** How long the APO has from becoming aware (policies: "within 24 hours"). */
  @Inject
  @ConfigProperty(name = "custodian.breach.cpo-deadline", defaultValue = "PT24H")
  Duration deadline;

  /** The reminders, counted back from the deadline. */
  @Inject
  @ConfigProperty(name = "custodian.breach.first-reminder", defaultValue = "PT12H")
  Duration firstReminder;

  @Inject
  @ConfigProperty(name = "custodian.breach.second-reminder", defaultValue = "PT4H")
  Duration secondReminder;

  Duration clockDuration() {
    return deadline;
  }

  /**
   * A department member reports; the clock starts when it arrives in the APO's inbox (now). The
   * ledger entries it cites must be released disclosures the reporter may see: an id that does not
   * exist, was not released or is not theirs to see gets the same answer, so a report cannot probe
   * the ledger.
   */
  @Transactional
  public BreachReport report(Actor actor, ReportBreach r) {
    policy.requireReport(actor);
    validation.check(r);
    List<FieldError> errors = new ArrayList<>();
    Instant now = clock.now();
    if (r.disclosedAt() != null && r.disclosedAt().isAfter(now.plusSeconds(300))) {
      errors.add(new FieldError("disclosedAt", "disclosedAt is in the future."));
    }
    List<String> people =
        r.affectedIndividuals().names() == null
            ? List.of()
            : r.affectedIndividuals().names().stream().map(String::strip).distinct().toList();
    int count = r.affectedIndividuals().count() == null ? 0 : r.affectedIndividuals().count();
    List<Long> ledger =
        r.ledgerEntryIds() == null ? List.of() : r.ledgerEntryIds().stream().distinct().toList();
    for (int i = 0; i < ledger.size(); i++) {
      if (!disclosures.citable(actor, ledger.get(i))) {
        errors.add(
            new FieldError(
                "ledgerEntryIds[" + i + "]",
                ledger.get(i)
                    + " is not a ledger entry you may cite: a released disclosure you may see."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    BreachReport breach =
        new BreachReport(
            businessKeys.next("BR"),
            actor.username(),
            now,
            r.summary().strip(),
            r.disclosedTo().strip(),
            r.recipientKind(),
            r.disclosedAt(),
            r.discoveredHow().strip(),
            r.dataCategories(),
            count,
            people,
            Set.copyOf(ledger),
            clockDuration());
    em.persist(breach);
    em.flush();
    audit.record(
        actor.username(),
        "BREACH_REPORTED",
        "BreachReport",
        breach.id(),
        breach.businessKey()
            + ": disclosed to "
            + breach.disclosedTo()
            + ", "
            + breach.affectedCount()
            + " affected; aware at "
            + breach.awareAt()
            + ", due to the City CPO by "
            + breach.cpoDeadline());
    breach.started(
        runtime
            .startProcessInstanceByKey(PROCESS, breach.businessKey(), variables(breach))
            .getId());
    return breach;
  }

  private Map<String, Object> variables(BreachReport b) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InboxProjection.CASE_ID, b.id());
    variables.put(InboxProjection.BUSINESS_KEY, b.businessKey());
    variables.put("privacyOfficers", Groups.PRIVACY_OFFICERS);
    variables.put("cpoGroup", Groups.CHIEF_PRIVACY_OFFICERS);
    variables.putAll(clockVariables(b));
    return variables;
  }

  private Map<String, Object> clockVariables(BreachReport b) {
    return Map.of(
        "cpoDeadline", Date.from(b.cpoDeadline()),
        "reminderFirstAt", Date.from(b.cpoDeadline().minus(firstReminder)),
        "reminderSecondAt", Date.from(b.cpoDeadline().minus(secondReminder)));
  }

  /** Before this, an awareAt is a mistyped year. */
  static final Instant EARLIEST_AWARE_AT = Instant.parse("2000-01-01T00:00:00Z");

  /**
   * The APO became aware before the report arrived (never after it, never before the disclosure,
   * never in the future; the reason is recorded): the deadline, the reminders, the tasks' due times
   * and the inbox move with it.
   */
  @Transactional
  public BreachReport setAwareAt(Actor actor, long id, SetAwareAt command) {
    policy.requireHandle(actor);
    BreachReport b = find(id);
    validation.check(command);
    Instant awareAt = command.awareAt();
    String reason = command.awareReason();
    List<FieldError> errors = new ArrayList<>();
    if (awareAt.isAfter(clock.now())) {
      errors.add(new FieldError("awareAt", "awareAt is in the future."));
    } else if (awareAt.isAfter(b.arrivedAt())) {
      errors.add(
          new FieldError(
              "awareAt",
              "awareAt is after the report arrived in the APO's inbox ("
                  + b.arrivedAt()
                  + "): the clock starts at arrival at the latest."));
    } else if (b.disclosedAt() != null && awareAt.isBefore(b.disclosedAt())) {
      errors.add(
          new FieldError(
              "awareAt", "awareAt is before the disclosure itself (" + b.disclosedAt() + ")."));
    } else if (awareAt.isBefore(EARLIEST_AWARE_AT)) {
      // a typing mistake in the year; the engine's timer table cannot hold instants before 1970
      // either
      errors.add(
          new FieldError(
              "awareAt", "awareAt is before " + EARLIEST_AWARE_AT + ": check the year."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    if (b.status() != BreachReport.Status.ASSESSING
        && b.status() != BreachReport.Status.CONFIRMED) {
      throw new ConflictException(
          b.businessKey() + " is " + b.status() + "; the clock can no longer move.");
    }
    b.awareSince(awareAt, reason.strip(), clockDuration());
    Map<String, Object> clockVariables = clockVariables(b);
    runtime.setVariables(b.processInstanceId(), clockVariables);
    for (Job timer :
        management.createTimerJobQuery().processInstanceId(b.processInstanceId()).list()) {
      String variable =
          switch (timer.getElementId()) {
            case "Timer_FirstReminder" -> "reminderFirstAt";
            case "Timer_SecondReminder" -> "reminderSecondAt";
            case "Timer_CpoDeadline" -> "cpoDeadline";
            default -> null;
          };
      if (variable != null) {
        management.rescheduleTimeDateJob(
            timer.getId(), ((Date) clockVariables.get(variable)).toInstant().toString());
      }
    }
    for (Task task : tasks.createTaskQuery().processInstanceId(b.processInstanceId()).list()) {
      if (!ACKNOWLEDGE_TASK.equals(task.getTaskDefinitionKey())) {
        tasks.setDueDate(task.getId(), Date.from(b.cpoDeadline()));
        inbox.due(task.getId(), b.cpoDeadline());
      }
    }
    audit.record(
        actor.username(),
        "BREACH_AWARE_AT_SET",
        "BreachReport",
        b.id(),
        b.businessKey()
            + ": aware at "
            + awareAt
            + " (the reason is kept on the case); due to the City CPO by "
            + b.cpoDeadline());
    return b;
  }

  /**
   * The deadline passed unreported: overdue for good, and the open tasks go to the APO's
   * supervisors too.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void markOverdue(long id) {
    BreachReport b = find(id);
    if (b.reportedToCpoAt() != null || b.status() == BreachReport.Status.NOT_A_VIOLATION) {
      return;
    }
    b.overdue(clock.now());
    escalate(b);
    audit.record(
        Actor.SYSTEM,
        "BREACH_OVERDUE",
        "BreachReport",
        b.id(),
        b.businessKey()
            + ": not reported to the City CPO by "
            + b.cpoDeadline()
            + "; escalated to "
            + Groups.PRIVACY_OFFICER_SUPERVISORS);
  }

  /**
   * Every open assessment or report task of an overdue case: highlighted and offered to the
   * supervisors.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void escalate(BreachReport b) {
    for (Task task : tasks.createTaskQuery().processInstanceId(b.processInstanceId()).list()) {
      if (!ACKNOWLEDGE_TASK.equals(task.getTaskDefinitionKey())) {
        tasks.addCandidateGroup(task.getId(), Groups.PRIVACY_OFFICER_SUPERVISORS);
        inbox.markOverdue(task.getId(), Groups.PRIVACY_OFFICER_SUPERVISORS);
      }
    }
  }

  public BreachReport find(long id) {
    BreachReport b = em.find(BreachReport.class, id);
    if (b == null) {
      throw new NotFoundException("There is no breach report " + id + ".");
    }
    return b;
  }

  @Transactional
  public BreachReport view(Actor actor, long id) {
    BreachReport b = find(id);
    policy.requireView(actor, b);
    audit.record(actor.username(), "BREACH_VIEWED", "BreachReport", b.id(), b.businessKey());
    return b;
  }

  /** The case whose letters the Agency Privacy Officer prints; audited as a view. */
  @Transactional
  public BreachReport letterCase(Actor actor, long id) {
    policy.requireHandle(actor);
    return view(actor, id);
  }

  /**
   * The ledger entries a case concerns, for whoever may see the case (the City CPO once it was
   * reported to them: "sees the report and its evidence"); audited as a view. Each entry comes with
   * whether the actor may see it in full ({@link
   * org.custodian.disclosure.control.Disclosures#mayView}); the boundary shows the others without
   * names or internal texts.
   */
  @Transactional
  public List<Evidence> evidence(Actor actor, long id) {
    BreachReport b = find(id);
    policy.requireView(actor, b);
    List<Evidence> entries =
        b.disclosureIds().stream()
            .sorted()
            .map(disclosures::find)
            .map(d -> new Evidence(d, disclosures.mayView(actor, d)))
            .toList();
    audit.record(
        actor.username(),
        "BREACH_EVIDENCE_VIEWED",
        "BreachReport",
        b.id(),
        b.businessKey() + ": ledger entries " + b.disclosureIds());
    return entries;
  }

  /** A ledger entry a case concerns, and whether the viewer may see all of it. */
  public record Evidence(org.custodian.disclosure.entity.Disclosure disclosure, boolean inFull) {}

  /**
   * The breach board: the APO and auditors every case; the City CPO those reported; the reporters
   * their own.
   */
  @Transactional
  public List<BreachReport> board(Actor actor, int first, int max) {
    String where =
        switch (policy.boardFor(actor)) {
          case ALL -> "";
          case REPORTED_TO_CPO -> " where b.reportedToCpoAt is not null";
          case OWN -> " where b.reportedBy = :me";
        };
    var query =
        em.createQuery(
            "select b from BreachReport b" + where + " order by b.cpoDeadline desc, b.id desc",
            BreachReport.class);
    if (where.contains(":me")) {
      query.setParameter("me", actor.username());
    }
    List<BreachReport> list = query.setFirstResult(first).setMaxResults(max).getResultList();
    audit.record(
        actor.username(), "BREACHES_LISTED", "BreachReport", "board", list.size() + " case(s)");
    return list;
  }
}
