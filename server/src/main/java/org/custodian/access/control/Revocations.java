package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.Decision;
import org.custodian.access.entity.GrantSuspension;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.flowable.engine.RuntimeService;

/**
 * Ends access the member's assignment no longer requires. Policies: access levels "are rescinded
 * when that officer's assignment no longer requires its use" (case management systems); record
 * system levels "are adjusted or removed".
 */
@ApplicationScoped
public class Revocations {

  /** What one personnel event did at once, and what it left for the new Commanding Officer. */
  public record Outcome(
      List<Long> endedGrants, List<Long> grantsToConfirm, List<Long> withdrawnRequests) {}

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject RuntimeService runtime;

  /**
   * SEPARATED: every active grant ends. REASSIGNED: grants the new command's functions do not
   * permit end; the others wait for the new Commanding Officer's confirmation. Either way, open
   * requests made by the old command are withdrawn.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome apply(PersonnelEvent event) {
    Instant now = clock.now();
    List<Long> ended = new ArrayList<>();
    List<Long> toConfirm = new ArrayList<>();
    Set<String> permitted =
        event.type() == PersonnelEvent.Type.REASSIGNED
            ? directory.permittedLevelCodes(event.newCommand().code())
            : Set.of();
    for (AccessGrant grant : activeGrants(event.member().id())) {
      if (permitted.contains(grant.accessLevel().qualifiedCode())) {
        toConfirm.add(grant.id());
      } else {
        String reason =
            event.type() == PersonnelEvent.Type.SEPARATED
                ? "member separated (" + event.businessKey() + ")"
                : "not permitted for "
                    + event.newCommand().code()
                    + "'s functions after reassignment ("
                    + event.businessKey()
                    + ")";
        end(grant, now, reason, Actor.SYSTEM, "personnel event " + event.businessKey());
        ended.add(grant.id());
      }
    }
    supersedePendingConfirmations(event);
    List<Long> withdrawn = new ArrayList<>();
    for (AccessRequest request :
        em.createNamedQuery(AccessRequest.OPEN_OF_MEMBER, AccessRequest.class)
            .setParameter("member", event.member().id())
            .getResultList()) {
      if (request.command().id().equals(event.previousCommand().id())) {
        withdraw(request, event, now);
        withdrawn.add(request.id());
      }
    }
    return new Outcome(ended, toConfirm, withdrawn);
  }

  /**
   * A confirmation still waiting from an earlier reassignment is withdrawn: this event has just
   * judged every active grant against the member's newest command, and that command's Commanding
   * Officer, not the previous one, decides what remains.
   */
  private void supersedePendingConfirmations(PersonnelEvent event) {
    for (PersonnelEvent earlier :
        em.createNamedQuery(PersonnelEvent.STARTED_OF_MEMBER, PersonnelEvent.class)
            .setParameter("member", event.member().id())
            .getResultList()) {
      if (earlier.id().equals(event.id())
          || runtime
                  .createProcessInstanceQuery()
                  .processInstanceId(earlier.processInstanceId())
                  .count()
              == 0) {
        continue;
      }
      String reason = "Withdrawn: superseded by " + event.businessKey();
      runtime.deleteProcessInstance(earlier.processInstanceId(), reason);
      audit.record(
          Actor.SYSTEM,
          "CONFIRMATION_WITHDRAWN",
          "PersonnelEvent",
          earlier.id(),
          earlier.businessKey() + ": " + reason);
    }
  }

  private void withdraw(AccessRequest request, PersonnelEvent event, Instant now) {
    String reason =
        "Withdrawn: "
            + event.member().name()
            + " "
            + (event.type() == PersonnelEvent.Type.SEPARATED
                ? "separated"
                : "left " + event.previousCommand().code())
            + " ("
            + event.businessKey()
            + ")";
    request.record(
        "event:" + event.businessKey() + ":" + request.id(),
        Actor.SYSTEM,
        Decision.WITHDRAW,
        reason,
        now);
    if (request.processInstanceId() != null) {
      runtime.deleteProcessInstance(request.processInstanceId(), reason);
    }
    audit.record(
        Actor.SYSTEM,
        "ACCESS_REQUEST_WITHDRAWN",
        "AccessRequest",
        request.id(),
        request.businessKey() + ": " + reason);
  }

  public List<AccessGrant> activeGrants(long memberId) {
    return em.createNamedQuery(AccessGrant.ACTIVE_OF_MEMBER, AccessGrant.class)
        .setParameter("member", memberId)
        .getResultList();
  }

  public List<AccessGrant> grants(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(AccessGrant.BY_IDS, AccessGrant.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Ends one grant and audits it, naming who or what ended it. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void end(AccessGrant grant, Instant at, String reason, String actor, String cause) {
    grant.end(at, reason);
    audit.record(
        actor,
        "ACCESS_GRANT_ENDED",
        "AccessGrant",
        grant.id(),
        grant.member().taxNumber()
            + " "
            + grant.accessLevel().qualifiedCode()
            + " ended by "
            + cause
            + ": "
            + reason);
  }

  /**
   * Suspends one grant from now until {@code until}, when it resumes by itself, and audits it,
   * naming who suspended it and why.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void suspend(AccessGrant grant, Instant until, String reason, String actor, String cause) {
    GrantSuspension suspension = grant.suspend(clock.now(), until, reason, actor);
    em.persist(suspension);
    audit.record(
        actor,
        "ACCESS_GRANT_SUSPENDED",
        "AccessGrant",
        grant.id(),
        grant.member().taxNumber()
            + " "
            + grant.accessLevel().qualifiedCode()
            + " suspended until "
            + until
            + " by "
            + cause
            + ": "
            + reason);
  }

  /** The confirmation deadline passed: grants still waiting end. */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Long> endUnconfirmed(List<Long> grantIds, String eventKey) {
    Instant now = clock.now();
    List<Long> ended = new ArrayList<>();
    for (AccessGrant grant : grants(grantIds)) {
      if (grant.active()) {
        end(
            grant,
            now,
            "not confirmed after reassignment (" + eventKey + ")",
            Actor.SYSTEM,
            "confirmation deadline");
        ended.add(grant.id());
      }
    }
    return ended;
  }
}
