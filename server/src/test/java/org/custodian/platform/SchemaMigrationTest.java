package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.custodian.audit.control.CarryHashChain;
import org.custodian.tlog.AuditLeaf;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * README command one starts on the embedded H2 database: every migration and the demo data must run
 * there as they do on MariaDB (the integration tests cover MariaDB). H2 reserves words MariaDB does
 * not (VALUE, KEY, ...), which only this catches before a user does.
 */
class SchemaMigrationTest {

  /** The schema migrations the capabilities write in code, as the platform finds them by CDI. */
  static final java.util.List<org.flywaydb.core.api.migration.JavaMigration> SCHEMA_IN_CODE =
      java.util.List.of(
          new CarryHashChain(),
          new org.custodian.audit.control.AuditEntrySequence(),
          new org.custodian.oversight.control.AccessEventSequences());

  @Test
  void everyMigrationAndTheDemoDataRunOnTheEmbeddedDatabase() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-test;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    assertTrue(
        SchemaMigration.migrate(
            h2,
            SCHEMA_IN_CODE,
            true,
            java.util.List.of(new org.custodian.policy.control.DemoPolicies())),
        "demo data on, as README command one asks");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT COUNT(*) FROM app_user WHERE username IN ('apo.legal', 'apo.deputy', 'co.ramirez')")) {
        rs.next();
        assertEquals(3, rs.getInt(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM standing_authorization")) {
        rs.next();
        assertEquals(3, rs.getInt(1), "one designation, one pre-approval, one agreement");
      }
    }
    assertTrue(
        SchemaMigration.migrate(
            h2,
            SCHEMA_IN_CODE,
            true,
            java.util.List.of(new org.custodian.policy.control.DemoPolicies())),
        "a second start migrates nothing and fails on nothing");
  }

  @Test
  void demoUsersExistOnlyWhereDemoDataWasAskedFor() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-no-demo;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    assertTrue(
        !SchemaMigration.migrate(h2, SCHEMA_IN_CODE, false, java.util.List.of()),
        "not asked for: off, even on the embedded database");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_user")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no user exists, none with the demo password");
    }
  }

  /**
   * An installation of the hash-chained log (V2 to V15) upgrades: its chain is verified, and its
   * entries become the first leaves of the tree in their order, followed by one that records the
   * chain's last hash.
   */
  @Test
  void theHashChainIsVerifiedAndCarriedIntoTheTreeInItsOrder() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-chain;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    Flyway.configure()
        .dataSource(h2)
        .locations("classpath:db/migration")
        .placeholders(SchemaMigration.H2)
        .target("15")
        .load()
        .migrate();
    String previous = "0".repeat(64);
    Instant at = Instant.parse("2026-11-30T09:15:00.123456Z");
    try (Connection c = h2.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_entry (seq, at, actor, action, object_type, object_id, details,"
                    + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int seq = 1; seq <= 3; seq++) {
        AuditLeaf entry =
            new AuditLeaf(
                at.plusSeconds(seq), "co.ramirez", "ACTION_" + seq, "Test", "" + seq, "é " + seq);
        String hash = CarryHashChain.chainHash(previous, seq, entry);
        insert.setLong(1, seq);
        insert.setTimestamp(
            2,
            java.sql.Timestamp.valueOf(
                java.time.LocalDateTime.ofInstant(entry.at(), java.time.ZoneOffset.UTC)));
        insert.setString(3, entry.actor());
        insert.setString(4, entry.action());
        insert.setString(5, entry.objectType());
        insert.setString(6, entry.objectId());
        insert.setString(7, entry.details());
        insert.setString(8, previous);
        insert.setString(9, hash);
        insert.executeUpdate();
        previous = hash;
      }
    }
    SchemaMigration.migrate(h2, SCHEMA_IN_CODE, false, java.util.List.of());
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT e.action, e.leaf FROM audit_entry e JOIN audit_unsequenced u ON u.entry_id = e.id ORDER BY e.id")) {
      java.util.List<String> actions = new java.util.ArrayList<>();
      String last = null;
      while (rs.next()) {
        AuditLeaf leaf = AuditLeaf.decode(rs.getBytes(2));
        assertEquals(rs.getString(1), leaf.action());
        actions.add(leaf.action());
        last = leaf.details();
      }
      assertEquals(
          java.util.List.of("ACTION_1", "ACTION_2", "ACTION_3", "AUDIT_CHAIN_CARRIED"), actions);
      assertTrue(last.contains(previous), "the chain's last hash is recorded: " + last);
    }
  }

  /** A chain altered before the upgrade stops it, naming the entry, and nothing is carried. */
  @Test
  void aBrokenChainStopsTheUpgrade() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-broken;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    Flyway.configure()
        .dataSource(h2)
        .locations("classpath:db/migration")
        .placeholders(SchemaMigration.H2)
        .target("15")
        .load()
        .migrate();
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO audit_entry (seq, at, actor, action, object_type, object_id, details,"
              + " prev_hash, hash) VALUES (1, TIMESTAMP '2026-11-30 09:15:00', 'a', 'B', 'C', '1', 'd', '"
              + "0".repeat(64)
              + "', '"
              + "f".repeat(64)
              + "')");
    }
    Exception refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () -> SchemaMigration.migrate(h2, SCHEMA_IN_CODE, false, java.util.List.of()));
    StringBuilder message = new StringBuilder();
    for (Throwable t = refused; t != null; t = t.getCause()) {
      message.append(t.getMessage()).append(" / ");
    }
    assertTrue(message.toString().contains("does not verify at entry 1"), message.toString());
  }
}
