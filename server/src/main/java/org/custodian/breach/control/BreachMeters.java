package org.custodian.breach.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.breach.entity.BreachReport;
import org.custodian.platform.EngineClock;
import org.custodian.platform.metrics.MeterSource;

/**
 * The 24-hour clocks (policies: a breach is reported to the City Chief Privacy Officer within 24
 * hours): {@code custodian_breach_clocks_under_4h}, running clocks with four hours or less left,
 * and {@code custodian_breach_clocks_expired}, running clocks past their deadline. A clock runs
 * until the report goes to the City CPO.
 */
@ApplicationScoped
public class BreachMeters implements MeterSource {

  private static final Duration WARNING = Duration.ofHours(4);

  @Inject MeterRegistry registry;

  @Inject EngineClock clock;

  @PersistenceContext EntityManager em;

  private AtomicLong underFourHours;
  private AtomicLong expired;

  @PostConstruct
  void register() {
    // the registry's own methods: WildFly's application registry hands those to the server's
    // registries (Prometheus); a Meter builder would keep the meter to itself
    underFourHours =
        registry.gauge("custodian.breach.clocks.under.4h", Tags.empty(), new AtomicLong());
    expired = registry.gauge("custodian.breach.clocks.expired", Tags.empty(), new AtomicLong());
  }

  @Override
  public void refresh() {
    Instant now = clock.now();
    underFourHours.set(running(now, now.plus(WARNING)));
    expired.set(running(Instant.EPOCH, now));
  }

  /** Running clocks whose deadline is after {@code after} and at or before {@code until}. */
  private long running(Instant after, Instant until) {
    return em.createNamedQuery(BreachReport.RUNNING_CLOCKS_DUE, Long.class)
        .setParameter("after", after)
        .setParameter("until", until)
        .getSingleResult();
  }
}
