package org.custodian.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Technology;
import org.custodian.disclosure.entity.Basis;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDecision;
import org.custodian.disclosure.entity.DisclosureDocument;
import org.custodian.disclosure.entity.SearchKeys;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Roles;
import org.custodian.platform.Validation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;

/**
 * Disclosure requests: filing (with every refusal the policies require, decided at once), the route
 * to approval, release, and the ledger of released disclosures. Each step is one transaction with
 * its audit entry and its process state.
 */
@ApplicationScoped
public class Disclosures {

  public static final String PROCESS = "DisclosureApprovalProcess";

  /** A ledger search; null criteria do not narrow it. */
  public record LedgerQuery(
      @jakarta.validation.constraints.Size(max = 200) String subject,
      @jakarta.validation.constraints.Size(max = 200) String recipient,
      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(7) Integer basis,
      Instant from,
      Instant to,
      @jakarta.validation.constraints.Min(0) int first,
      @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int max) {}

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject StandingAuthorizations authorizations;

  @Inject RuntimeService runtime;

  @Inject BusinessKeys businessKeys;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject DisclosurePolicy policy;

  @Inject Validation validation;

  @Inject
  @ConfigProperty(name = "custodian.disclosure.after-the-fact-review-due", defaultValue = "P3D")
  java.time.Duration reviewDue;

