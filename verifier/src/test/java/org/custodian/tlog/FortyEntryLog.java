package org.custodian.tlog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The verifier tests' log: forty entries, their tree, a fresh signing key and its key file. */
abstract class FortyEntryLog {

  static final String ORIGIN = "custodian.test/audit-log";

  KeyPair keys;
  Note.VerifierKey key;
  List<byte[]> leaves;
  MemoryTree tree;
  Path keyFile;

  @TempDir Path dir;

  @BeforeEach
  void aLogOfFortyEntries() throws Exception {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    key = Note.VerifierKey.of(ORIGIN, keys.getPublic());
    keyFile = Files.writeString(dir.resolve("key.txt"), key.encode() + "\n");
    leaves = new ArrayList<>();
    tree = new MemoryTree();
    for (int i = 0; i < 40; i++) {
      byte[] leaf = leaf(i, "entry " + i);
      leaves.add(leaf);
      tree.append(Merkle.leafHash(leaf));
    }
  }

  static byte[] leaf(int i, String details) {
    return new AuditLeaf(
            Instant.parse("2026-12-05T10:00:00Z").plusSeconds(i),
            "user" + i,
            "ACTION",
            "Thing",
            "" + i,
            details)
        .encode();
  }

  /** The signed note of a checkpoint of {@code size} with {@code root}. */
  String signed(long size, byte[] root) {
    return Note.sign(new Checkpoint(ORIGIN, size, root).body(), ORIGIN, keys.getPrivate());
  }
}
