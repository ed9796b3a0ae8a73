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
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id, actor, action, object_type, object_id, details FROM audit_entry WHERE id > ? AND actor = ? ORDER BY id")) {
      s.setLong(1, mark);
      s.setString(2, actor);
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

  /**
   * The actions recorded on one object, in order, by anyone. Where two servers write, their entry
   * ids come from blocks each server takes from the sequence, so an entry can be written after a
   * mark with an id below it: such tests ask by object, not by mark.
   */
  public static List<String> actionsOn(String objectType, Object objectId) {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT action FROM audit_entry WHERE object_type = ? AND object_id = ? ORDER BY id")) {
      s.setString(1, objectType);
      s.setString(2, String.valueOf(objectId));
      List<String> actions = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          actions.add(rs.getString(1));
        }
      }
      return actions;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The actions the actor's entries after the mark record. */
  public static List<String> actions(long mark, String actor) {
    return since(mark, actor).stream().map(Entry::action).toList();
  }
}
