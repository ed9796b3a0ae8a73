package org.custodian.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What each witness last answered, in {@code audit_witness_state}, so that every node reports a
 * refusal, not only the one that offered the checkpoint. Each write is its own transaction: a
 * witness's answer is recorded whatever the caller's transaction does.
 */
@ApplicationScoped
public class WitnessRecord {

  private static final int REASON = 2_000;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  /**
   * The witness took the checkpoint of {@code size}: a standing refusal by it is resolved (its
   * operator re-based it on the log). Nothing is written when it has none.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void accepted(String witness, long size, Instant at) {
    try (Connection c = dataSource.getConnection()) {
      execute(
          c,
          "UPDATE audit_witness_state SET accepted_size = ?, accepted_at = ? WHERE witness = ?"
              + " AND refused_at IS NOT NULL AND (accepted_at IS NULL OR accepted_at < refused_at)",
          witness,
          size,
          utc(at));
    } catch (SQLException e) {
      throw new IllegalStateException("the witness's answer could not be recorded", e);
    }
  }

  /** The witness refused the checkpoint of {@code size}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void refused(Witnesses.Refusal refusal) {
    String reason = refusal.reason();
    upsert(
        refusal.witness(),
        "UPDATE audit_witness_state SET refused_size = ?, refused_at = ?, refused_reason = ?"
            + " WHERE witness = ?",
        "INSERT INTO audit_witness_state (refused_size, refused_at, refused_reason, witness)"
            + " VALUES (?, ?, ?, ?)",
        refusal.size(),
        utc(refusal.at()),
        reason.length() > REASON ? reason.substring(0, REASON) : reason);
  }

  /**
   * The earliest refusal that no later acceptance by the same witness resolved: the first sign of a
   * log that no longer extends what a witness saw.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Witnesses.Refusal> standing() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT witness, refused_size, refused_reason, refused_at FROM audit_witness_state"
                    + " WHERE refused_at IS NOT NULL"
                    + " AND (accepted_at IS NULL OR accepted_at < refused_at)"
                    + " ORDER BY refused_at, witness");
        ResultSet rs = s.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(
          new Witnesses.Refusal(
              rs.getString(1),
              rs.getLong(2),
              rs.getString(3),
              rs.getTimestamp(4).toLocalDateTime().toInstant(ZoneOffset.UTC)));
    } catch (SQLException e) {
      throw new IllegalStateException("the witnesses' answers could not be read", e);
    }
  }

  /** Forgets every witness's answers: for tests that put the log back after tampering with it. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void forget() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM audit_witness_state")) {
      s.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An UPDATE of the witness's row, or its INSERT when it has none; values, then the witness. */
  private void upsert(String witness, String update, String insert, Object... values) {
    try (Connection c = dataSource.getConnection()) {
      if (execute(c, update, witness, values) == 0) {
        execute(c, insert, witness, values);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the witness's answer could not be recorded", e);
    }
  }

  private static int execute(Connection c, String sql, String witness, Object... values)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.setString(values.length + 1, witness);
      return s.executeUpdate();
    }
  }

  private static Timestamp utc(Instant instant) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }
}
