package org.custodian.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1: hashes, the tree head of any size, inclusion and
 * consistency proofs, and their verification.
 *
 * <p>Proofs are built from {@link Nodes}: hashes of perfect, aligned subtrees. A log that keeps
 * every such subtree (Custodian keeps them in {@code audit_node}) answers any proof by reading
 * O(log n) of them: every range the RFC's recursion asks for is either one such subtree or splits
 * into a left one and a smaller range on the right.
 */
public final class Merkle {

  /** SHA-256 output length. */
  public static final int HASH_BYTES = 32;

  private Merkle() {}

  /** Hashes of perfect, aligned subtrees. */
  public interface Nodes {
    /**
     * The hash of the subtree over leaves {@code [index * 2^level, (index + 1) * 2^level)}; level 0
     * is the leaf hash of leaf {@code index}.
     */
    byte[] node(int level, long index);
  }

  /** {@code SHA-256(0x00 || leaf)} */
  public static byte[] leafHash(byte[] leaf) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x00);
    sha.update(leaf);
    return sha.digest();
  }

  /** {@code SHA-256(0x01 || left || right)} */
  public static byte[] nodeHash(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  /** The root of the empty tree: SHA-256 of the empty string. */
  public static byte[] emptyRoot() {
    return sha256().digest();
  }

  /** The Merkle tree hash (MTH) of RFC 9162 2.1.1, computed from every leaf hash: O(n). */
  public static byte[] root(List<byte[]> leafHashes) {
    return rootOf(inMemory(leafHashes), leafHashes.size());
  }

  /** Nodes over leaf hashes held in memory, each subtree computed when asked for. */
  public static Nodes inMemory(List<byte[]> leafHashes) {
    return (level, index) -> {
      long start = index << level;
      long end = start + (1L << level);
      if (start < 0 || end > leafHashes.size()) {
        throw new IllegalArgumentException(
            "no subtree at level " + level + ", index " + index + " in " + leafHashes.size());
      }
      return subtree(leafHashes, (int) start, (int) end);
    };
  }

  private static byte[] subtree(List<byte[]> leaves, int start, int end) {
    if (end - start == 1) {
      return leaves.get(start);
    }
    int half = (end - start) / 2;
    return nodeHash(subtree(leaves, start, start + half), subtree(leaves, start + half, end));
  }

  /** The tree head of the first {@code size} leaves. */
  public static byte[] rootOf(Nodes nodes, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("tree size " + size);
    }
    return size == 0 ? emptyRoot() : range(nodes, 0, size);
  }

  /**
   * MTH(D[start:end]) for the ranges the RFC's recursion produces: {@code start} is a multiple of
   * the largest power of two below {@code end - start}, or the range is a perfect subtree.
   */
  static byte[] range(Nodes nodes, long start, long end) {
    long width = end - start;
    if (Long.bitCount(width) == 1 && start % width == 0) {
      return nodes.node(Long.numberOfTrailingZeros(width), start / width);
    }
    long k = largestPowerOfTwoBelow(width);
    return nodeHash(range(nodes, start, start + k), range(nodes, start + k, end));
  }

  /** The largest power of two strictly smaller than {@code n} (n &gt; 1). */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }

  /** The audit path PATH(index, D[size]) of RFC 9162 2.1.3.1, leaf-side first. */
  public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
    if (index < 0 || index >= size) {
      throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
    }
    List<byte[]> proof = new ArrayList<>();
    path(nodes, index, 0, size, proof);
    return proof;
  }

  private static void path(Nodes nodes, long index, long start, long end, List<byte[]> proof) {
    long width = end - start;
    if (width == 1) {
      return;
    }
    long k = largestPowerOfTwoBelow(width);
    if (index - start < k) {
      path(nodes, index, start, start + k, proof);
      proof.add(range(nodes, start + k, end));
    } else {
      path(nodes, index, start + k, end, proof);
      proof.add(range(nodes, start, start + k));
    }
  }

  /** The consistency proof PROOF(from, D[to]) of RFC 9162 2.1.4.1. */
  public static List<byte[]> consistencyProof(Nodes nodes, long from, long to) {
    if (from < 0 || from > to) {
      throw new IllegalArgumentException("no consistency proof from " + from + " to " + to);
    }
    List<byte[]> proof = new ArrayList<>();
    if (from > 0 && from < to) {
      subproof(nodes, from, 0, to, true, proof);
    }
    return proof;
  }

  private static void subproof(
      Nodes nodes, long m, long start, long end, boolean complete, List<byte[]> proof) {
    long n = end - start;
    if (m == n) {
      if (!complete) {
        proof.add(range(nodes, start, end));
      }
      return;
    }
    long k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      subproof(nodes, m, start, start + k, complete, proof);
      proof.add(range(nodes, start + k, end));
    } else {
      subproof(nodes, m - k, start + k, end, false, proof);
      proof.add(range(nodes, start, start + k));
    }
  }

  /**
   * Verifies an inclusion proof as RFC 9162 2.1.3.2 describes, with the contract of
   * transparency-dev/merkle's {@code proof.VerifyInclusion}: false unless {@code 0 <= index <
   * size}, the leaf hash, the root and every hash of the proof have 32 bytes, the proof has exactly
   * the length {@code PATH(index, D[size])} has, and it leads from the leaf hash to the root.
   */
  public static boolean verifyInclusion(
      byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
    if (index < 0
        || index >= size
        || !isHash(leafHash)
        || !isHash(root)
        || proof == null
        || !proof.stream().allMatch(Merkle::isHash)) {
      return false;
    }
    long fn = index;
    long sn = size - 1;
    byte[] r = leafHash;
    for (byte[] p : proof) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        r = nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        r = nodeHash(r, p);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return sn == 0 && Arrays.equals(r, root);
  }

  /**
   * Verifies a consistency proof with the contract of transparency-dev/merkle's {@code
   * proof.VerifyConsistency} (which its published probes pin down), by the algorithm of RFC 9162
   * 2.1.4.2:
   *
   * <ul>
   *   <li>{@code to < from}, or a negative size: false.
   *   <li>{@code from == 0}: false, whatever the proof and the roots, {@code to == 0} included. A
   *       proof from the empty tree is meaningless: every tree extends it, and RFC 9162 defines
   *       proofs for {@code 0 < from} only. (A caller that wants "size 0 is extended by anything"
   *       says so itself, and checks the first root is {@link #emptyRoot()}.)
   *   <li>{@code from == to}: true exactly when the proof is empty and the two roots are the same
   *       bytes. Nothing is hashed, so nothing else is asked of them: like transparency-dev/merkle
   *       (probe {@code sizes-are-equal-one-and-proof-is-empty}), two equal roots of another length
   *       pass. A checkpoint's root always has 32 bytes ({@link Checkpoint}).
   *   <li>{@code 0 < from < to}: the proof is not empty; both roots and every hash of the proof
   *       have 32 bytes; the proof has exactly the length {@code PROOF(from, D[to])} has; and it
   *       leads to both roots.
   * </ul>
   */
  public static boolean verifyConsistency(
      long from, long to, List<byte[]> proof, byte[] fromRoot, byte[] toRoot) {
    if (from < 0 || to < from || from == 0 || proof == null) {
      return false;
    }
    if (from == to) {
      return proof.isEmpty() && fromRoot != null && Arrays.equals(fromRoot, toRoot);
    }
    if (proof.isEmpty()
        || !isHash(fromRoot)
        || !isHash(toRoot)
        || !proof.stream().allMatch(Merkle::isHash)) {
      return false;
    }
    List<byte[]> path = new ArrayList<>(proof);
    if (Long.bitCount(from) == 1) {
      path.add(0, fromRoot);
    }
    long fn = from - 1;
    long sn = to - 1;
    while ((fn & 1) == 1) {
      fn >>= 1;
      sn >>= 1;
    }
    byte[] fr = path.get(0);
    byte[] sr = path.get(0);
    for (byte[] c : path.subList(1, path.size())) {
      if (sn == 0) {
        return false;
      }
      if ((fn & 1) == 1 || fn == sn) {
        fr = nodeHash(c, fr);
        sr = nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>= 1;
            sn >>= 1;
          }
        }
      } else {
        sr = nodeHash(sr, c);
      }
      fn >>= 1;
      sn >>= 1;
    }
    return Arrays.equals(fr, fromRoot) && Arrays.equals(sr, toRoot) && sn == 0;
  }

  private static boolean isHash(byte[] hash) {
    return hash != null && hash.length == HASH_BYTES;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