  @Transactional
  public Disclosure file(Actor actor, FileDisclosure f) {
    policy.requireFile(actor);
    validation.check(f);
    FileDisclosure.Recipient to = f.recipient();
    List<Disclosure.Subject> subjects =
        f.subjects().stream().map(FileDisclosure.Subject::entity).toList();
    Technology technology =
        directory
            .technology(f.sourceTechnology())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "sourceTechnology",
                        "There is no technology " + f.sourceTechnology() + "."));
    Basis basis = Basis.of(f.basis());
    FileDisclosure.Evidence e = f.evidenceOrNone();
    DisclosureDocument document = null;
    if (basis == Basis.WRITTEN_AUTHORIZATION && e.authorizationDocumentId() != null) {
      document = em.find(DisclosureDocument.class, e.authorizationDocumentId());
      if (document == null
          || !document.uploadedBy().equals(actor.username())
          || document.disclosure() != null) {
        throw new InvalidInputException(
            "evidence.authorizationDocumentId",
            "Document "
                + e.authorizationDocumentId()
                + " is not one you uploaded for a new request.");
      }
    }
    StandingAuthorization named = standingAuthorizationNamed(basis, e);
    Instant now = clock.now();
    Disclosure disclosure =
        new Disclosure(
            businessKeys.next("DR"),
            actor.username(),
            new Disclosure.Recipient(to.name().strip(), to.organization().strip(), to.kind()),
            f.recipientVerification().strip(),
            technology,
            f.purposeCategory(),
            f.purpose().strip(),
            basis,
            new Disclosure.Evidence(
                document,
                basis == Basis.WRITTEN_AUTHORIZATION ? e.signedBy() : null,
                keep(basis == Basis.REQUIRED_BY_LAW, e.lawCitation()),
                keep(basis == Basis.FURTHERS_MISSION, e.missionRationale()),
                keep(basis == Basis.CRIME_INVESTIGATION, e.incidentNumber()),
                keep(basis == Basis.CITY_AGENCY_WELFARE_INVESTIGATION, e.agency()),
                keep(basis == Basis.CITY_AGENCY_WELFARE_INVESTIGATION, e.agencyReference())),
            f.dataCategories(),
            subjects,
            now);
    em.persist(disclosure);
    if (document != null) {
      document.attachTo(disclosure);
    }
    em.flush();
    audit.record(
        actor.username(),
        "DISCLOSURE_FILED",
        "Disclosure",
        disclosure.id(),
        disclosure.businessKey()
            + ": basis "
            + basis.number()
            + " to "
            + to.organization()
            + " ("
            + to.kind()
            + "), "
            + subjects.size()
            + " subject(s), "
            + f.dataCategories()
            + " from "
            + technology.code());

    StandingAuthorization.Request request =
        new StandingAuthorization.Request(
            to.kind(), to.organization(), f.purposeCategory(), f.dataCategories(), technology);
    List<String> refusals = new ArrayList<>();
    DisclosureRules.immigrationEnforcement(
            f.purposeCategory(), f.purpose(), to.organization(), to.name())
        .ifPresent(refusals::add);
    refusals.addAll(DisclosureRules.missingEvidence(basis, e));
    if (named != null) {
      refusals.addAll(authorizations.whyNot(named, request, now));
      if (!policy.mayRelyOn(actor, named)) {
        // nobody approves their own request: not by a designation they issued themselves either
        refusals.add(
            "You issued "
                + named.reference()
                + " yourself, and nobody approves their own request: file it on basis 3 for another"
                + " Agency Privacy Officer's written approval.");
      }
    }
    if (to.kind().governmentAgency() && basis.route() != Basis.Route.INVESTIGATION) {
      // ERMS, EXTERNAL ENTITIES: government agencies' access is "subject to the terms of written
      // agreements"
      Optional<StandingAuthorization> agreement = authorizations.agreementFor(request, now);
      agreement.ifPresent(disclosure::relyOnAgreement);
      if (agreement.isEmpty()) {
        refusals.add(
            "No written agreement with "
                + to.organization()
                + " covering "
                + technology.code()
                + " is in force.");
      }
    }
    if (basis.route() != Basis.Route.STANDING_AUTHORIZATION
        && policy.decides(actor)
        && !anotherPrivacyOfficer(actor)) {
      refusals.add(
          "No other Agency Privacy Officer can review it, and nobody approves their own request.");
    }
    if (!refusals.isEmpty()) {
      disclosure.refuse(String.join(" ", refusals), Actor.SYSTEM, now);
      em.flush();
      audit.record(
          Actor.SYSTEM,
          "DISCLOSURE_REFUSED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey() + ": " + disclosure.refusalReason());
      return disclosure;
    }
    switch (basis.route()) {
      case STANDING_AUTHORIZATION -> {
        DisclosureDecision.Kind kind =
            basis == Basis.CPO_PRE_APPROVAL
                ? DisclosureDecision.Kind.PRE_APPROVAL_MATCH
                : DisclosureDecision.Kind.DESIGNATION_MATCH;
        disclosure.approveAtFiling(
            kind,
            named,
            Actor.SYSTEM,
            "Approved by "
                + named.kind().label().toLowerCase(java.util.Locale.ROOT)
                + " "
                + named.reference()
                + " ("
                + named.title()
                + ").",
            now);
      }
      case INVESTIGATION ->
          disclosure.approveAtFiling(
              DisclosureDecision.Kind.APPROVED_ON_FILING,
              null,
              Actor.SYSTEM,
              "Approved on filing (basis "
                  + basis.number()
                  + "); the Agency Privacy Officer reviews it afterwards.",
              now);
      case AGENCY_PRIVACY_OFFICER -> {
        // waits for the APO's written approval
      }
    }
    em.flush();
    disclosure.started(
        runtime
            .startProcessInstanceByKey(PROCESS, disclosure.businessKey(), variables(disclosure))
            .getId());
    if (disclosure.status() == Disclosure.Status.APPROVED) {
      audit.record(
          Actor.SYSTEM,
          "DISCLOSURE_APPROVED",
          "Disclosure",
          disclosure.id(),
          disclosure.businessKey() + ": " + disclosure.decisions().get(0).text());
    }
    return disclosure;
  }

  private static String keep(boolean applies, String value) {
    return applies && value != null && !value.isBlank() ? value.strip() : null;
  }

  /**
   * The pre-approval (basis 4) or designation (basis 5) the filing names: it must exist and be of
   * that kind.
   */
  private StandingAuthorization standingAuthorizationNamed(Basis basis, FileDisclosure.Evidence e) {
    Long id =
        basis == Basis.CPO_PRE_APPROVAL
            ? e.preApprovalId()
            : basis == Basis.ROUTINE_DESIGNATION ? e.routineDesignationId() : null;
    if (id == null) {
      return null;
    }
    StandingAuthorization.Kind kind =
        basis == Basis.CPO_PRE_APPROVAL
            ? StandingAuthorization.Kind.CPO_PRE_APPROVAL
            : StandingAuthorization.Kind.ROUTINE_DESIGNATION;
    String field =
        basis == Basis.CPO_PRE_APPROVAL
            ? "evidence.preApprovalId"
            : "evidence.routineDesignationId";
    return authorizations
        .lookup(id)
        .filter(a -> a.kind() == kind)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    field,
                    "There is no "
                        + kind.label().toLowerCase(java.util.Locale.ROOT)
                        + " "
                        + id
                        + "."));
  }

  private boolean anotherPrivacyOfficer(Actor actor) {
    return !directory.usersWithRole(Roles.PRIVACY_OFFICER).stream()
        .filter(u -> !u.equals(actor.username()))
        .toList()
        .isEmpty();
  }

  private Map<String, Object> variables(Disclosure d) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InboxProjection.CASE_ID, d.id());
    variables.put(InboxProjection.BUSINESS_KEY, d.businessKey());
    variables.put("route", d.basis().route().name());
    variables.put("privacyOfficers", Groups.PRIVACY_OFFICERS);
    variables.put("reviewDue", reviewDue.toString());
    return variables;
  }

  public Disclosure find(long id) {
    Disclosure d = em.find(Disclosure.class, id);
    if (d == null) {
      throw new NotFoundException("There is no disclosure request " + id + ".");
    }
    return d;
  }

  /**
   * Whether the actor may cite the disclosure as a ledger entry (a breach report's evidence): it
   * was released, and the actor may see it. An id that does not exist answers the same as one they
   * may not see.
   */
  public boolean citable(Actor actor, long id) {
    Disclosure d = em.find(Disclosure.class, id);
    return d != null && d.status() == Disclosure.Status.RELEASED && policy.mayView(actor, d);
  }

  /** Whether the actor may see the disclosure in full ({@link DisclosurePolicy#mayView}). */
  public boolean mayView(Actor actor, Disclosure d) {
    return policy.mayView(actor, d);
  }

  /** One disclosure, for those who may see it; the view is audited. */
  @Transactional
  public Disclosure view(Actor actor, long id) {
    Disclosure d = find(id);
    policy.requireView(actor, d);
    audit.record(actor.username(), "DISCLOSURE_VIEWED", "Disclosure", d.id(), d.businessKey());
    return d;
  }

  /** The requester records when and how the information went out; only an approved disclosure. */
  @Transactional
  public Disclosure release(Actor actor, long id, ReleaseDisclosure command) {
    Disclosure d = find(id);
    policy.requireRequester(actor, d, "records its release");
    validation.check(command);
    Instant releasedAt = command.releasedAt();
    Instant now = clock.now();
    if (releasedAt.isAfter(now.plusSeconds(300))) {
      throw new InvalidInputException(
          "releasedAt", "releasedAt is in the future; record the release once it happened.");
    }
    // to the minute: the screen records release times in minutes
    if (d.decidedAt() != null
        && releasedAt.isBefore(d.decidedAt().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
      throw new InvalidInputException(
          "releasedAt",
          "releasedAt is before the disclosure was approved (" + d.decidedAt() + ").");
    }
    if (d.status() != Disclosure.Status.APPROVED) {
      throw new ConflictException(
          d.businessKey() + " is " + d.status() + "; only an approved disclosure is released.");
    }
    String method = command.method().strip();
    d.release(releasedAt, method, now);
    audit.record(
        actor.username(),
        "DISCLOSURE_RELEASED",
        "Disclosure",
        d.id(),
        d.businessKey() + " released " + releasedAt + " by " + method);
    return d;
  }

  /** The member's own requests, newest first. */
  @Transactional
  public List<Disclosure> mine(Actor actor) {
    policy.requireFile(actor);
    List<Disclosure> list =
        em.createQuery(
                "select d from Disclosure d where d.requestedBy = :me order by d.createdAt desc",
                Disclosure.class)
            .setParameter("me", actor.username())
            .setMaxResults(200)
            .getResultList();
    audit.record(
        actor.username(),
        "DISCLOSURES_LISTED",
        "User",
        actor.username(),
        list.size() + " request(s)");
    return list;
  }

  /**
   * The ledger: released disclosures, newest release first, by data subject (a name, or the start
   * of one, or an identifier), recipient organization, basis and release dates. The APO and
   * auditors search all of it; anyone else only their own requests. Every search is audited with
   * its terms.
   */
  @Transactional
  public List<Disclosure> ledger(Actor actor, LedgerQuery q) {
    boolean all = policy.ledgerFor(actor) == DisclosurePolicy.Ledger.ALL;
    validation.check(q);
    StringBuilder jpql = new StringBuilder("select d from Disclosure d where d.status = :released");
    Map<String, Object> params = new HashMap<>();
    params.put("released", Disclosure.Status.RELEASED);
    if (!all) {
      jpql.append(" and d.requestedBy = :me");
      params.put("me", actor.username());
    }
    if (q.subject() != null && !q.subject().isBlank()) {
      // Two index lookups (name or its start; identifier), then the ledger rows by id: an OR of
      // two subqueries would make the database read every disclosure.
      List<Long> ids = subjectMatches(q.subject());
      if (ids.isEmpty()) {
        return searched(actor, all, q, List.of());
      }
      jpql.append(" and d.id in :ids");
      params.put("ids", ids);
    }
    if (q.recipient() != null && !q.recipient().isBlank()) {
      jpql.append(" and d.recipient.organizationKey like :recipient");
      params.put("recipient", likePrefix(SearchKeys.organization(q.recipient())));
    }
    if (q.basis() != null) {
      jpql.append(" and d.basis = :basis");
      params.put("basis", Basis.of(q.basis()));
    }
    if (q.from() != null) {
      jpql.append(" and d.releasedAt >= :from");
      params.put("from", q.from());
    }
    if (q.to() != null) {
      jpql.append(" and d.releasedAt < :to");
      params.put("to", q.to());
    }
    jpql.append(" order by d.releasedAt desc, d.id desc");
    TypedQuery<Disclosure> query = em.createQuery(jpql.toString(), Disclosure.class);
    params.forEach(query::setParameter);
    return searched(
        actor, all, q, query.setFirstResult(q.first()).setMaxResults(q.max()).getResultList());
  }

  /** Every ledger search is audited with its terms and how many entries it showed. */
  private List<Disclosure> searched(
      Actor actor, boolean all, LedgerQuery q, List<Disclosure> found) {
    audit.record(
        actor.username(),
        "LEDGER_SEARCHED",
        all ? "Disclosure" : "User",
        all ? "ledger" : actor.username(),
        terms(q) + ": " + found.size() + " entr" + (found.size() == 1 ? "y" : "ies"));
    return found;
  }

  /** At most this many disclosures per subject search part; a broader name start is cut here. */
  static final int MAX_SUBJECT_MATCHES = 5_000;

  private List<Long> subjectMatches(String subject) {
    List<Long> ids =
        new ArrayList<>(
            em.createQuery(
                    "select distinct s.disclosure.id from DisclosureSubject s where s.nameKey like :name",
                    Long.class)
                .setParameter("name", likePrefix(SearchKeys.name(subject)))
                .setMaxResults(MAX_SUBJECT_MATCHES)
                .getResultList());
    String identifier = SearchKeys.identifier(subject);
    if (!identifier.isEmpty()) {
      ids.addAll(
          em.createQuery(
                  "select distinct s.disclosure.id from DisclosureSubject s join s.identifiers i where i.valueKey = :identifier",
                  Long.class)
              .setParameter("identifier", identifier)
              .setMaxResults(MAX_SUBJECT_MATCHES)
              .getResultList());
    }
    return ids.stream().distinct().toList();
  }

  private static String terms(LedgerQuery q) {
    return "subject="
        + nullToEmpty(q.subject())
        + " recipient="
        + nullToEmpty(q.recipient())
        + " basis="
        + (q.basis() == null ? "" : q.basis())
        + " from="
        + (q.from() == null ? "" : q.from())
        + " to="
        + (q.to() == null ? "" : q.to());
  }

  private static String likePrefix(String key) {
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
