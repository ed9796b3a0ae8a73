package org.custodian.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * A Merkle tree held in memory with every complete node, so that any proof reads O(log n) stored
 * hashes: what the verifier uses to recompute a log, and tests to check the server's proofs.
 */
public final class MemoryTree implements Merkle.Nodes {

  private final List<List<byte[]>> levels = new ArrayList<>();
  private final CompactRange edge = CompactRange.empty();

  public void append(byte[] leafHash) {
    level(0).add(leafHash);
    edge.append(leafHash, (level, index, hash) -> level(level).add(hash));
  }

  private List<byte[]> level(int level) {
    while (levels.size() <= level) {
      levels.add(new ArrayList<>());
    }
    return levels.get(level);
  }

  public long size() {
    return edge.size();
  }

  public byte[] root() {
    return edge.root();
  }

  @Override
  public byte[] node(int level, long index) {
    if (level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
      throw new IllegalArgumentException("no complete node at level " + level + ", index " + index);
    }
    return levels.get(level).get((int) index);
  }
}
