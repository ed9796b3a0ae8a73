package org.custodian.tlog;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a Merkle tree: the hashes of the perfect subtrees that make up its first {@code
 * size} leaves, one per set bit of {@code size}, largest first. Appending a leaf merges equal
 * subtrees (each merge is a new complete node, handed to a {@link NodeSink} to store), and the root
 * is the fold of the edge from the right: extending a tree and computing its head cost O(log n),
 * whatever its size.
 */
public final class CompactRange {

  /** Receives each complete node above the leaves as appending creates it. */
  @FunctionalInterface
  public interface NodeSink {
    void node(int level, long index, byte[] hash);
  }

  private final List<byte[]> hashes = new ArrayList<>();
  private final List<Integer> levels = new ArrayList<>();
  private long size;

  private CompactRange() {}

  public static CompactRange empty() {
    return new CompactRange();
  }

  /** The edge of a tree of {@code size} leaves, read with {@link #edge(long)}'s coordinates. */
  public static CompactRange of(long size, Merkle.Nodes nodes) {
    CompactRange range = new CompactRange();
    for (long[] at : edge(size)) {
      range.hashes.add(nodes.node((int) at[0], at[1]));
      range.levels.add((int) at[0]);
    }
    range.size = size;
    return range;
  }

  /** The (level, index) of each perfect subtree on the edge of a tree of {@code size} leaves. */
  public static List<long[]> edge(long size) {
    List<long[]> coordinates = new ArrayList<>();
    long covered = 0;
    for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        coordinates.add(new long[] {level, covered >> level});
        covered += 1L << level;
      }
    }
    return coordinates;
  }

  public long size() {
    return size;
  }

  /** Appends one leaf by its leaf hash; {@code sink} receives the nodes completed by it. */
  public void append(byte[] leafHash, NodeSink sink) {
    long index = size;
    hashes.add(leafHash);
    levels.add(0);
    size++;
    int last = hashes.size() - 1;
    while (last > 0 && levels.get(last).equals(levels.get(last - 1))) {
      int level = levels.get(last) + 1;
      byte[] merged = Merkle.nodeHash(hashes.get(last - 1), hashes.get(last));
      hashes.remove(last);
      levels.remove(last);
      hashes.set(last - 1, merged);
      levels.set(last - 1, level);
      index >>= 1;
      if (sink != null) {
        sink.node(level, index, merged);
      }
      last--;
    }
  }

  /** The tree head of the leaves appended so far. */
  public byte[] root() {
    if (hashes.isEmpty()) {
      return Merkle.emptyRoot();
    }
    byte[] root = hashes.get(hashes.size() - 1);
    for (int i = hashes.size() - 2; i >= 0; i--) {
      root = Merkle.nodeHash(hashes.get(i), root);
    }
    return root;
  }
}
