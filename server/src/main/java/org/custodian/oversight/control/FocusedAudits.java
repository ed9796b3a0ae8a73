package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Member;
import org.custodian.notification.control.Notices;
import org.custodian.oversight.entity.FocusedAudit;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;
import org.flowable.engine.RuntimeService;

/**
 * Focused audits of computer activity. Policies, INTERNAL AUDIT &amp; OVERSIGHT: "Requests for
 * focused audits of computer activity from IAB, Commanding Officers, ICOs, Investigations Units,
 * and others, may be made to the Information Technology Bureau." The Bureau approves or refuses; an
 * approved request's report (CSV or PDF) is drawn from the audit log when the requester downloads
 * it, each download audited.
 */
@ApplicationScoped
public class FocusedAudits {

  public static final String PROCESS = "FocusedAuditProcess";

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject Notices notices;

  @Inject AuditSearch search;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BusinessKeys businessKeys;

  @Inject RuntimeService runtime;

  @Inject OversightPolicy policy;

  @Inject Validation validation;

  /** A request as its readers see it. */
  public record View(
      long id,
      String businessKey,
      String requestedBy,
      Instant requestedAt,
      List<String> members,
      List<String> systems,
      Instant from,
      Instant to,
      String reason,
      FocusedAudit.Status status,
      String decidedBy,
      Instant decidedAt,
      String decisionNote) {
    static View of(FocusedAudit a) {
      return new View(
          a.id(),
          a.businessKey(),
          a.requestedBy(),
          a.requestedAt(),
          List.copyOf(a.members()),
          List.copyOf(a.systems()),
          a.from(),
          a.to(),
          a.reason(),
          a.status(),
          a.decidedBy(),
          a.decidedAt(),
          a.decisionNote());
    }
  }

