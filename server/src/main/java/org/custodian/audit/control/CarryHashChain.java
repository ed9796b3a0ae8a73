package org.custodian.audit.control;

import jakarta.enterprise.context.Dependent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.custodian.platform.SchemaJavaMigration;
import org.custodian.tlog.AuditLeaf;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;

/**
 * Carries the V2 hash chain into the transparency log, once: verifies the chain (every sequence
 * consecutive from 1, every link's previous hash, every hash recomputed from its entry), copies the
 * entries in their order as unsequenced leaves, so the integrator gives them sequence numbers 0, 1,
 * ... in that order, and adds one entry that records the chain's length and last hash, so the tree
 * commits to the chain it replaced. A chain that does not verify stops the migration: it names the
 * first bad entry, and nothing is carried.
 */
@Dependent
public class CarryHashChain implements SchemaJavaMigration {

  static final String GENESIS = "0".repeat(64);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("17");
  }

  @Override
  public String getDescription() {
    return "carry the audit hash chain into the transparency log";
  }

  @Override
  public Integer getChecksum() {
    return 17;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    String previous = GENESIS;
    long expected = 1;
    try (Statement read = connection.createStatement();
        ResultSet rows =
            read.executeQuery(
                "SELECT seq, at, actor, action, object_type, object_id, details, prev_hash, hash"
                    + " FROM audit_chain_v1 ORDER BY seq");
        PreparedStatement entry =
            connection.prepareStatement(
                "INSERT INTO audit_entry (at, actor, action, object_type, object_id, details, leaf)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        PreparedStatement queue =
            connection.prepareStatement("INSERT INTO audit_unsequenced (entry_id) VALUES (?)")) {
      while (rows.next()) {
        long seq = rows.getLong("seq");
        Instant at = rows.getObject("at", LocalDateTime.class).toInstant(ZoneOffset.UTC);
        AuditLeaf leaf =
            new AuditLeaf(
                at,
                rows.getString("actor"),
                rows.getString("action"),
                rows.getString("object_type"),
                rows.getString("object_id"),
                rows.getString("details"));
        String hash = rows.getString("hash").trim();
        if (seq != expected
            || !rows.getString("prev_hash").trim().equals(previous)
            || !hash.equals(chainHash(previous, seq, leaf))) {
          throw new IllegalStateException(
              "The audit hash chain does not verify at entry "
                  + expected
                  + "; it is not carried into the transparency log. Investigate the audit_chain_v1"
                  + " table (restore it from a backup) before starting this version.");
        }
        append(entry, queue, leaf);
        previous = hash;
        expected++;
      }
      long entries = expected - 1;
      if (entries > 0) {
        append(
            entry,
            queue,
            new AuditLeaf(
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                "system",
                "AUDIT_CHAIN_CARRIED",
                "AuditLog",
                "v1",
                "The hash chain of "
                    + entries
                    + " entries verified and carried into this log as entries 0 to "
                    + (entries - 1)
                    + "; its last hash was "
                    + previous
                    + "."));
      }
    }
    try (Statement drop = connection.createStatement()) {
      drop.execute("DROP TABLE audit_chain_v1");
    }
  }

  private static void append(PreparedStatement entry, PreparedStatement queue, AuditLeaf leaf)
      throws SQLException {
    entry.setTimestamp(1, Timestamp.valueOf(LocalDateTime.ofInstant(leaf.at(), ZoneOffset.UTC)));
    entry.setString(2, leaf.actor());
    entry.setString(3, leaf.action());
    entry.setString(4, leaf.objectType());
    entry.setString(5, leaf.objectId());
    entry.setString(6, leaf.details());
    entry.setBytes(7, leaf.encode());
    entry.executeUpdate();
    try (ResultSet keys = entry.getGeneratedKeys()) {
      keys.next();
      queue.setLong(1, keys.getLong(1));
      queue.executeUpdate();
    }
  }

  /** The V2 chain's hash: SHA-256 over the previous hash and the length-prefixed fields. */
  public static String chainHash(String previous, long seq, AuditLeaf entry) {
    StringBuilder canonical = new StringBuilder(previous);
    for (String field :
        new String[] {
          Long.toString(seq),
          entry.at().toString(),
          entry.actor(),
          entry.action(),
          entry.objectType(),
          entry.objectId(),
          entry.details()
        }) {
      canonical.append('|').append(field.length()).append(':').append(field);
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
