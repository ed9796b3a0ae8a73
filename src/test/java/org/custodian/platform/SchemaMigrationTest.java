package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * README command one starts on the embedded H2 database: every migration and the demo data must run
 * there as they do on MariaDB (the integration tests cover MariaDB). H2 reserves words MariaDB does
 * not (VALUE, KEY, ...), which only this catches before a user does.
 */
class SchemaMigrationTest {

  @Test
  void everyMigrationAndTheDemoDataRunOnTheEmbeddedDatabase() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-test;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    assertTrue(
        SchemaMigration.migrate(
            h2, true, java.util.List.of(new org.custodian.policy.control.DemoPolicies())),
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
            h2, true, java.util.List.of(new org.custodian.policy.control.DemoPolicies())),
        "a second start migrates nothing and fails on nothing");
  }

  @Test
  void demoUsersExistOnlyWhereDemoDataWasAskedFor() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:schema-migration-no-demo;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    h2.setPassword("sa");
    assertTrue(
        !SchemaMigration.migrate(h2, false, java.util.List.of()),
        "not asked for: off, even on the embedded database");
    try (Connection c = h2.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_user")) {
      rs.next();
      assertEquals(0, rs.getInt(1), "no user exists, none with the demo password");
    }
  }
}
