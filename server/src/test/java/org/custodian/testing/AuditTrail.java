package org.custodian.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log as the database holds it, read by the tests (client side) over JDBC from the
 * MariaDB the build started: which entries an action wrote, from a mark (the highest entry id) on.
 */
public final class AuditTrail {

  /** One entry, as stored. */
  public record Entry(
      long id, String actor, String action, String objectType, String objectId, String details) {}

  private AuditTrail() {}

  /** A connection to the MariaDB the build started, as the servers use it. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("custodian.db.url"),
        System.getProperty("custodian.db.user"),
        System.getProperty("custodian.db.password"));
  }

  /** The highest entry id written so far: entries after it are the ones a test's action wrote. */
  public static long mark() {
    try (Connection c = connect();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COALESCE(MAX(id), 0) FROM audit_entry")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many entries after the mark still wait to be put into the tree. */
  public static long waiting(long mark) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM audit_unsequenced WHERE entry_id > ?")) {
      s.setLong(1, mark);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The entries written after the mark by the actor, in order. */
  public static List<Entry> since(long mark, String actor) {
    return entries("id > ? AND actor = ?", mark, actor);
  }

  /**
   * The actions recorded on one object, in order, by anyone. Where two servers write, their entry
   * ids come from blocks each server takes from the sequence, so an entry can be written after a
   * mark with an id below it: such tests ask by object, not by mark.
   */
  public static List<String> actionsOn(String objectType, Object objectId) {
    return entries("object_type = ? AND object_id = ?", objectType, String.valueOf(objectId))
        .stream()
        .map(Entry::action)
        .toList();
  }

  /** The entries matching the condition, in order of their ids. */
  private static List<Entry> entries(String condition, Object... parameters) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, actor, action, object_type, object_id, details FROM audit_entry WHERE "
                    + condition
                    + " ORDER BY id")) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<Entry> entries = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          entries.add(
              new Entry(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6)));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The actions the actor's entries after the mark record. */
  public static List<String> actions(long mark, String actor) {
    return since(mark, actor).stream().map(Entry::action).toList();
  }
}
