package org.custodian.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * What each witness last answered, in {@code audit_witness_state}, so that every node reports a
 * refusal, not only the one that offered the checkpoint. A refusal stands until the same witness
 * accepts a checkpoint at least as large as the one it refused, which it does only once its
 * operator has re-based it on the log: a late acceptance of a smaller checkpoint (another node's
 * offer, made before) resolves nothing. Sizes decide, not the nodes' clocks. Each write is its own
 * transaction: a witness's answer is recorded whatever the caller's transaction does.
 */
@ApplicationScoped
public class WitnessRecord {

  private static final int REASON = 2_000;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  /**
   * The witness took the checkpoint of {@code size} with {@code root}: a standing refusal by it of
   * a checkpoint no larger is resolved, when the log still has that checkpoint (a late acceptance
   * of one the log no longer has, cut off or rewritten since, resolves nothing). Nothing is written
   * when it has no standing refusal.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void accepted(String witness, long size, byte[] root, Instant at) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "UPDATE audit_witness_state SET accepted_size = ?, accepted_at = ?"
                    + " WHERE witness = ? AND accepted_size IS NULL AND refused_size <= ?"
                    + " AND EXISTS (SELECT 1 FROM audit_checkpoint"
                    + " WHERE tree_size = ? AND root_hash = ?)")) {
      s.setLong(1, size);
      s.setObject(2, utc(at));
      s.setString(3, witness);
      s.setLong(4, size);
      s.setLong(5, size);
      s.setBytes(6, root);
      s.executeUpdate();
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
        "UPDATE audit_witness_state SET refused_size = ?, refused_at = ?, refused_reason = ?,"
            + " accepted_size = NULL, accepted_at = NULL WHERE witness = ?",
        "INSERT INTO audit_witness_state (refused_size, refused_at, refused_reason, witness)"
            + " VALUES (?, ?, ?, ?)",
        refusal.size(),
        utc(refusal.at()),
        reason.length() > REASON ? reason.substring(0, REASON) : reason);
  }

  /**
   * The refusals that no acceptance by the same witness resolved, earliest first: the first is the
   * first sign of a log that no longer extends what a witness saw.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Witnesses.Refusal> standing() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT witness, refused_size, refused_reason, refused_at FROM audit_witness_state"
                    + " WHERE refused_size IS NOT NULL AND accepted_size IS NULL"
                    + " ORDER BY refused_at, witness");
        ResultSet rs = s.executeQuery()) {
      List<Witnesses.Refusal> refusals = new ArrayList<>();
      while (rs.next()) {
        refusals.add(
            new Witnesses.Refusal(
                rs.getString(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC)));
      }
      return refusals;
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

  /**
   * An UPDATE of the witness's row, or its INSERT when it has none (and the UPDATE again when
   * another node inserted it meanwhile); values, then the witness.
   */
  private void upsert(String witness, String update, String insert, Object... values) {
    try (Connection c = dataSource.getConnection()) {
      if (execute(c, update, witness, values) == 0) {
        try {
          execute(c, insert, witness, values);
        } catch (SQLIntegrityConstraintViolationException e) {
          execute(c, update, witness, values);
        }
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

  private static LocalDateTime utc(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
