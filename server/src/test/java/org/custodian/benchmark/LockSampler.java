package org.custodian.benchmark;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Which rows transactions wait for: every 150 ms InnoDB's lock-wait tables are read and each
 * waited-for (table, index, mode) is counted once per sample. (InnoDB refreshes those tables only
 * when they were not read for 100 ms: a faster sampler sees nothing.) Needs the PROCESS privilege
 * (benchmark-grants.sql); without it, the sampler reports that it could not look.
 */
@ApplicationScoped
public class LockSampler {

  private static final String WAITS =
      "SELECT l.lock_table, l.lock_index, l.lock_mode FROM information_schema.INNODB_LOCK_WAITS w "
          + "JOIN information_schema.INNODB_LOCKS l ON l.lock_id = w.requested_lock_id";

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private final AtomicBoolean running = new AtomicBoolean();
  private final Map<String, Integer> waits = new TreeMap<>();
  private int samples;
  private int samplesWithWaits;
  private String problem;
  private Future<?> task;

  synchronized void start() {
    waits.clear();
    samples = 0;
    samplesWithWaits = 0;
    problem = null;
    running.set(true);
    task = executor.submit(this::run);
  }

  private void run() {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      while (running.get()) {
        boolean any = false;
        try (ResultSet rs = st.executeQuery(WAITS)) {
          synchronized (this) {
            samples++;
            while (rs.next()) {
              any = true;
              waits.merge(
                  rs.getString(1) + " " + rs.getString(2) + " (" + rs.getString(3) + ")",
                  1,
                  Integer::sum);
            }
            if (any) {
              samplesWithWaits++;
            }
          }
        }
        Thread.sleep(150);
      }
    } catch (SQLException e) {
      synchronized (this) {
        problem = e.getMessage();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  JsonObject stop() throws Exception {
    running.set(false);
    if (task != null) {
      task.get();
    }
    synchronized (this) {
      return result();
    }
  }

  private JsonObject result() {
    JsonObjectBuilder out =
        Json.createObjectBuilder()
            .add("samples", samples)
            .add("samplesWithWaits", samplesWithWaits);
    JsonObjectBuilder rows = Json.createObjectBuilder();
    waits.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(8)
        .forEach(e -> rows.add(e.getKey(), e.getValue()));
    out.add("waitedFor", rows);
    if (problem != null) {
      out.add("problem", problem);
    }
    return out.build();
  }
}
