package org.custodian.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.platform.SingleRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link AuditIntegrator} on every node, every {@code custodian.audit.checkpoint-interval}
 * (default half a second): the node holding the lease sequences what has committed, batch after
 * batch until the queue is empty, and publishes a checkpoint when there is something new; the
 * others find the lease taken and wait for their next turn, ready to take over when it expires.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IntegratorSchedule {

  private static final Logger LOG = Logger.getLogger(IntegratorSchedule.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject AuditIntegrator integrator;

  @Inject Witnesses witnesses;

  @Inject LogKey key;

  @Inject
  @ConfigProperty(name = "custodian.audit.checkpoint-interval", defaultValue = "PT0.5S")
  String interval;

  private ScheduledFuture<?> run;
  private final SingleRun runs = new SingleRun();
  private volatile Instant lastRun;
  private volatile boolean leader;
  private volatile String lastError;

  /** What the last run did, for the health checks. */
  public record State(Instant lastRun, boolean leader, String lastError, Duration interval) {}

  public State state() {
    return new State(lastRun, leader, lastError, Duration.parse(interval));
  }

  @PostConstruct
  void start() {
    // a missing or unreadable signing key stops the deployment here, with the reason, rather than
    // failing every batch later
    key.verifierKey();
    long every = Duration.parse(interval).toMillis();
    run = scheduler.scheduleWithFixedDelay(this::integrate, 0, every, TimeUnit.MILLISECONDS);
  }

  private volatile boolean offeredAtStart;

  void integrate() {
    runs.tryRun(this::integrateBatches);
  }

  private void integrateBatches() {
    try {
      if (!offeredAtStart) {
        // each node offers the latest checkpoint when it starts: a witness that holds another
        // tree says so again, whatever this node remembered before it stopped
        witnesses.offerLatest();
        offeredAtStart = true;
      }
      AuditIntegrator.Batch batch;
      do {
        batch = integrator.integrateBatch();
        if (batch.checkpoint() != null) {
          witnesses.publish(batch.checkpoint());
        }
      } while (!runs.stopping() && batch.leader() && batch.sequenced() == integrator.batchSize());
      leader = batch.leader();
      lastError = null;
    } catch (RuntimeException e) {
      lastError = String.valueOf(e.getMessage());
      LOG.log(Level.WARNING, "The audit integrator's batch failed; it is tried again", e);
    } finally {
      // wall time: how long ago this node's schedule last ran, whatever the engine clock says
      lastRun = Instant.now();
    }
  }

  /**
   * No new batch starts, a batch under way is waited for (it is one short transaction), then the
   * lease is given up so that another node takes over at once: the application's beans and
   * transactions must not be used while it is being undeployed.
   */
  @PreDestroy
  void stop() {
    runs.stop();
    run.cancel(false);
    try {
      integrator.release();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The integrator lease was not given up; it expires", e);
    }
  }
}
