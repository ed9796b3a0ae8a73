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

  /** The subject the seeder gives event n: about {@code count / subjects} events each. */
  static String subject(long n, int subjects) {
    return String.format("Person %06d", n % subjects);
  }

  /**
   * Seeds {@code count} access events in SQL (MariaDB's sequence engine, chunks of 200,000) as the
   * intake writes them: each event by one of the directory's members (round robin, with the
   * member's command), about one of {@code subjects} people, over the last year, with its audit
   * entry; then lets the integrator put every entry into the tree, in its batches. The leaf bytes
   * are not the canonical encoding (the tree does not care; the verifier would).
   */
  JsonObject seedAccessEvents(int count, int subjects, int rosterSize) throws Exception {
    String holder = "benchmark";
    long start = System.nanoTime();
    try (Connection c = dataSource.getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE audit_lease SET holder = 'benchmark', expires_at = '2999-01-01 00:00:00'"
              + " WHERE name = 'integrator'");
      long technology = single(s, "SELECT id FROM technology WHERE code = 'CMS'");
      // a department's roster, not the demo's handful: members in the two demo precincts
      long have = single(s, "SELECT COUNT(*) FROM member");
      if (have < rosterSize) {
        s.executeUpdate(
            "INSERT INTO member (tax_number, name, rank_title, command_id, active)"
                + " SELECT CONCAT('8', LPAD(q.seq, 6, '0')), CONCAT('Seeded Member ', q.seq),"
                + " 'Police Officer', (SELECT id FROM command WHERE code ="
                + " ELT(1 + q.seq % 2, 'PCT-075', 'PCT-040')), TRUE FROM seq_1_to_"
                + (rosterSize - have)
                + " q");
      }
      long members = single(s, "SELECT COUNT(*) FROM member");
      long eventBase = single(s, "SELECT COALESCE(MAX(id), 0) + 1000 FROM access_event");
      long entryBase = single(s, "SELECT COALESCE(MAX(id), 0) + 1000 FROM audit_entry");
      s.executeUpdate("DROP TEMPORARY TABLE IF EXISTS bm_member");
      s.executeUpdate(
          "CREATE TEMPORARY TABLE bm_member (n BIGINT PRIMARY KEY, id BIGINT, tax VARCHAR(20),"
              + " command_id BIGINT)");
      s.executeUpdate(
          "INSERT INTO bm_member SELECT ROW_NUMBER() OVER (ORDER BY id) - 1, id, tax_number,"
              + " command_id FROM member");
      int chunk = 200_000;
      for (int from = 1; from <= count; from += chunk) {
        int to = Math.min(count, from + chunk - 1);
        String seq = "seq_" + from + "_to_" + to;
        s.executeUpdate(
            "INSERT INTO access_event (id, technology_id, event_id, at, member_tax_number,"
                + " member_id, command_id, action, subject, record_ref, purpose, received_at,"
                + " reported_by) SELECT "
                + eventBase
                + " + q.seq, "
                + technology
                + ", CONCAT('seed-', q.seq), UTC_TIMESTAMP(6) - INTERVAL (q.seq * 7919) % 31536000"
                + " SECOND, m.tax, m.id, m.command_id, ELT(1 + q.seq % 5, 'LOGIN', 'SEARCH',"
                + " 'VIEW', 'EXPORT', 'PRINT'), CONCAT('Person ', LPAD(q.seq % "
                + subjects
                + ", 6, '0')), CONCAT('CMS-', LPAD(q.seq % "
                + Math.max(1, count / 10)
                + ", 7, '0')), 'case work', UTC_TIMESTAMP(6), 'system.cms' FROM "
                + seq
                + " q JOIN bm_member m ON m.n = q.seq % "
                + members);
        s.executeUpdate(
            "INSERT INTO audit_entry (id, at, actor, action, object_type, object_id, details,"
                + " leaf) SELECT "
                + entryBase
                + " + q.seq, UTC_TIMESTAMP(6), 'system.cms', 'ACCESS_EVENT_SEARCH', 'AccessEvent',"
                + " CAST("
                + eventBase
                + " + q.seq AS CHAR), 'seeded by the benchmark', CONCAT('seed-', q.seq) FROM "
                + seq
                + " q");
        s.executeUpdate(
            "INSERT INTO audit_unsequenced (entry_id) SELECT "
                + entryBase
                + " + q.seq FROM "
                + seq
                + " q");
      }
      // the sequences hand out ids above the seeded ones
      s.executeQuery("SELECT SETVAL(access_event_seq, " + (eventBase + count + 1000) + ")").close();
      s.executeQuery("SELECT SETVAL(audit_entry_seq, " + (entryBase + count + 1000) + ")").close();
    }
    long seeded = System.nanoTime();
    try {
      int batches = drain(holder);
      return Json.createObjectBuilder()
          .add("events", count)
          .add("subjects", subjects)
          .add("members", rosterSize)
          .add("insertSeconds", (seeded - start) / 1e9)
          .add("integrateSeconds", (System.nanoTime() - seeded) / 1e9)
          .add("batches", batches)
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

  /** Up to n of the directory's members' tax numbers, spread over the roster. */
  List<String> memberTaxNumbers(int n) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT tax_number FROM member ORDER BY RAND(42) LIMIT " + n)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static long single(java.sql.Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
