package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.custodian.tlog.AuditLeaf;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.junit.jupiter.api.Test;

/**
 * docs/audit.md's worked example is what the log's code makes of it: an auditor who writes a
 * verifier from that page tests it on values this test recomputes (key, leaves, leaf hashes, root
 * and the signed checkpoint), so the page cannot drift from the code.
 */
class AuditDocsExampleTest {

  private static final String ORIGIN = "example.custodian/audit-log";

  @Test
  void theWorkedExampleIsWhatTheCodeMakes() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "audit.md"), StandardCharsets.UTF_8);
    byte[] seed =
        MessageDigest.getInstance("SHA-256")
            .digest("custodian docs/audit.md example key".getBytes(StandardCharsets.UTF_8));
    PrivateKey key = Note.privateKeyFromSeed(seed);
    Note.VerifierKey verifierKey = Note.VerifierKey.of(ORIGIN, Note.publicKeyOf(key));
    List<AuditLeaf> leaves =
        List.of(
            new AuditLeaf(
                Instant.parse("2026-12-05T01:59:26.123456Z"),
                "co.ramirez",
                "ACCESS_REQUEST_SUBMITTED",
                "AccessRequest",
                "41",
                "AR-2026-000041: CMS VIEW, 1 layer"),
            new AuditLeaf(
                Instant.parse("2026-12-05T02:00:03Z"),
                "rev.one",
                "TASKS_LISTED",
                "Task",
                "candidate",
                "3 task(s)"));
    Base64.Encoder base64 = Base64.getEncoder();

    assertTrue(doc.contains("`" + HexFormat.of().formatHex(seed) + "`"), "the seed");
    assertTrue(doc.contains("\n" + verifierKey.encode() + "\n"), "the verifier key");
    List<byte[]> hashes = leaves.stream().map(AuditLeaf::encode).map(Merkle::leafHash).toList();
    for (int i = 0; i < leaves.size(); i++) {
      byte[] leaf = leaves.get(i).encode();
      assertTrue(doc.contains("\n" + i + " " + base64.encodeToString(leaf) + "\n"), "entry " + i);
      assertEquals(leaves.get(i), AuditLeaf.decode(leaf));
      assertTrue(doc.contains("`" + base64.encodeToString(hashes.get(i)) + "`"), "leaf hash " + i);
    }
    byte[] root = Merkle.root(hashes);
    assertTrue(doc.contains("`" + base64.encodeToString(root) + "`"), "the root");
    String note = Note.sign(new Checkpoint(ORIGIN, 2, root).body(), ORIGIN, key);
    assertTrue(doc.contains("```\n" + note + "```\n"), "the signed checkpoint:\n" + note);
    assertEquals(
        new Checkpoint(ORIGIN, 2, root).body(), Note.open(note, verifierKey), "it verifies");
    // the leaf shown field by field is entry 0
    assertTrue(doc.contains("details 33⏎\nAR-2026-000041: CMS VIEW, 1 layer⏎\n"));
  }
}
