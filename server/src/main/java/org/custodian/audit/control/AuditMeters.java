package org.custodian.audit.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.platform.EngineClock;
import org.custodian.platform.metrics.MeterSource;

/**
 * The audit integrator's progress: {@code custodian_audit_integrator_lag_seconds}, how long the
 * oldest entry not yet in the tree has waited (0: none waits), and {@code
 * custodian_audit_entries_waiting}. Read from the database, so every node reports the cluster's
 * integrator, whichever node holds the lease.
 */
@ApplicationScoped
public class AuditMeters implements MeterSource {

  @Inject MeterRegistry registry;

  @Inject AuditIntegrator integrator;

  @Inject EngineClock clock;

  private AtomicLong lagSeconds;
  private AtomicLong waiting;

  @PostConstruct
  void register() {
    // the registry's own methods: WildFly's application registry hands those to the server's
    // registries (Prometheus); a Meter builder would keep the meter to itself
    lagSeconds =
        registry.gauge("custodian.audit.integrator.lag.seconds", Tags.empty(), new AtomicLong());
    waiting = registry.gauge("custodian.audit.entries.waiting", Tags.empty(), new AtomicLong());
  }

  @Override
  public void refresh() {
    AuditIntegrator.Backlog backlog = integrator.backlog();
    waiting.set(backlog.entries());
    lagSeconds.set(lagSeconds(backlog));
  }

  /** How long the oldest waiting entry has waited, by the clock entries are written with. */
  public long lagSeconds(AuditIntegrator.Backlog backlog) {
    if (backlog.oldest() == null) {
      return 0;
    }
    return Math.max(0, Duration.between(backlog.oldest(), clock.now()).toSeconds());
  }
}
