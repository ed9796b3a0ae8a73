package org.custodian.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.custodian.tlog.Merkle;

/**
 * The stored tree as {@link Merkle.Nodes}: level 0 from audit_leaf, the levels above from
 * audit_node, read through the caller's connection (and so inside its transaction).
 */
final class TreeNodes implements Merkle.Nodes, AutoCloseable {

  private final PreparedStatement leaf;
  private final PreparedStatement node;

  TreeNodes(Connection connection) throws SQLException {
    leaf = connection.prepareStatement("SELECT leaf_hash FROM audit_leaf WHERE seq = ?");
    node = connection.prepareStatement("SELECT hash FROM audit_node WHERE height = ? AND idx = ?");
  }

  @Override
  public byte[] node(int level, long index) {
    try {
      PreparedStatement query = level == 0 ? leaf : node;
      if (level == 0) {
        leaf.setLong(1, index);
      } else {
        node.setInt(1, level);
        node.setLong(2, index);
      }
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException(
              "the tree has no node at height " + level + ", index " + index);
        }
        return row.getBytes(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit tree", e);
    }
  }

  @Override
  public void close() throws SQLException {
    leaf.close();
    node.close();
  }
}
