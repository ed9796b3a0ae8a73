package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.AccessRequest;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.notification.control.Notices;
import org.custodian.platform.EngineClock;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * "Grant access": the last layer approved. Runs in the transaction that completed the last review,
 * so the approval, the grant and their audit entries commit together.
 */
@ApplicationScoped
@Named("grantAccess")
public class GrantAccess implements JavaDelegate {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject Notices notices;

  @Override
  public void execute(DelegateExecution execution) {
    long requestId = InboxProjection.caseId(execution);
    String decidedBy = (String) execution.getVariable("decidedBy");
    AccessRequest request = em.find(AccessRequest.class, requestId);
    Instant now = clock.now();
    request.approve(now);
    AccessGrant grant = new AccessGrant(request, now);
    em.persist(grant);
    em.flush();
    audit.record(
        decidedBy == null ? "system" : decidedBy,
        "ACCESS_GRANTED",
        "AccessGrant",
        grant.id(),
        request.businessKey()
            + ": "
            + request.member().taxNumber()
            + " "
            + request.accessLevel().qualifiedCode());
    notices.requestDecided(
        request.requestedBy(),
        request.businessKey(),
        "Access request " + request.businessKey() + " was approved",
        "/custodian/access/request.xhtml?id=" + request.id());
  }
}
