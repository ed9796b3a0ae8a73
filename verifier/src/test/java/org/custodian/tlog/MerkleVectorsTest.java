package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Merkle} against published RFC 6962 / RFC 9162 test vectors.
 *
 * <p>Sources (all fetched from GitHub):
 *
 * <ul>
 *   <li>transparency-dev/merkle @ 417fb0c314750d94e53942e9f92e79b6d35915db: {@code
 *       testonly/constants.go} (the RFC 6962 8-leaf test tree), {@code testdata/inclusion/**} and
 *       {@code testdata/consistency/**} (golden good and bad proofs, copied verbatim under {@code
 *       src/test/resources/vectors/transparency-dev-merkle/}), {@code testonly/vectors_test.go}
 *       (accumulated vectors of draft-ietf-plants-merkle-tree-certs).
 *   <li>transparency-dev/merkle @ 9ca563d3ac2bab915317cf153ed4f952f6e74c07, {@code
 *       proof/verify_test.go}: the hard-coded inclusion and consistency proofs of the 8-leaf tree
 *       (the same vectors as google/certificate-transparency-go's merkletree tests).
 * </ul>
 */
class MerkleVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  // transparency-dev/merkle testonly/constants.go, LeafInputs()
  private static final String[] LEAF_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
  };

  // transparency-dev/merkle testonly/constants.go, NodeHashes(): [level][index]
  private static final String[][] NODE_HASHES = {
    {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
      "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
    },
    {
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
    },
    {
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
    },
    {
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    },
  };

  // transparency-dev/merkle testonly/constants.go, RootHashes() (index = tree size) and
  // EmptyRootHash()
  private static final String[] ROOT_HASHES = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  };

  private record InclusionVector(int leaf, int size, String... proof) {}

  // transparency-dev/merkle proof/verify_test.go @ 9ca563d3, inclusionProofs. `leaf` is 1-based
  // there (the Go test verifies leaf index leaf - 1); the {0, 0, nil} entry is an invalid path that
  // the Go test skips, and is skipped here too.
  private static final List<InclusionVector> INCLUSION_PROOFS =
      List.of(
          new InclusionVector(1, 1),
          new InclusionVector(
              1,
              8,
              "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
              "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
              "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
          new InclusionVector(
              6,
              8,
              "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
              "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
              "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
          new InclusionVector(
              3, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
          new InclusionVector(
              2,
              5,
              "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
              "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
              "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"));

  private record ConsistencyVector(int size1, int size2, String... proof) {}

  // transparency-dev/merkle proof/verify_test.go @ 9ca563d3, consistencyProofs
  private static final List<ConsistencyVector> CONSISTENCY_PROOFS =
      List.of(
          new ConsistencyVector(1, 1),
          new ConsistencyVector(
              1,
              8,
              "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
              "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
              "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
          new ConsistencyVector(
              6,
              8,
              "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
              "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
              "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
          new ConsistencyVector(
              2,
              5,
              "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
              "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
          new ConsistencyVector(
              6,
              7,
              "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
              "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
              "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"));

  private static final String PROBES = "/vectors/transparency-dev-merkle/";

  private static List<byte[]> testTreeLeafHashes() {
    List<byte[]> hashes = new ArrayList<>();
    for (String input : LEAF_INPUTS) {
      hashes.add(Merkle.leafHash(HEX.parseHex(input)));
    }
    return hashes;
  }

  @Test
  void emptyRootIsSha256OfNothing() {
    // transparency-dev/merkle testonly/constants.go, EmptyRootHash()
    assertEquals(ROOT_HASHES[0], HEX.formatHex(Merkle.emptyRoot()));
    assertEquals(ROOT_HASHES[0], HEX.formatHex(Merkle.root(List.of())));
  }

  @Test
  void leafAndNodeHashesOfTheTestTree() {
    List<byte[]> leaves = testTreeLeafHashes();
    for (int i = 0; i < LEAF_INPUTS.length; i++) {
      assertEquals(NODE_HASHES[0][i], HEX.formatHex(leaves.get(i)), "leaf hash " + i);
    }
    for (int level = 1; level < NODE_HASHES.length; level++) {
      for (int i = 0; i < NODE_HASHES[level].length; i++) {
        byte[] left = HEX.parseHex(NODE_HASHES[level - 1][2 * i]);
        byte[] right = HEX.parseHex(NODE_HASHES[level - 1][2 * i + 1]);
        assertEquals(
            NODE_HASHES[level][i],
            HEX.formatHex(Merkle.nodeHash(left, right)),
            "nodeHash at level " + level + " index " + i);
      }
    }
    Merkle.Nodes nodes = Merkle.inMemory(leaves);
    for (int level = 0; level < NODE_HASHES.length; level++) {
      for (int i = 0; i < NODE_HASHES[level].length; i++) {
        assertEquals(
            NODE_HASHES[level][i],
            HEX.formatHex(nodes.node(level, i)),
            "inMemory node(" + level + ", " + i + ")");
      }
    }
  }

  @Test
  void rootOfEveryPrefixOfTheTestTree() {
    List<byte[]> leaves = testTreeLeafHashes();
    Merkle.Nodes nodes = Merkle.inMemory(leaves);
    for (int size = 0; size <= leaves.size(); size++) {
      assertEquals(
          ROOT_HASHES[size], HEX.formatHex(Merkle.root(leaves.subList(0, size))), "root " + size);
      assertEquals(ROOT_HASHES[size], HEX.formatHex(Merkle.rootOf(nodes, size)), "rootOf " + size);
      // Any tree of `size` leaves has the same root whatever follows it.
      assertEquals(
          ROOT_HASHES[size],
          HEX.formatHex(Merkle.rootOf(Merkle.inMemory(leaves.subList(0, size)), size)),
          "rootOf(inMemory(prefix)) " + size);
    }
  }

  @Test
  void publishedInclusionProofs() {
    List<byte[]> leaves = testTreeLeafHashes();
    Merkle.Nodes nodes = Merkle.inMemory(leaves);
    for (InclusionVector v : INCLUSION_PROOFS) {
      long index = v.leaf() - 1;
      String what = "inclusion of leaf index " + index + " in tree size " + v.size();
      List<byte[]> proof = Merkle.inclusionProof(nodes, index, v.size());
      assertEquals(List.of(v.proof()), hexList(proof), what);
      assertTrue(
          Merkle.verifyInclusion(
              leaves.get((int) index), index, v.size(), decodeHex(v.proof()), root(v.size())),
          what + " does not verify");
    }
  }

  @Test
  void publishedConsistencyProofs() {
    Merkle.Nodes nodes = Merkle.inMemory(testTreeLeafHashes());
    for (ConsistencyVector v : CONSISTENCY_PROOFS) {
      String what = "consistency " + v.size1() + " -> " + v.size2();
      List<byte[]> proof = Merkle.consistencyProof(nodes, v.size1(), v.size2());
      assertEquals(List.of(v.proof()), hexList(proof), what);
      assertTrue(
          Merkle.verifyConsistency(
              v.size1(), v.size2(), decodeHex(v.proof()), root(v.size1()), root(v.size2())),
          what + " does not verify");
    }
  }

  /**
   * transparency-dev/merkle testdata/inclusion/**: the happy path of each proof above plus the
   * corruptions of proof/verify_test.go (wrong index or size, wrong leaf or root, garbage before or
   * after, flipped bits, removed or inserted components, empty and wrong-length hashes). A leafIdx
   * of 2^64-1 (uint64 "0 - 1") becomes -1 as a Java long.
   */
  @TestFactory
  Stream<DynamicTest> goldenInclusionProbes() throws IOException {
    return probeFiles("testdata/inclusion/")
        .map(
            path ->
                dynamicTest(
                    path,
                    () -> {
                      Map<String, Object> p = probe(path);
                      boolean want = !(Boolean) p.get("wantErr");
                      boolean got =
                          Merkle.verifyInclusion(
                              bytes(p.get("leafHash")),
                              number(p.get("leafIdx")),
                              number(p.get("treeSize")),
                              hashes(p.get("proof")),
                              bytes(p.get("root")));
                      assertEquals(want, got, path + " (" + p.get("desc") + ")");
                    }));
  }

  /**
   * transparency-dev/merkle testdata/consistency/**, every probe as published: {@link
   * Merkle#verifyConsistency} has the contract of its {@code proof.VerifyConsistency}.
   */
  @TestFactory
  Stream<DynamicTest> goldenConsistencyProbes() throws IOException {
    return probeFiles("testdata/consistency/")
        .map(
            path ->
                dynamicTest(
                    path,
                    () -> {
                      Map<String, Object> p = probe(path);
                      boolean want = !(Boolean) p.get("wantErr");
                      boolean got =
                          Merkle.verifyConsistency(
                              number(p.get("size1")),
                              number(p.get("size2")),
                              hashes(p.get("proof")),
                              bytes(p.get("root1")),
                              bytes(p.get("root2")));
                      assertEquals(want, got, path + " (" + p.get("desc") + ")");
                    }));
  }

  @Test
  void goldenHappyPathsAreTheProofsThisLibraryBuilds() throws IOException {
    List<byte[]> leaves = testTreeLeafHashes();
    Merkle.Nodes nodes = Merkle.inMemory(leaves);
    for (String path :
        probeFiles("testdata/").filter(p -> p.endsWith("/happy-path.json")).toList()) {
      Map<String, Object> p = probe(path);
      if (path.startsWith("testdata/inclusion/")) {
        List<byte[]> built =
            Merkle.inclusionProof(nodes, number(p.get("leafIdx")), number(p.get("treeSize")));
        assertEquals(hexList(hashes(p.get("proof"))), hexList(built), path);
      } else {
        List<byte[]> built =
            Merkle.consistencyProof(nodes, number(p.get("size1")), number(p.get("size2")));
        assertEquals(hexList(hashes(p.get("proof"))), hexList(built), path);
      }
    }
  }

  /** The documented edge cases of {@link Merkle#verifyConsistency}. */
  @Test
  void consistencyFromTheEmptyTreeAndToTheSameSize() {
    Merkle.Nodes nodes = Merkle.inMemory(testTreeLeafHashes());
    for (int size = 0; size <= 8; size++) {
      // the server answers from=0 with the empty proof; no such proof verifies: it is meaningless
      assertEquals(List.of(), Merkle.consistencyProof(nodes, 0, size), "proof 0 -> " + size);
      assertFalse(
          Merkle.verifyConsistency(0, size, List.of(), root(0), root(size)), "0 -> " + size);
      assertEquals(List.of(), Merkle.consistencyProof(nodes, size, size), "proof to same size");
      assertEquals(
          size > 0, Merkle.verifyConsistency(size, size, List.of(), root(size), root(size)));
    }
    assertFalse(Merkle.verifyConsistency(3, 3, List.of(), root(3), root(4)));
    assertFalse(Merkle.verifyConsistency(3, 3, List.of(root(3)), root(3), root(3)));
  }

  /** What the review found accepted: roots that are not hashes, and proofs from size 0. */
  @Test
  void consistencyRefusesWhatTheContractRefuses() {
    byte[] twelve = "don't care 1".getBytes(StandardCharsets.US_ASCII);
    byte[] other = "don't care 2".getBytes(StandardCharsets.US_ASCII);
    // from 0: never, whatever the roots and the proof
    assertFalse(Merkle.verifyConsistency(0, 1, List.of(), twelve, other));
    assertFalse(Merkle.verifyConsistency(0, 5, List.of(), root(0), root(5)));
    assertFalse(Merkle.verifyConsistency(0, 5, List.of(root(1)), root(0), root(5)));
    assertFalse(Merkle.verifyConsistency(0, 0, List.of(), twelve, twelve));
    assertFalse(Merkle.verifyConsistency(0, 0, List.of(), root(0), root(0)));
    // to < from, negative sizes, no proof at all
    assertFalse(Merkle.verifyConsistency(5, 3, List.of(), root(5), root(3)));
    assertFalse(Merkle.verifyConsistency(-1, 3, List.of(), root(0), root(3)));
    assertFalse(Merkle.verifyConsistency(3, 3, null, root(3), root(3)));
    assertFalse(Merkle.verifyConsistency(3, 3, List.of(), null, null));
    // 0 < from < to: the roots and every proof hash are 32 bytes
    Merkle.Nodes nodes = Merkle.inMemory(testTreeLeafHashes());
    List<byte[]> proof = Merkle.consistencyProof(nodes, 6, 8);
    assertTrue(Merkle.verifyConsistency(6, 8, proof, root(6), root(8)));
    assertFalse(Merkle.verifyConsistency(6, 8, proof, twelve, root(8)));
    assertFalse(Merkle.verifyConsistency(6, 8, proof, root(6), twelve));
    List<byte[]> longer = new ArrayList<>(proof);
    longer.set(0, java.util.Arrays.copyOf(proof.get(0), 33));
    assertFalse(Merkle.verifyConsistency(6, 8, longer, root(6), root(8)));
    List<byte[]> withNull = new ArrayList<>(proof);
    withNull.set(1, null);
    assertFalse(Merkle.verifyConsistency(6, 8, withNull, root(6), root(8)));
  }

  @Test
  void inclusionRefusesWhatTheContractRefuses() {
    List<byte[]> leaves = testTreeLeafHashes();
    Merkle.Nodes nodes = Merkle.inMemory(leaves);
    List<byte[]> proof = Merkle.inclusionProof(nodes, 5, 8);
    assertTrue(Merkle.verifyInclusion(leaves.get(5), 5, 8, proof, root(8)));
    assertFalse(Merkle.verifyInclusion(leaves.get(5), 5, 8, null, root(8)));
    assertFalse(Merkle.verifyInclusion(leaves.get(5), 8, 8, proof, root(8)));
    assertFalse(Merkle.verifyInclusion(leaves.get(5), -1, 8, proof, root(8)));
    assertFalse(Merkle.verifyInclusion(new byte[12], 5, 8, proof, root(8)));
    assertFalse(Merkle.verifyInclusion(leaves.get(5), 5, 8, proof, new byte[12]));
    List<byte[]> shorter = new ArrayList<>(proof);
    shorter.set(2, java.util.Arrays.copyOf(proof.get(2), 31));
    assertFalse(Merkle.verifyInclusion(leaves.get(5), 5, 8, shorter, root(8)));
  }

  // Accumulated vectors of draft-ietf-plants-merkle-tree-certs, "Subtree Test Vectors", as
  // reproduced by transparency-dev/merkle testonly/vectors_test.go (TestSubtreeHashVectors,
  // TestSubtreeInclusionProofVectors): tree of 130 leaves d[i] = {i}. A subtree [start, end) is
  // MTH(D[start:end]) and its inclusion proof is PATH(index - start, D[start:end]), so both are
  // computed here with the public API over sub-lists.
  private static final int SUBTREE_VECTOR_MAX = 130;

  @Test
  void draftSubtreeHashVector() {
    List<byte[]> d = byteLeaves(SUBTREE_VECTOR_MAX);
    MessageDigest acc = sha256();
    for (int end = 0; end <= SUBTREE_VECTOR_MAX; end++) {
      for (int start = 0; start <= end; start++) {
        if (!isSubtreeValid(start, end)) {
          continue;
        }
        byte[] hash = Merkle.root(d.subList(start, end));
        update(acc, "[" + start + ", " + end + ") " + HEX.formatHex(hash) + "\n");
      }
    }
    assertEquals(
        "b82806ad4265bb151c1119c0f4db437bb4d1a1f887b3a7fba1cd4ebf552e3e81",
        HEX.formatHex(acc.digest()));
  }

  @Test
  void draftSubtreeInclusionProofVector() {
    List<byte[]> d = byteLeaves(SUBTREE_VECTOR_MAX);
    MessageDigest acc = sha256();
    for (int end = 0; end <= SUBTREE_VECTOR_MAX; end++) {
      for (int start = 0; start <= end; start++) {
        if (!isSubtreeValid(start, end)) {
          continue;
        }
        Merkle.Nodes nodes = Merkle.inMemory(d.subList(start, end));
        for (int index = start; index < end; index++) {
          StringBuilder line = new StringBuilder();
          line.append(index).append(" [").append(start).append(", ").append(end).append(")");
          for (byte[] h : Merkle.inclusionProof(nodes, index - start, end - start)) {
            line.append(' ').append(HEX.formatHex(h));
          }
          update(acc, line.append('\n').toString());
        }
      }
    }
    assertEquals(
        "ac2a8f989e44d99e399db448050ff5f19757df53cfb716aa81015d3955d8163f",
        HEX.formatHex(acc.digest()));
  }

  // Property test: every inclusion and consistency proof of trees up to 70 leaves equals the
  // RFC 9162 2.1.3.1 / 2.1.4.1 definitions transcribed literally below, verifies against the MTH,
  // and stops verifying when any one bit of it, or the root, changes.
  private static final int PROPERTY_MAX = 70;

  @Test
  void everyInclusionProofUpTo70Leaves() {
    List<byte[]> d = byteLeaves(PROPERTY_MAX);
    Merkle.Nodes nodes = Merkle.inMemory(d);
    List<byte[]> roots = referenceRoots(d);
    for (int size = 1; size <= PROPERTY_MAX; size++) {
      assertArrayEquals(roots.get(size), Merkle.rootOf(nodes, size), "rootOf " + size);
      assertArrayEquals(roots.get(size), Merkle.root(d.subList(0, size)), "root " + size);
      for (int index = 0; index < size; index++) {
        String what = "inclusion of " + index + " in " + size;
        List<byte[]> proof = Merkle.inclusionProof(nodes, index, size);
        assertEquals(hexList(refPath(index, d.subList(0, size))), hexList(proof), what);
        byte[] leaf = d.get(index);
        assertTrue(Merkle.verifyInclusion(leaf, index, size, proof, roots.get(size)), what);
        assertFalse(
            Merkle.verifyInclusion(leaf, index, size, proof, roots.get(size - 1)),
            what + " against the previous root");
        if (size > 1) {
          int other = (index + 1) % size;
          assertFalse(
              Merkle.verifyInclusion(leaf, other, size, proof, roots.get(size)),
              what + " at index " + other);
          assertFalse(
              Merkle.verifyInclusion(d.get(other), index, size, proof, roots.get(size)),
              what + " with leaf " + other);
        }
        for (int i = 0; i < proof.size(); i++) {
          assertFalse(
              Merkle.verifyInclusion(leaf, index, size, flipBit(proof, i), roots.get(size)),
              what + " with proof[" + i + "] altered");
        }
        if (!proof.isEmpty()) {
          assertFalse(
              Merkle.verifyInclusion(
                  leaf, index, size, proof.subList(0, proof.size() - 1), roots.get(size)),
              what + " truncated");
        }
      }
    }
  }

  @Test
  void everyConsistencyProofUpTo70Leaves() {
    List<byte[]> d = byteLeaves(PROPERTY_MAX);
    Merkle.Nodes nodes = Merkle.inMemory(d);
    List<byte[]> roots = referenceRoots(d);
    for (int to = 1; to <= PROPERTY_MAX; to++) {
      for (int from = 1; from <= to; from++) {
        String what = "consistency " + from + " -> " + to;
        List<byte[]> proof = Merkle.consistencyProof(nodes, from, to);
        List<byte[]> expected = from == to ? List.of() : refSubproof(from, d.subList(0, to), true);
        assertEquals(hexList(expected), hexList(proof), what);
        assertTrue(Merkle.verifyConsistency(from, to, proof, roots.get(from), roots.get(to)), what);
        if (from == to) {
          continue;
        }
        assertFalse(
            Merkle.verifyConsistency(from, to, proof, roots.get(from - 1), roots.get(to)),
            what + " with another first root");
        assertFalse(
            Merkle.verifyConsistency(from, to, proof, roots.get(from), roots.get(to - 1)),
            what + " with another second root");
        assertFalse(
            Merkle.verifyConsistency(from, to, List.of(), roots.get(from), roots.get(to)),
            what + " with an empty proof");
        for (int i = 0; i < proof.size(); i++) {
          assertFalse(
              Merkle.verifyConsistency(from, to, flipBit(proof, i), roots.get(from), roots.get(to)),
              what + " with proof[" + i + "] altered");
        }
        assertFalse(
            Merkle.verifyConsistency(
                from, to, proof.subList(0, proof.size() - 1), roots.get(from), roots.get(to)),
            what + " truncated");
      }
    }
  }

  // --- RFC 9162 section 2.1, transcribed literally as the reference for the property tests ---

  /** MTH(D[n]), RFC 9162 2.1.1, over leaf hashes. */
  private static byte[] refMth(List<byte[]> d) {
    int n = d.size();
    if (n == 0) {
      return sha256().digest();
    }
    if (n == 1) {
      return d.get(0);
    }
    int k = largestPowerOfTwoBelow(n);
    return refNode(refMth(d.subList(0, k)), refMth(d.subList(k, n)));
  }

  /** PATH(m, D[n]), RFC 9162 2.1.3.1. */
  private static List<byte[]> refPath(int m, List<byte[]> d) {
    int n = d.size();
    if (n == 1) {
      return new ArrayList<>();
    }
    int k = largestPowerOfTwoBelow(n);
    List<byte[]> path;
    if (m < k) {
      path = refPath(m, d.subList(0, k));
      path.add(refMth(d.subList(k, n)));
    } else {
      path = refPath(m - k, d.subList(k, n));
      path.add(refMth(d.subList(0, k)));
    }
    return path;
  }

  /** SUBPROOF(m, D[n], b), RFC 9162 2.1.4.1. */
  private static List<byte[]> refSubproof(int m, List<byte[]> d, boolean b) {
    int n = d.size();
    if (m == n) {
      List<byte[]> proof = new ArrayList<>();
      if (!b) {
        proof.add(refMth(d));
      }
      return proof;
    }
    int k = largestPowerOfTwoBelow(n);
    List<byte[]> proof;
    if (m <= k) {
      proof = refSubproof(m, d.subList(0, k), b);
      proof.add(refMth(d.subList(k, n)));
    } else {
      proof = refSubproof(m - k, d.subList(k, n), false);
      proof.add(refMth(d.subList(0, k)));
    }
    return proof;
  }

  private static byte[] refNode(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 0x01);
    sha.update(left);
    sha.update(right);
    return sha.digest();
  }

  private static int largestPowerOfTwoBelow(int n) {
    int k = 1;
    while (k << 1 < n) {
      k <<= 1;
    }
    return k;
  }

  private static List<byte[]> referenceRoots(List<byte[]> d) {
    List<byte[]> roots = new ArrayList<>();
    for (int size = 0; size <= d.size(); size++) {
      roots.add(refMth(d.subList(0, size)));
    }
    return roots;
  }

  // --- helpers ---

  /** transparency-dev/merkle testonly/tree.go, isSubtreeValid. */
  private static boolean isSubtreeValid(long start, long end) {
    if (start > end) {
      return false;
    }
    if (start == 0 || start == end) {
      return true;
    }
    long width = end - start;
    long bitCeil = Long.highestOneBit(width) == width ? width : Long.highestOneBit(width) << 1;
    return (start & (bitCeil - 1)) == 0;
  }

  /** Leaf hashes of d[i] = {i}, the leaves of the draft's test vectors. */
  private static List<byte[]> byteLeaves(int n) {
    List<byte[]> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(Merkle.leafHash(new byte[] {(byte) i}));
    }
    return leaves;
  }

  private static byte[] root(int size) {
    return HEX.parseHex(ROOT_HASHES[size]);
  }

  private static List<byte[]> flipBit(List<byte[]> proof, int i) {
    List<byte[]> copy = new ArrayList<>(proof);
    byte[] altered = copy.get(i).clone();
    altered[0] ^= 8;
    copy.set(i, altered);
    return copy;
  }

  private static List<String> hexList(List<byte[]> hashes) {
    return hashes.stream().map(HEX::formatHex).toList();
  }

  private static List<byte[]> decodeHex(String... hashes) {
    return Stream.of(hashes).map(HEX::parseHex).toList();
  }

  private static Stream<String> probeFiles(String prefix) throws IOException {
    return resource("index.txt").lines().filter(line -> line.startsWith(prefix));
  }

  /** A probe file read with JSON-P, as plain Java values (numbers as BigInteger: Go's uint64). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> probe(String path) throws IOException {
    try (jakarta.json.JsonReader reader =
        jakarta.json.Json.createReader(new java.io.StringReader(resource(path)))) {
      return (Map<String, Object>) plain(reader.readValue());
    }
  }

  private static Object plain(jakarta.json.JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, plain(v)));
        yield map;
      }
      case ARRAY -> value.asJsonArray().stream().map(MerkleVectorsTest::plain).toList();
      case STRING -> ((jakarta.json.JsonString) value).getString();
      case NUMBER -> ((jakarta.json.JsonNumber) value).bigIntegerValueExact();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = MerkleVectorsTest.class.getResourceAsStream(PROBES + path)) {
      if (in == null) {
        throw new IOException("missing test resource " + PROBES + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Go's encoding/json writes []byte as standard base64; "" is a zero-length hash. */
  private static byte[] bytes(Object base64) {
    return Base64.getDecoder().decode((String) base64);
  }

  /** A JSON null proof is Go's nil slice: no hashes. */
  private static List<byte[]> hashes(Object list) {
    List<byte[]> out = new ArrayList<>();
    if (list != null) {
      for (Object item : (List<?>) list) {
        out.add(bytes(item));
      }
    }
    return out;
  }

  /** uint64 as the same 64 bits in a Java long. */
  private static long number(Object value) {
    return ((BigInteger) value).longValue();
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
