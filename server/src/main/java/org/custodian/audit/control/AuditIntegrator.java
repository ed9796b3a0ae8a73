package org.custodian.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.CompactRange;
import org.custodian.tlog.Merkle;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Puts committed entries into the tree, one batch per transaction: takes the lease, reads the
 * oldest unsequenced entries, gives them the next sequence numbers, extends the tree from its right
 * edge (O(log n) stored nodes), stores the new leaves and complete nodes, empties those entries
 * from the queue and publishes a checkpoint signed by the {@link LogKey}. All of it commits or
 * none: a crash mid-batch leaves the entries queued for the next batch, and the unique entry on
 * audit_leaf makes sequencing one twice impossible.
 */
@ApplicationScoped
public class AuditIntegrator {

  /** One batch: whether this node holds the lease, what it sequenced, the checkpoint it signed. */
  public record Batch(boolean leader, int sequenced, long treeSize, String checkpoint) {}

  private static final int ROWS_PER_STATEMENT = 500;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Inject LogKey key;

  @Inject IntegratorLease lease;

  @Inject
  @ConfigProperty(name = "custodian.audit.batch-size", defaultValue = "5000")
  int batchSize;

  @Inject
  @ConfigProperty(name = "custodian.audit.lease", defaultValue = "PT15S")
  String leaseDuration;

  private final String holder = nodeName() + "/" + UUID.randomUUID();

  private static String nodeName() {
    String node = System.getProperty("jboss.node.name");
    if (node != null) {
      return node;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }

  public String holder() {
    return holder;
  }

  public int batchSize() {
    return batchSize;
  }

  /** One batch of up to {@code custodian.audit.batch-size} entries, in its own transaction. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Batch integrateBatch() {
    return integrate(batchSize);
  }

  /** One batch of up to {@code limit} entries, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Batch integrate(int limit) {
    return integrate(limit, holder);
  }

  /**
   * One batch in the caller's transaction, for the lease holder named (a node's integrator, or a
   * tool that took the lease to hold the tree still).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Batch integrate(int limit, String holder) {
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection()) {
      if (!lease.take(connection, holder, now, Duration.parse(leaseDuration))) {
        return new Batch(false, 0, -1, null);
      }
      return sequence(connection, limit, now);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit integrator could not extend the tree", e);
    }
  }

  /**
   * What waits to be put into the tree: how many entries, and when the oldest was recorded (by the
   * engine clock, as entries are); none waiting: {@code oldest} is null.
   */
  public record Backlog(long entries, Instant oldest) {}

  public Backlog backlog() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT COUNT(*), MIN(e.at) FROM audit_unsequenced u"
                    + " JOIN audit_entry e ON e.id = u.entry_id");
        ResultSet row = query.executeQuery()) {
      row.next();
      Timestamp oldest = row.getTimestamp(2);
      return new Backlog(
          row.getLong(1),
          oldest == null ? null : oldest.toLocalDateTime().toInstant(ZoneOffset.UTC));
    } catch (SQLException e) {
      throw new IllegalStateException("the audit integrator's queue could not be read", e);
    }
  }

  /** Gives the lease up: called when this node stops. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release() {
    try (Connection connection = dataSource.getConnection()) {
      lease.release(connection, holder);
    } catch (SQLException e) {
      throw new IllegalStateException("the audit integrator could not give up its lease", e);
    }
  }

  private Batch sequence(Connection connection, int limit, Instant now) throws SQLException {
    Long published = null;
    try (PreparedStatement latest =
            connection.prepareStatement(
                "SELECT tree_size FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1");
        ResultSet row = latest.executeQuery()) {
      if (row.next()) {
        published = row.getLong(1);
      }
    }
    long size = published == null ? 0 : published;
    List<Long> ids = new ArrayList<>();
    List<byte[]> leafHashes = new ArrayList<>();
    try (PreparedStatement queued =
        connection.prepareStatement(
            "SELECT u.entry_id, e.leaf FROM audit_unsequenced u"
                + " JOIN audit_entry e ON e.id = u.entry_id ORDER BY u.entry_id LIMIT ?")) {
      queued.setInt(1, limit);
      try (ResultSet rows = queued.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
          leafHashes.add(Merkle.leafHash(rows.getBytes(2)));
        }
      }
    }
    if (ids.isEmpty() && published != null) {
      return new Batch(true, 0, size, null);
    }
    CompactRange tree;
    try (TreeNodes stored = new TreeNodes(connection)) {
      tree = CompactRange.of(size, stored);
    }
    List<Object[]> leaves = new ArrayList<>(ids.size());
    List<Object[]> nodes = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      leaves.add(new Object[] {size + i, ids.get(i), leafHashes.get(i)});
      tree.append(
          leafHashes.get(i), (level, index, hash) -> nodes.add(new Object[] {level, index, hash}));
    }
    insert(connection, "audit_leaf (seq, entry_id, leaf_hash)", 3, leaves);
    insert(connection, "audit_node (height, idx, hash)", 3, nodes);
    dequeue(connection, ids);
    String note = key.sign(new Checkpoint(key.origin(), tree.size(), tree.root()).body());
    insert(
        connection,
        "audit_checkpoint (tree_size, root_hash, published_at, note)",
        4,
        List.<Object[]>of(
            new Object[] {
              tree.size(),
              tree.root(),
              Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneOffset.UTC)),
              note
            }));
    return new Batch(true, ids.size(), tree.size(), note);
  }

  /** Multi-row INSERTs of up to 500 rows each: one round trip per statement, on any database. */
  private static void insert(Connection connection, String into, int columns, List<Object[]> rows)
      throws SQLException {
    for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
      String row = "(" + "?, ".repeat(columns - 1) + "?)";
      String sql =
          "INSERT INTO "
              + into
              + " VALUES "
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), row));
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int p = 1;
        for (Object[] values : chunk) {
          for (Object value : values) {
            insert.setObject(p++, value);
          }
        }
        insert.executeUpdate();
      }
    }
  }

  private static void dequeue(Connection connection, List<Long> ids) throws SQLException {
    for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
      String sql =
          "DELETE FROM audit_unsequenced WHERE entry_id IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
              + ")";
      try (PreparedStatement delete = connection.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          delete.setLong(i + 1, chunk.get(i));
        }
        delete.executeUpdate();
      }
    }
  }
}
