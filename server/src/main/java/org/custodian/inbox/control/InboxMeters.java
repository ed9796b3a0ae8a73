package org.custodian.inbox.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.EngineClock;
import org.custodian.platform.metrics.MeterSource;

/**
 * The inbox's meters, by process: {@code custodian_tasks_open} and {@code custodian_tasks_overdue}
 * (gauges, refreshed from the inbox's table), {@code custodian_decisions_total} (a counter: its
 * rate is decisions per hour) and {@code custodian_time_to_decision_seconds} (from a task's
 * creation to its completion), both counted only when the decision's transaction commits.
 */
@ApplicationScoped
public class InboxMeters implements MeterSource {

  @Inject MeterRegistry registry;

  @Inject EngineClock clock;

  @PersistenceContext EntityManager em;

  // the server-wide name: a bean first made on a process engine job thread has no java:comp
  @Resource(lookup = "java:jboss/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transactions;

  private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> overdue = new ConcurrentHashMap<>();
  private final Map<String, DecisionMeters> decisions = new ConcurrentHashMap<>();

  @Override
  public void refresh() {
    Set<String> seen = new HashSet<>();
    for (Object[] row :
        em.createNamedQuery(InboxTask.COUNT_BY_PROCESS, Object[].class).getResultList()) {
      String process = (String) row[0];
      seen.add(process);
      gauge(open, "custodian.tasks.open", process).set((Long) row[1]);
      gauge(overdue, "custodian.tasks.overdue", process).set(((Number) row[2]).longValue());
    }
    // a process with no open task left shows 0, not its last count
    open.forEach((process, value) -> value.set(seen.contains(process) ? value.get() : 0));
    overdue.forEach((process, value) -> value.set(seen.contains(process) ? value.get() : 0));
  }

  private AtomicLong gauge(Map<String, AtomicLong> values, String name, String process) {
    return values.computeIfAbsent(
        process,
        p -> {
          // the registry's own methods: WildFly's application registry hands those to the
          // server's registries (Prometheus); a Meter builder would keep the meter to itself
          return registry.gauge(name, Tags.of("process", p), new AtomicLong());
        });
  }

  private record DecisionMeters(Counter decisions, Timer timeToDecision) {}

  /**
   * A process's decision meters, registered once: the application registry finds a meter by
   * searching all of them, a cost on every decision if asked each time.
   */
  private DecisionMeters decisionMeters(String process) {
    return decisions.computeIfAbsent(
        process,
        p -> {
          Tags tags = Tags.of("process", p);
          return new DecisionMeters(
              registry.counter("custodian.decisions", tags),
              registry.timer("custodian.time.to.decision", tags));
        });
  }

  /** A task was completed: counted once the transaction commits. */
  public void decided(InboxTask task) {
    Duration age = Duration.between(task.createdAt(), clock.now());
    String process = task.processKey();
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              DecisionMeters meters = decisionMeters(process);
              meters.decisions().increment();
              meters.timeToDecision().record(age.isNegative() ? Duration.ZERO : age);
            }
          }
        });
  }
}
