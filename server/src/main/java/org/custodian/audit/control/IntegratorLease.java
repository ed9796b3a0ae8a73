package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Who integrates: one row, taken by a node when it is free, expired or already its own, renewed by
 * every batch. The UPDATE that takes it also locks the row until the batch commits, so even a node
 * whose lease ran out mid-batch (a long pause) cannot commit a batch beside another's: the second
 * waits for the row and then finds the lease taken. Nodes' clocks must agree to within a fraction
 * of the lease (NTP; docs/operations.md).
 */
@ApplicationScoped
public class IntegratorLease {

  static final String NAME = "integrator";

  /** Takes or renews the lease for {@code holder} until {@code now + duration}. */
  public boolean take(Connection connection, String holder, Instant now, Duration duration)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE audit_lease SET holder = ?, expires_at = ?"
                + " WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
      update.setString(1, holder);
      update.setTimestamp(2, utc(now.plus(duration)));
      update.setString(3, NAME);
      update.setString(4, holder);
      update.setTimestamp(5, utc(now));
      return update.executeUpdate() == 1;
    }
  }

  /** Gives the lease up (a node that stops), so another takes it at once. */
  public void release(Connection connection, String holder) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE audit_lease SET expires_at = ? WHERE name = ? AND holder = ?")) {
      update.setTimestamp(1, utc(Instant.EPOCH));
      update.setString(2, NAME);
      update.setString(3, holder);
      update.executeUpdate();
    }
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
