package org.custodian.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates a database sequence for a table's ids, starting after the ids the table holds: an entity
 * whose ids come from a sequence (handed out 50 at a time, {@code pooled-lo}) can be inserted in
 * JDBC batches, which an auto-increment column prevents (Hibernate must read each generated id
 * back). MariaDB 10.3+ and H2 spell the statement alike.
 */
public final class Sequences {

  /** How many ids a server takes from a sequence at once; the entities' {@code allocationSize}. */
  public static final int ALLOCATION = 50;

  private Sequences() {}

  public static void createAfter(Connection connection, String sequence, String table)
      throws SQLException {
    long start;
    try (Statement read = connection.createStatement();
        ResultSet max = read.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
      max.next();
      start = max.getLong(1) + 1;
    }
    try (Statement create = connection.createStatement()) {
      create.execute(
          "CREATE SEQUENCE " + sequence + " START WITH " + start + " INCREMENT BY " + ALLOCATION);
    }
  }
}
