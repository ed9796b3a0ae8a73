package org.custodian.platform.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.platform.SingleRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refreshes every {@link MeterSource} each {@code custodian.metrics.refresh-interval} (default 30
 * seconds, about a Prometheus scrape interval), each in its own transaction: a failing source
 * leaves its last numbers and does not stop the others.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MeterRefresh {

  private static final Logger LOG = Logger.getLogger(MeterRefresh.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject @Any Instance<MeterSource> sources;

  @Inject Refresher refresher;

  @Inject
  @ConfigProperty(name = "custodian.metrics.refresh-interval", defaultValue = "PT30S")
  String interval;

  private ScheduledFuture<?> run;
  private final SingleRun runs = new SingleRun();

  @PostConstruct
  void start() {
    long every = Duration.parse(interval).toMillis();
    run = scheduler.scheduleWithFixedDelay(this::refreshAll, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Refreshes every source now (also what the schedule runs). */
  public void refreshAll() {
    runs.tryRun(
        () -> {
          for (MeterSource source : sources) {
            try {
              refresher.refresh(source);
            } catch (RuntimeException e) {
              LOG.log(
                  Level.WARNING, "Metrics of " + source.getClass().getName() + " not refreshed", e);
            }
          }
        });
  }

  /** No new refresh starts, and one under way is waited for, before the application goes. */
  @PreDestroy
  void stop() {
    runs.stop();
    run.cancel(false);
  }

  /** One source's refresh in its own transaction. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class Refresher {
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh(MeterSource source) {
      source.refresh();
    }
  }
}
