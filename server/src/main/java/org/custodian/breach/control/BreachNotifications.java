package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;

/** The written notifications of a breach: one per affected individual, tracked by the APO. */
@ApplicationScoped
public class BreachNotifications {

  @PersistenceContext EntityManager em;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BreachPolicy policy;

  @Inject Validation validation;

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
      Actor actor, long breachId, long id, RecordNotification command) {
    policy.requireHandle(actor);
    BreachNotification n = em.find(BreachNotification.class, id);
    if (n == null || !n.breach().id().equals(breachId)) {
      throw new NotFoundException("Breach " + breachId + " has no notification " + id + ".");
    }
    validation.check(command);
    if (n.breach().status() != BreachReport.Status.NOTIFYING) {
      throw new ConflictException(
          n.breach().businessKey()
              + " is "
              + n.breach().status()
              + "; notifications are tracked while it is NOTIFYING.");
    }
    Instant now = clock.now();
    if (command.sentAt() != null && command.sentAt().isAfter(now.plusSeconds(300))) {
      throw new InvalidInputException("sentAt", "sentAt is in the future.");
    }
    String method =
        command.method() == null || command.method().isBlank() ? null : command.method().strip();
    String efforts =
        command.efforts() == null || command.efforts().isBlank() ? null : command.efforts().strip();
    n.record(
        command.status(),
        method,
        command.status() == BreachNotification.Status.SENT ? command.sentAt() : null,
        efforts,
        actor.username(),
        now);
    audit.record(
        actor.username(),
        "BREACH_NOTIFICATION_" + command.status().name(),
        "BreachReport",
        breachId,
        n.breach().businessKey()
            + " notification "
            + id
            + ": "
            + command.status()
            + (method == null ? "" : " by " + method));
    return n;
  }

  /** How many letters still need to be sent or their efforts documented. */
  public long unsettled(long breachId) {
    return of(breachId).stream().filter(n -> !n.status().settled()).count();
  }
}
