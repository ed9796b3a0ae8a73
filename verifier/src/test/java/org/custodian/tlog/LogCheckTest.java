package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outside check of a log, and the command-line verifier around it, on logs built here. */
class LogCheckTest {

  static final String ORIGIN = "custodian.test/audit-log";

  KeyPair keys;
  Note.VerifierKey key;
  List<byte[]> leaves;
  MemoryTree tree;

  @TempDir Path dir;

  @BeforeEach
  void aLogOfFortyEntries() throws Exception {
    keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    key = Note.VerifierKey.of(ORIGIN, keys.getPublic());
    leaves = new ArrayList<>();
    tree = new MemoryTree();
    for (int i = 0; i < 40; i++) {
      byte[] leaf =
          new AuditLeaf(
                  Instant.parse("2026-12-05T10:00:00Z").plusSeconds(i),
                  "user" + i,
                  "ACTION",
                  "Thing",
                  "" + i,
                  "entry " + i)
              .encode();
      leaves.add(leaf);
      tree.append(Merkle.leafHash(leaf));
    }
  }

  String checkpoint(long size) {
    return Note.sign(
        new Checkpoint(ORIGIN, size, Merkle.rootOf(tree, size)).body(), ORIGIN, keys.getPrivate());
  }

  LogCheck.Result check(List<byte[]> entries, String... checkpoints) {
    LogCheck check = new LogCheck(key, List.of(checkpoints));
    for (int i = 0; i < entries.size(); i++) {
      if (!check.add(i, entries.get(i))) {
        break;
      }
    }
    return check.finish();
  }

  @Test
  void anIntactLogMatchesEveryCheckpoint() {
    LogCheck.Result result = check(leaves, checkpoint(7), checkpoint(32), checkpoint(40));
    assertTrue(result.valid(), result.reason());
    assertEquals(40, result.entries());
  }

  @Test
  void aChangedEntryIsFoundBetweenTheCheckpointsAroundIt() {
    List<byte[]> altered = new ArrayList<>(leaves);
    altered.set(
        20,
        new AuditLeaf(Instant.parse("2026-12-05T10:00:20Z"), "user20", "ACTION", "Thing", "20", "x")
            .encode());
    LogCheck.Result result = check(altered, checkpoint(16), checkpoint(21), checkpoint(40));
    assertFalse(result.valid());
    assertEquals(16, result.firstBadEntry(), result.reason());
    assertTrue(result.reason().contains("from 16 to 20"), result.reason());
  }

  @Test
  void aRemovedTailIsFound() {
    LogCheck.Result result = check(leaves.subList(0, 30), checkpoint(40));
    assertFalse(result.valid());
    assertEquals(30, result.firstBadEntry());
    assertTrue(result.reason().contains("were removed"), result.reason());
  }

  @Test
  void aCheckpointSignedByAnotherKeyDoesNotOpen() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String forged =
        Note.sign(
            new Checkpoint(ORIGIN, 40, Merkle.rootOf(tree, 40)).body(), ORIGIN, other.getPrivate());
    assertThrows(NoteException.class, () -> new LogCheck(key, List.of(forged)));
  }

  @Test
  void theCommandLineVerifierSaysOkOrNamesTheFirstBadEntry() throws Exception {
    Path keyFile = Files.writeString(dir.resolve("key.txt"), key.encode() + "\n");
    Path saved = Files.writeString(dir.resolve("saved.txt"), checkpoint(40));
    Path entries = dir.resolve("entries.txt");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      lines.add(i + " " + Base64.getEncoder().encodeToString(leaves.get(i)));
    }
    Files.write(entries, lines);
    String[] args = {
      "--entries", entries.toString(), "--key", keyFile.toString(), "--checkpoint", saved.toString()
    };
    assertEquals(0, run(args).status, run(args).out);
    assertTrue(run(args).out.startsWith("OK: 40 entries"));

    lines.remove(12);
    Files.write(entries, lines);
    Output gap = run(args);
    assertEquals(1, gap.status);
    assertTrue(gap.out.startsWith("FAIL: first bad entry 12: entry 12 is missing"), gap.out);

    assertEquals(2, run(new String[] {"--entries", entries.toString()}).status, "usage");
  }

  record Output(int status, String out) {}

  static Output run(String[] args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifierMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(status, out.toString(StandardCharsets.UTF_8));
  }
}
