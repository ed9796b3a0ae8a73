package org.custodian.benchmark;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.custodian.audit.control.AuditIntegrator;
import org.custodian.audit.control.AuditLog;

/**
 * The transparency log's two figures (issue 12): how many entries a second the integrator puts into
 * the tree, and how long after it is written an entry is in a signed checkpoint.
 */
@ApplicationScoped
public class AuditLogProbe {

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource UserTransaction tx;

  @Inject AuditLog audit;

  @Inject AuditIntegrator integrator;

  /** The newest entry id: entries after it are a run's. */
  long mark() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * For every entry after {@code after}: from the instant it was written to the publication of the
   * first checkpoint that includes it. The instant is taken before the writer commits, so this is
   * an upper bound of commit-to-inclusion.
   */
  JsonObject inclusionDelay(long after) throws Exception {
    List<Long> nanos = new ArrayList<>();
    int pending = 0;
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT e.at, (SELECT MIN(k.published_at) FROM audit_checkpoint k"
                    + " WHERE k.tree_size > l.seq) FROM audit_entry e"
                    + " LEFT JOIN audit_leaf l ON l.entry_id = e.id WHERE e.id > ?")) {
      ps.setLong(1, after);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp published = rs.getTimestamp(2);
          if (published == null) {
            pending++;
            continue;
          }
          nanos.add(
              Duration.between(rs.getTimestamp(1).toInstant(), published.toInstant()).toNanos());
        }
      }
    }
    return Json.createObjectBuilder()
        .add("entries", nanos.size())
        .add("notYetIncluded", pending)
        .add("delay", Stats.ofNanos(nanos).json())
        .build();
  }

  /**
   * Holds the integrator's lease as "benchmark", writes {@code events} entries (1,000 per
   * transaction), then lets the integrator sequence them in its batches, each batch its own
   * transaction as in production, and times both.
   */
  JsonObject integrator(int events) throws Exception {
    String holder = "benchmark";
    try (Connection c = dataSource.getConnection()) {
      c.createStatement()
          .executeUpdate(
              "UPDATE audit_lease SET holder = 'benchmark', expires_at = '2999-01-01 00:00:00'"
                  + " WHERE name = 'integrator'");
    }
    try {
      drain(holder);
      long writeStart = System.nanoTime();
      for (int done = 0; done < events; done += 1_000) {
        tx.begin();
        for (int i = done; i < Math.min(events, done + 1_000); i++) {
          audit.record(
              "benchmark", "BENCHMARK_EVENT", "Benchmark", i, "integrator throughput, event " + i);
        }
        tx.commit();
      }
      long written = System.nanoTime() - writeStart;
      long integrateStart = System.nanoTime();
      int batches = drain(holder);
      long integrated = System.nanoTime() - integrateStart;
      return Json.createObjectBuilder()
          .add("events", events)
          .add("batchSize", integrator.batchSize())
          .add("batches", batches)
          .add("writeSeconds", written / 1e9)
          .add("writtenPerSecond", events / (written / 1e9))
          .add("integrateSeconds", integrated / 1e9)
          .add("integratedPerSecond", events / (integrated / 1e9))
          .add("at", Instant.now().toString())
          .build();
    } finally {
      try (Connection c = dataSource.getConnection()) {
        c.createStatement()
            .executeUpdate(
                "UPDATE audit_lease SET holder = '', expires_at = '1970-01-01 00:00:00'"
                    + " WHERE name = 'integrator'");
      }
    }
  }

  private int drain(String holder) throws Exception {
    int batches = 0;
    while (true) {
      tx.begin();
      AuditIntegrator.Batch batch = integrator.integrate(integrator.batchSize(), holder);
      tx.commit();
      if (batch.sequenced() == 0) {
        return batches;
      }
      batches++;
    }
  }
}
