package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Roles;

/** The written notifications of a breach: one per affected individual, tracked by the APO. */
@ApplicationScoped
public class BreachNotifications {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  /**
   * One letter per named individual, and one line for those not yet identified (the estimate's
   * rest).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void prepare(BreachReport b) {
    for (String name : b.affectedPeople()) {
      em.persist(new BreachNotification(b, name));
    }
    int unnamed = b.affectedCount() - b.affectedPeople().size();
    if (unnamed > 0) {
      em.persist(
          new BreachNotification(
              b, "Affected individuals not yet identified (about " + unnamed + ")"));
    }
  }

  public List<BreachNotification> of(long breachId) {
    return em.createNamedQuery(BreachNotification.OF_BREACH, BreachNotification.class)
        .setParameter("breach", breachId)
        .getResultList();
  }

  /** Sent (when, how), returned undeliverable, or the reasonable efforts documented. */
  @Transactional
  public BreachNotification record(
      Actor actor,
      long breachId,
      long id,
      BreachNotification.Status status,
      String method,
      Instant sentAt,
      String efforts) {
    actor.requireRole(Roles.PRIVACY_OFFICER);
    BreachNotification n = em.find(BreachNotification.class, id);
    if (n == null || !n.breach().id().equals(breachId)) {
      throw new NotFoundException("Breach " + breachId + " has no notification " + id + ".");
    }
    if (n.breach().status() != BreachReport.Status.NOTIFYING) {
      throw new ConflictException(
          n.breach().businessKey()
              + " is "
              + n.breach().status()
              + "; notifications are tracked while it is NOTIFYING.");
    }
    List<FieldError> errors = new ArrayList<>();
    Instant now = clock.now();
    if (status == null || status == BreachNotification.Status.PENDING) {
      errors.add(
          new FieldError(
              "status", "status must be SENT, RETURNED_UNDELIVERABLE or EFFORTS_DOCUMENTED."));
    } else if (status == BreachNotification.Status.SENT) {
      if (method == null || method.isBlank()) {
        errors.add(new FieldError("method", "Say how it was sent (mail, e-mail, by hand...)."));
      }
      if (sentAt == null) {
        errors.add(new FieldError("sentAt", "sentAt is required."));
      } else if (sentAt.isAfter(now.plusSeconds(300))) {
        errors.add(new FieldError("sentAt", "sentAt is in the future."));
      }
    } else if (status == BreachNotification.Status.EFFORTS_DOCUMENTED
        && (efforts == null || efforts.strip().length() < 20)) {
      errors.add(
          new FieldError(
              "efforts",
              "Describe the reasonable efforts made to reach the individual (at least 20 characters)."));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    n.record(
        status,
        method == null ? null : method.strip(),
        sentAt,
        efforts == null ? null : efforts.strip(),
        actor.username(),
        now);
    audit.record(
        actor.username(),
        "BREACH_NOTIFICATION_" + status.name(),
        "BreachReport",
        breachId,
        n.breach().businessKey()
            + " notification "
            + id
            + ": "
            + status
            + (method == null ? "" : " by " + method.strip()));
    return n;
  }

  /** How many letters still need to be sent or their efforts documented. */
  public long unsettled(long breachId) {
    return of(breachId).stream().filter(n -> !n.status().settled()).count();
  }
}
