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
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Roles;
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

  /** What the Commanding Officer asks for. */
  public record Submission(
      Long memberId, String technology, String accessLevel, String justification) {}

  /** Fired inside the submitting transaction once the process has started. */
  public record Submitted(long requestId, String businessKey) {}

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject RuntimeService runtime;

  @Inject AuditLog audit;

  @Inject BusinessKeys businessKeys;

  @Inject EngineClock clock;

  @Inject Event<Submitted> submitted;

  @Inject
  @ConfigProperty(name = "custodian.access.review-due", defaultValue = "P3D")
  java.time.Duration reviewDue;

  @Transactional
  public AccessRequest submit(Actor actor, Submission submission) {
    actor.requireRole(Roles.COMMANDING_OFFICER);
    List<FieldError> errors = new ArrayList<>();
    if (submission.memberId() == null) {
      errors.add(new FieldError("memberId", "Choose the member who needs access."));
    }
    String justification =
        submission.justification() == null ? "" : submission.justification().strip();
    // Policies: access "is limited to personnel who have an articulable need to access the system"
    if (justification.length() < AccessRequest.MIN_JUSTIFICATION) {
      errors.add(
          new FieldError(
              "justification",
              "Describe the articulable need in at least "
                  + AccessRequest.MIN_JUSTIFICATION
                  + " characters."));
    } else if (justification.length() > AccessRequest.MAX_JUSTIFICATION) {
      errors.add(
          new FieldError(
              "justification",
              "Keep the justification to " + AccessRequest.MAX_JUSTIFICATION + " characters."));
    }
    Optional<Technology> technology =
        submission.technology() == null
            ? Optional.empty()
            : directory.technology(submission.technology());
    if (technology.isEmpty()) {
      errors.add(new FieldError("technology", "Choose a known technology."));
    }
    Optional<AccessLevel> level =
        technology.flatMap(
            t ->
                submission.accessLevel() == null
                    ? Optional.empty()
                    : t.level(submission.accessLevel()));
    if (technology.isPresent() && level.isEmpty()) {
      errors.add(
          new FieldError(
              "accessLevel", "Choose an access level of " + technology.get().name() + "."));
    }
    Optional<Member> member =
        submission.memberId() == null ? Optional.empty() : directory.member(submission.memberId());
    if (submission.memberId() != null && member.isEmpty()) {
      errors.add(new FieldError("memberId", "There is no member " + submission.memberId() + "."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    Member m = member.orElseThrow();
    AccessLevel l = level.orElseThrow();

    // Policies: "Authorization must be requested by a Commanding Officer" -- of the member's own
    // command
    if (!m.command().code().equals(actor.commandCode())) {
      throw new ForbiddenException("You may request access only for members of your own command.");
    }
    if (!m.active()) {
      throw new InvalidInputException("memberId", m.name() + " is not an active member.");
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
          m.name() + " already has an open request for " + l.qualifiedCode() + ".");
    }
    if (em.createNamedQuery(AccessGrant.ACTIVE_FOR, Long.class)
            .setParameter("key", key)
            .getSingleResult()
        > 0) {
      throw new ConflictException(m.name() + " already holds " + l.qualifiedCode() + ".");
    }

    AccessRequest request =
        new AccessRequest(
            businessKeys.next("AR"), m, l, justification, actor.username(), clock.now());
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
            + ": "
            + m.taxNumber()
            + " "
            + l.qualifiedCode()
            + ", "
            + request.reviewLayers()
            + " review layer(s)");
    submitted.fire(new Submitted(request.id(), request.businessKey()));
    return request;
  }

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
   * The request, if the actor may see it: its requester, a Commanding Officer of the member's
   * command, executive reviewers, auditors, admins. Every view is audited.
   */
  @Transactional
  public AccessRequest view(Actor actor, long id) {
    AccessRequest request = find(id);
    checkMayView(actor, request);
    audit.record(
        actor.username(),
        "ACCESS_REQUEST_VIEWED",
        "AccessRequest",
        request.id(),
        request.businessKey());
    return request;
  }

  public AccessRequest find(long id) {
    AccessRequest request = em.find(AccessRequest.class, id);
    if (request == null) {
      throw new NotFoundException("No access request " + id + ".");
    }
    return request;
  }

  public void checkMayView(Actor actor, AccessRequest request) {
    boolean own = actor.username().equals(request.requestedBy());
    boolean sameCommand =
        actor.hasRole(Roles.COMMANDING_OFFICER)
            && request.command().code().equals(actor.commandCode());
    if (!(own
        || sameCommand
        || actor.hasRole(Roles.EXECUTIVE_REVIEWER)
        || actor.hasRole(Roles.AUDITOR)
        || actor.hasRole(Roles.ADMIN))) {
      throw new ForbiddenException("You may not see this access request.");
    }
  }

  /** The Commanding Officer's own requests, newest first. */
  @Transactional
  public List<AccessRequest> mine(Actor actor, int limit) {
    List<AccessRequest> requests =
        em.createNamedQuery(AccessRequest.BY_REQUESTER, AccessRequest.class)
            .setParameter("username", actor.username())
            .setMaxResults(limit)
            .getResultList();
    audit.record(
        actor.username(),
        "ACCESS_REQUESTS_LISTED",
        "AccessRequest",
        "requester:" + actor.username(),
        requests.size() + " request(s)");
    return requests;
  }

  public Optional<AccessGrant> grantOf(AccessRequest request) {
    return em.createNamedQuery(AccessGrant.OF_REQUEST, AccessGrant.class)
        .setParameter("request", request.id())
        .getResultStream()
        .findFirst();
  }

  /** A member's grants, active and ended, for those who may see the member's access. */
  @Transactional
  public List<AccessGrant> grantsOf(Actor actor, long memberId) {
    Member member =
        directory
            .member(memberId)
            .orElseThrow(() -> new NotFoundException("No member " + memberId + "."));
    boolean sameCommand =
        actor.hasRole(Roles.COMMANDING_OFFICER)
            && member.command().code().equals(actor.commandCode());
    if (!(sameCommand
        || actor.hasRole(Roles.EXECUTIVE_REVIEWER)
        || actor.hasRole(Roles.PRIVACY_OFFICER)
        || actor.hasRole(Roles.AUDITOR)
        || actor.hasRole(Roles.ADMIN))) {
      throw new ForbiddenException("You may not see this member's access.");
    }
    List<AccessGrant> grants =
        em.createNamedQuery(AccessGrant.OF_MEMBER, AccessGrant.class)
            .setParameter("member", memberId)
            .getResultList();
    audit.record(
        actor.username(), "MEMBER_GRANTS_VIEWED", "Member", memberId, grants.size() + " grant(s)");
    return grants;
  }
}
