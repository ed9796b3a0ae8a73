package org.custodian.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The runs of one background job on this node (the mail sender, the audit integrator, the meters'
 * refresh): one at a time, none once the application is stopping, and the one under way waited for
 * when it stops, so that no run uses the application's beans and transactions while it is being
 * undeployed.
 */
public final class SingleRun {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean stopping;

  /** Runs the work now unless a run is under way or the application is stopping; whether it ran. */
  public boolean tryRun(Runnable work) {
    if (stopping || !running.compareAndSet(false, true)) {
      return false;
    }
    try {
      work.run();
      return true;
    } finally {
      running.set(false);
    }
  }

  /** Runs the work once the run under way, if any, has finished. */
  public <T> T runWhenFree(Supplier<T> work) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (!running.compareAndSet(false, true)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("Busy for " + PATIENCE.toSeconds() + " s; try again.");
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    try {
      return work.get();
    } finally {
      running.set(false);
    }
  }

  public boolean stopping() {
    return stopping;
  }

  /** No new run starts; the one under way is waited for (its transactions are short). */
  public void stop() {
    stopping = true;
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (running.get() && System.nanoTime() < until) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