  @Transactional
  public FocusedAudit request(Actor actor, RequestFocusedAudit r) {
    policy.requireRequestFocusedAudit(actor);
    validation.check(r);
    List<FieldError> errors = new ArrayList<>();
    if (!r.to().isAfter(r.from())) {
      errors.add(new FieldError("to", "must be after from"));
    }
    Set<String> members = new LinkedHashSet<>();
    for (String tax : r.members()) {
      String t = tax.strip();
      Member member = directory.memberWithTaxNumber(t).orElse(null);
      policy.requireAuditMember(actor, t, member == null ? null : member.command().code());
      members.add(t);
    }
    Set<String> systems = new LinkedHashSet<>();
    for (String code : r.systemsOrAll()) {
      if (directory.technology(code.strip()).isEmpty()) {
        errors.add(new FieldError("systems", "there is no system " + code));
      } else {
        systems.add(code.strip());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    FocusedAudit a =
        new FocusedAudit(
            businessKeys.next("FA"),
            actor.username(),
            actor.commandCode(),
            clock.now(),
            members,
            systems,
            r.from(),
            r.to(),
            r.reason().strip());
    em.persist(a);
    em.flush();
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", a.id());
    variables.put("businessKey", a.businessKey());
    a.started(
        runtime
            .startProcessInstanceByKey(PROCESS, a.businessKey(), variables)
            .getProcessInstanceId());
    audit.record(
        actor.username(),
        "FOCUSED_AUDIT_REQUESTED",
        "FocusedAudit",
        a.id(),
        a.businessKey()
            + ": "
            + members.size()
            + " member(s), "
            + (systems.isEmpty() ? "every system" : String.join(", ", systems))
            + ", "
            + a.from()
            + " to "
            + a.to());
    return a;
  }

  public FocusedAudit find(long id) {
    FocusedAudit a = em.find(FocusedAudit.class, id);
    if (a == null) {
      throw new NotFoundException("No focused audit " + id + ".");
    }
    return a;
  }

  /**
   * One request, for whoever may read it; audited, as it names the members under audit (policies,
   * INTERNAL AUDIT &amp; OVERSIGHT: "audit logs are created when any information is searched or
   * accessed").
   */
  @Transactional
  public View view(Actor actor, long id) {
    FocusedAudit a = find(id);
    policy.requireReadFocusedAudit(actor, a.requestedBy());
    audit.record(actor.username(), "FOCUSED_AUDIT_VIEWED", "FocusedAudit", a.id(), a.businessKey());
    return View.of(a);
  }

  /** What its requester is answered with: the request they have just written. */
  @Transactional(Transactional.TxType.MANDATORY)
  public View requested(FocusedAudit a) {
    return View.of(a);
  }

  /** One page of the requests the actor may read, newest first; audited (they name members). */
  @Transactional
  public List<View> list(Actor actor, int offset, int limit) {
    List<View> page =
        em.createNamedQuery(FocusedAudit.VISIBLE, FocusedAudit.class)
            .setParameter("requester", policy.focusedAuditRequester(actor))
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultStream()
            .map(View::of)
            .toList();
    audit.record(
        actor.username(),
        "FOCUSED_AUDITS_LISTED",
        "FocusedAudit",
        "visible",
        page.size() + " request(s) from " + offset);
    return page;
  }

  /** How many requests the actor may read. */
  public long count(Actor actor) {
    return em.createNamedQuery(FocusedAudit.COUNT_VISIBLE, Long.class)
        .setParameter("requester", policy.focusedAuditRequester(actor))
        .getSingleResult();
  }

  /** The Bureau's decision (the task's form). */
  @Transactional(Transactional.TxType.MANDATORY)
  public void decide(Actor actor, FocusedAudit a, DecideFocusedAudit d) {
    policy.requireDecideFocusedAudit(actor, a.requestedBy());
    if (a.status() != FocusedAudit.Status.REQUESTED) {
      throw new ConflictException("This request was decided already.");
    }
    boolean approved = d.decision() == DecideFocusedAudit.Decision.APPROVE;
    if (!approved && (d.note() == null || d.note().isBlank())) {
      throw new InvalidInputException("note", "must say why the request is refused");
    }
    a.decide(approved, actor.username(), clock.now(), d.note() == null ? null : d.note().strip());
    audit.record(
        actor.username(),
        approved ? "FOCUSED_AUDIT_APPROVED" : "FOCUSED_AUDIT_REFUSED",
        "FocusedAudit",
        a.id(),
        a.businessKey());
    notices.requestDecided(
        a.requestedBy(),
        a.businessKey(),
        "Focused audit request "
            + a.businessKey()
            + (approved ? " was approved: its report is ready" : " was refused"),
        "/custodian/oversight/focused-audit.xhtml?id=" + a.id());
  }

  /** The approved audit's entries, for its report; the download is audited. */
  @Transactional
  public List<AuditSearch.Hit> report(Actor actor, long id, String format) {
    FocusedAudit a = find(id);
    policy.requireReadFocusedAudit(actor, a.requestedBy());
    if (a.status() != FocusedAudit.Status.APPROVED) {
      throw new ConflictException(
          "The report exists once the Information Technology Bureau approves the request; it is "
              + a.status()
              + ".");
    }
    List<AuditSearch.Hit> hits = search.focused(a.members(), a.systems(), a.from(), a.to());
    audit.record(
        actor.username(),
        "FOCUSED_AUDIT_REPORT_DOWNLOADED",
        "FocusedAudit",
        a.id(),
        a.businessKey() + ": " + format + " of " + hits.size() + " entries");
    return hits;
  }

  /** What the report's first lines say it is. */
  public String describe(FocusedAudit a) {
    return a.businessKey()
        + ": members "
        + String.join(", ", a.members())
        + "; "
        + (a.systems().isEmpty() ? "every system" : String.join(", ", a.systems()))
        + "; "
        + a.from()
        + " to "
        + a.to()
        + "; requested by "
        + a.requestedBy()
        + ", approved by "
        + a.decidedBy();
  }
}
