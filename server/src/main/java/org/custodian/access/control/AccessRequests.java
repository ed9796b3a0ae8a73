package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.AccessRequest;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.ProcessDiagrams;
import org.custodian.platform.Validation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.runtime.ProcessInstance;

/**
 * A Commanding Officer's access request: the checks the policies require before any review, then
 * the request row, the process and the audit entry in one transaction.
 */
@ApplicationScoped
public class AccessRequests {

  public static final String PROCESS = "AccessAuthorizationProcess";

  /** Fired inside the submitting transaction once the process has started. */
  public record Submitted(long requestId, String businessKey) {}

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject RuntimeService runtime;

  @Inject AuditLog audit;

  @Inject BusinessKeys businessKeys;

  @Inject EngineClock clock;

  @Inject Event<Submitted> submitted;

  @Inject AccessPolicy policy;

  @Inject ProcessDiagrams diagrams;

  @Inject Validation validation;

  @Inject Inbox inbox;

  @Inject
  @ConfigProperty(name = "custodian.access.review-due", defaultValue = "P3D")
  java.time.Duration reviewDue;

  /**
   * Checks what the policies require before any review, then writes the request row, starts the
   * process and records the audit entry, in one transaction.
   */
  @Transactional
  public AccessRequest submit(Actor actor, SubmitAccessRequest command) {
    policy.requireRequest(actor);
    validation.check(command);
    List<FieldError> errors = new ArrayList<>();
    Optional<Technology> technology = directory.technology(command.technology());
    if (technology.isEmpty()) {
      errors.add(new FieldError("technology", "Choose a known technology."));
    }
    Optional<AccessLevel> level = technology.flatMap(t -> t.level(command.accessLevel()));
    if (technology.isPresent() && level.isEmpty()) {
      errors.add(
          new FieldError(
              "accessLevel", "Choose an access level of " + technology.get().name() + "."));
    }
    Optional<Member> member = directory.member(command.memberId());
    if (member.isEmpty()) {
      errors.add(new FieldError("memberId", "There is no member " + command.memberId() + "."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Member m = member.orElseThrow();
    AccessLevel l = level.orElseThrow();

    // Policies: "Authorization must be requested by a Commanding Officer" -- of the member's own
    // command. The answers below name the member by id: a refusal writes no audit entry, so it
    // carries no personal data.
    policy.requireRequestFor(actor, m);
    if (!m.active()) {
      throw new InvalidInputException("memberId", "Member " + m.id() + " is not an active member.");
    }
    // Revised Handschu Guidelines: only the Intelligence Division investigates political activity
    if (l.intelligenceOnly() && !m.command().isIntelligenceDivision()) {
      throw new InvalidInputException(
          "accessLevel",
          l.name() + " is reserved to the Intelligence Division (Handschu Guidelines).");
    }
    // Policies: "Access levels are only granted for functions and abilities relevant to individual
    // commands"
    if (!m.command().permits(l)) {
      throw new InvalidInputException(
          "accessLevel", m.command().name() + "'s functions do not justify " + l.name() + ".");
    }
    String key = AccessRequest.openKey(m, l);
    if (em.createNamedQuery(AccessRequest.OPEN_FOR, Long.class)
            .setParameter("key", key)
            .getSingleResult()
        > 0) {
      throw new ConflictException(
          "Member " + m.id() + " already has an open request for " + l.qualifiedCode() + ".");
    }
    if (em.createNamedQuery(AccessGrant.ACTIVE_FOR, Long.class)
            .setParameter("key", key)
            .getSingleResult()
        > 0) {
      throw new ConflictException("Member " + m.id() + " already holds " + l.qualifiedCode() + ".");
    }

    AccessRequest request =
        new AccessRequest(
            businessKeys.next("AR"),
            m,
            l,
            command.justification().strip(),
            actor.username(),
            clock.now());
    em.persist(request);
    em.flush();
    ProcessInstance process =
        runtime.startProcessInstanceByKey(PROCESS, request.businessKey(), variables(request));
    request.started(process.getId());
    audit.record(
        actor.username(),
        "ACCESS_REQUEST_SUBMITTED",
        "AccessRequest",
        request.id(),
        request.businessKey()
            + ": member "
            + m.id()
            + " "
            + l.qualifiedCode()
            + ", "
            + request.reviewLayers()
            + " review layer(s)");
    submitted.fire(new Submitted(request.id(), request.businessKey()));
    return request;
  }

  /**
   * What the "New access request" screen offers a Commanding Officer: the active members of their
   * own command (a roster is personal data: the read is audited), and the access levels the
   * command's functions justify.
   */
  @Transactional
  public RequestForm requestForm(Actor actor) {
    policy.requireRequest(actor);
    List<Member> members =
        directory.membersOf(actor.commandCode()).stream().filter(Member::active).toList();
    audit.record(
        actor.username(),
        "MEMBERS_LISTED",
        "Command",
        String.valueOf(actor.commandCode()),
        members.size() + " active member(s), for a new access request");
    return new RequestForm(
        directory.command(actor.commandCode()).orElse(null),
        members,
        directory.permittedLevelCodes(actor.commandCode()),
        directory.technologies());
  }

  /**
   * The screen's choices: the CO's command, its active members, the levels its functions justify.
   */
  public record RequestForm(
      Command command,
      List<Member> members,
      java.util.Set<String> permittedLevels,
      List<Technology> technologies) {}

  private Map<String, Object> variables(AccessRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InboxProjection.CASE_ID, request.id());
    variables.put(InboxProjection.BUSINESS_KEY, request.businessKey());
    variables.put("requestedBy", request.requestedBy());
    variables.put("reviewLayers", request.reviewLayers());
    variables.put("layer", 1);
    variables.put("reviewDue", reviewDue.toString());
    return variables;
  }

  /**
   * The request, if the actor may see it ({@link AccessPolicy#mayView}): its requester and the
   * member's command's Commanding Officers, the executives whose layers review it, auditors. Every
   * view is audited.
   */
  @Transactional
  public AccessRequest view(Actor actor, long id) {
    AccessRequest request = find(id);
    policy.requireView(actor, request, inbox.offeredTo(actor, request.processInstanceId()));
    audit.record(
        actor.username(),
        "ACCESS_REQUEST_VIEWED",
        "AccessRequest",
        request.id(),
        request.businessKey());
    return request;
  }

  /** The request's process diagram, for those who may see the request; audited as a view. */
  @Transactional
  public byte[] diagram(Actor actor, long id) {
    AccessRequest request = find(id);
    policy.requireView(actor, request, inbox.offeredTo(actor, request.processInstanceId()));
    audit.record(
        actor.username(),
        "ACCESS_REQUEST_DIAGRAM_VIEWED",
        "AccessRequest",
        request.id(),
        request.businessKey());
    return diagrams.png(request.processInstanceId());
  }

  /**
   * A request with what every reader of it needs (member, command, level and its system, decisions)
   * in one query, instead of one for the request and one for each of those; none if this
   * transaction has it.
   */
  public AccessRequest find(long id) {
    AccessRequest known = em.getReference(AccessRequest.class, id);
    if (em.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(known)) {
      return known;
    }
    return em.createNamedQuery(AccessRequest.WITH_DETAILS, AccessRequest.class)
        .setParameter("id", id)
        .setHint("jakarta.persistence.fetchgraph", em.getEntityGraph(AccessRequest.DETAILS))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("No access request " + id + "."));
  }

  /** The Commanding Officer's own requests, newest first. */
  @Transactional
  public List<AccessRequest> mine(Actor actor, int limit) {
    policy.requireRequest(actor);
    List<AccessRequest> requests =
        em.createNamedQuery(AccessRequest.BY_REQUESTER, AccessRequest.class)
            .setParameter("username", actor.username())
            .setMaxResults(limit)
            .getResultList();
    audit.record(
        actor.username(),
        "ACCESS_REQUESTS_LISTED",
        "User",
        actor.username(),
        requests.size() + " request(s)");
    return requests;
  }

  public Optional<AccessGrant> grantOf(AccessRequest request) {
    return em.createNamedQuery(AccessGrant.OF_REQUEST, AccessGrant.class)
        .setParameter("request", request.id())
        .getResultStream()
        .findFirst();
  }

  /**
   * A member's grants, active and ended, for those who may see the member's access ({@link
   * AccessPolicy#mayViewGrants}); audited.
   */
  @Transactional
  public List<AccessGrant> grantsOf(Actor actor, long memberId) {
    Member member =
        directory
            .member(memberId)
            .orElseThrow(() -> new NotFoundException("No member " + memberId + "."));
    policy.requireViewGrants(
        actor, member, policy.mayReview(actor) && reviewsARequestOf(actor, memberId));
    List<AccessGrant> grants =
        em.createNamedQuery(AccessGrant.OF_MEMBER, AccessGrant.class)
            .setParameter("member", memberId)
            .getResultList();
    audit.record(
        actor.username(), "MEMBER_GRANTS_VIEWED", "Member", memberId, grants.size() + " grant(s)");
    return grants;
  }

  /** Whether an open request for the member waits in one of the executive's layers. */
  private boolean reviewsARequestOf(Actor actor, long memberId) {
    return em.createNamedQuery(AccessRequest.OPEN_OF_MEMBER, AccessRequest.class)
        .setParameter("member", memberId)
        .getResultStream()
        .anyMatch(r -> policy.mayView(actor, r, inbox.offeredTo(actor, r.processInstanceId())));
  }
}
