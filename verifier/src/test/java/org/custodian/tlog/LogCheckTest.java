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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outside check of a log, and the command-line verifier's {@code --entries} around it, on logs
 * built here. Each failure's line is asserted exactly: it says what is known, an entry or a range.
 */
class LogCheckTest extends FortyEntryLog {

  String checkpoint(long size) {
    return signed(size, Merkle.rootOf(tree, size));
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

  List<byte[]> withEntry20Altered() {
    List<byte[]> altered = new ArrayList<>(leaves);
    altered.set(20, leaf(20, "x"));
    return altered;
  }

  static String rootOf(List<byte[]> leaves, int size) {
    List<byte[]> hashes = leaves.subList(0, size).stream().map(Merkle::leafHash).toList();
    return Base64.getEncoder().encodeToString(Merkle.root(hashes));
  }

  String signedRoot(int size) {
    return Base64.getEncoder().encodeToString(Merkle.rootOf(tree, size));
  }

  // --- LogCheck ---

  @Test
  void anIntactLogMatchesEveryCheckpoint() {
    LogCheck.Result result = check(leaves, checkpoint(7), checkpoint(32), checkpoint(40));
    assertTrue(result.valid(), result.reason());
    assertEquals(40, result.entries());
    assertEquals(LogCheck.Blame.NONE, result.blame());
  }

  /**
   * A checkpoint of the empty tree, then one of 40: no consistency proof from size 0 verifies
   * ({@link Merkle#verifyConsistency}), and none is needed: one recomputed tree has both roots.
   */
  @Test
  void aCheckpointOfTheEmptyTreeIsMatchedLikeAnyOther() {
    LogCheck.Result result = check(leaves, checkpoint(0), checkpoint(40));
    assertTrue(result.valid(), result.reason());

    String wrongEmpty = signed(0, Merkle.rootOf(tree, 1));
    LogCheck.Result bad = check(leaves, wrongEmpty);
    assertEquals(LogCheck.Blame.CHECKPOINT, bad.blame());
  }

  @Test
  void aChangedEntryIsARangeBetweenTheCheckpointsAroundIt() {
    LogCheck.Result result =
        check(withEntry20Altered(), checkpoint(16), checkpoint(21), checkpoint(40));
    assertFalse(result.valid());
    assertEquals(LogCheck.Blame.RANGE, result.blame());
    assertEquals(16, result.from(), result.reason());
    assertEquals(20, result.to(), result.reason());
    assertEquals(
        "an entry from 16 to 20 was changed or replaced: the entries give the tree of size 21 the"
            + " root "
            + rootOf(withEntry20Altered(), 21)
            + ", not the signed checkpoint's "
            + signedRoot(21)
            + " (they match the one of size 16); a checkpoint saved at a size between 16 and 21"
            + " narrows it down",
        result.describe());
  }

  @Test
  void aChangedEntryIsNamedWhenTheCheckpointsAroundItAreOneApart() {
    LogCheck.Result result = check(withEntry20Altered(), checkpoint(20), checkpoint(21));
    assertEquals(LogCheck.Blame.ENTRY, result.blame());
    assertEquals(20, result.from());
    assertEquals(20, result.to());
  }

  @Test
  void aRemovedTailIsFound() {
    LogCheck.Result result = check(leaves.subList(0, 30), checkpoint(40));
    assertFalse(result.valid());
    assertEquals(LogCheck.Blame.REMOVED_TAIL, result.blame());
    assertEquals(30, result.from());
    assertEquals(39, result.to());
  }

  @Test
  void aCheckpointSignedByAnotherKeyDoesNotOpen() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String forged =
        Note.sign(
            new Checkpoint(ORIGIN, 40, Merkle.rootOf(tree, 40)).body(), ORIGIN, other.getPrivate());
    assertThrows(NoteException.class, () -> new LogCheck(key, List.of(forged)));
  }

  // --- the command line: --entries ---

  Path export(List<String> lines) throws Exception {
    return Files.write(dir.resolve("entries.txt"), lines);
  }

  List<String> exportLines(List<byte[]> leaves) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      lines.add(i + " " + Base64.getEncoder().encodeToString(leaves.get(i)));
    }
    return lines;
  }

  Output verify(Path entries, String... checkpoints) throws Exception {
    List<String> args = new ArrayList<>(List.of("--entries", entries.toString()));
    args.addAll(List.of("--key", keyFile.toString()));
    for (int i = 0; i < checkpoints.length; i++) {
      Path saved = Files.writeString(dir.resolve("checkpoint-" + i + ".txt"), checkpoints[i]);
      args.addAll(List.of("--checkpoint", saved.toString()));
    }
    return run(args.toArray(String[]::new));
  }

  @Test
  void okWithOneCheckpoint() throws Exception {
    Output ok = verify(export(exportLines(leaves)), checkpoint(40));
    assertEquals(
        new Output(
            0,
            "OK: 40 entries; the signed checkpoint by custodian.test/audit-log verifies, and the"
                + " tree recomputed from the entries has its root at size 40\n",
            ""),
        ok);
  }

  @Test
  void theSameCheckpointGivenTwiceCountsOnce() throws Exception {
    Output ok = verify(export(exportLines(leaves)), checkpoint(40), checkpoint(40));
    assertEquals(0, ok.status());
    assertTrue(ok.out().startsWith("OK: 40 entries; the signed checkpoint by "), ok.out());
  }

  @Test
  void okWithSeveralCheckpointsSaysEachExtendsTheOnesBefore() throws Exception {
    Output ok = verify(export(exportLines(leaves)), checkpoint(32), checkpoint(0), checkpoint(7));
    assertEquals(
        "OK: 40 entries; 3 signed checkpoints by custodian.test/audit-log verify, and the tree"
            + " recomputed from the entries has the root of each at its size (0 to 32), so each"
            + " extends the ones before it; entries from 32 on are in no checkpoint given\n",
        ok.out());
    assertEquals(0, ok.status());
  }

  @Test
  void aGapNamesTheMissingEntry() throws Exception {
    List<String> lines = exportLines(leaves);
    lines.remove(12);
    Output gap = verify(export(lines), checkpoint(40));
    assertEquals(
        new Output(1, "FAIL: entry 12: it is missing: the next entry given is 13\n", ""), gap);
  }

  @Test
  void aRepeatedEntryIsNamed() throws Exception {
    List<String> lines = exportLines(leaves);
    lines.add(12, lines.get(5));
    Output again = verify(export(lines), checkpoint(40));
    assertEquals(new Output(1, "FAIL: entry 5: it is given again after entry 11\n", ""), again);
  }

  @Test
  void bytesThatAreNotALeafAreNamed() throws Exception {
    List<String> lines = exportLines(leaves);
    lines.set(17, "17 " + Base64.getEncoder().encodeToString("not a leaf\n".getBytes()));
    Output invalid = verify(export(lines), checkpoint(40));
    assertEquals(
        new Output(
            1, "FAIL: entry 17: it is not a valid leaf: not a custodian-audit-leaf/v1 leaf\n", ""),
        invalid);
  }

  @Test
  void aChangedEntryBelowTheOnlyCheckpointIsARangeFromZero() throws Exception {
    Output changed = verify(export(exportLines(withEntry20Altered())), checkpoint(40));
    assertEquals(
        new Output(
            1,
            "FAIL: an entry from 0 to 39 was changed or replaced: the entries give the tree of size"
                + " 40 the root "
                + rootOf(withEntry20Altered(), 40)
                + ", not the signed checkpoint's "
                + signedRoot(40)
                + "; a checkpoint saved at a smaller size narrows it down\n",
            ""),
        changed);
  }

  @Test
  void aChangedEntryBetweenTwoCheckpointsIsARangeBetweenThem() throws Exception {
    Output changed =
        verify(export(exportLines(withEntry20Altered())), checkpoint(16), checkpoint(40));
    assertEquals(
        "FAIL: an entry from 16 to 39 was changed or replaced: the entries give the tree of size"
            + " 40 the root "
            + rootOf(withEntry20Altered(), 40)
            + ", not the signed checkpoint's "
            + signedRoot(40)
            + " (they match the one of size 16); a checkpoint saved at a size between 16 and 40"
            + " narrows it down\n",
        changed.out());
    assertEquals(1, changed.status());
  }

  @Test
  void aChangedEntryRightBelowACheckpointIsNamed() throws Exception {
    Output changed =
        verify(export(exportLines(withEntry20Altered())), checkpoint(20), checkpoint(21));
    assertEquals(
        new Output(
            1,
            "FAIL: entry 20: it was changed or replaced: the entries give the tree of size 21 the"
                + " root "
                + rootOf(withEntry20Altered(), 21)
                + ", not the signed checkpoint's "
                + signedRoot(21)
                + "\n",
            ""),
        changed);
  }

  @Test
  void aRemovedTailSaysFromWhere() throws Exception {
    Output tail =
        verify(export(exportLines(leaves.subList(0, 30))), checkpoint(20), checkpoint(40));
    assertEquals(
        new Output(
            1,
            "FAIL: entries from 30 on were removed: there are 30 entries, but the signed checkpoint"
                + " of size 40 covers entries 0 to 39\n",
            ""),
        tail);
  }

  @Test
  void aLineThatIsNotAnEntry() throws Exception {
    for (String sequence : List.of("two", "+2", "02", "\u0662")) {
      List<String> lines = exportLines(leaves);
      lines.set(2, sequence + " " + lines.get(2).split(" ")[1]);
      Output bad = verify(export(lines), checkpoint(40));
      assertEquals(
          new Output(1, "FAIL: line 3 of the export is not <sequence> <base64 leaf>\n", ""),
          bad,
          sequence);
    }
  }

  /** A corrupted byte fails its line, as any other damage to a line does. */
  @Test
  void aByteThatIsNotTextFailsItsLine() throws Exception {
    List<String> lines = exportLines(leaves);
    Path entries = export(lines);
    byte[] bytes = Files.readAllBytes(entries);
    int third = String.join("\n", lines.subList(0, 2)).length() + 1 + 3;
    bytes[third] = (byte) 0xC3;
    Files.write(entries, bytes);
    assertEquals(
        new Output(1, "FAIL: line 3 of the export is not <sequence> <base64 leaf>\n", ""),
        verify(entries, checkpoint(40)));
  }

  @Test
  void aCheckpointFileThatIsNotTextIsNamed() throws Exception {
    Path binary = Files.write(dir.resolve("binary.txt"), new byte[] {(byte) 0xC3, 0x28});
    Output out =
        run(
            new String[] {
              "--entries",
              export(exportLines(leaves)).toString(),
              "--key",
              keyFile.toString(),
              "--checkpoint",
              binary.toString()
            });
    assertEquals(new Output(2, "", "Cannot read " + binary + " (not UTF-8 text)\n"), out);
  }

  @Test
  void aForgedCheckpointFailsBeforeAnythingIsChecked() throws Exception {
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String forged =
        Note.sign(
            new Checkpoint(ORIGIN, 40, Merkle.rootOf(tree, 40)).body(), ORIGIN, other.getPrivate());
    Output out = verify(export(exportLines(leaves)), checkpoint(20), forged);
    assertEquals(
        new Output(
            1,
            "FAIL: checkpoint "
                + dir.resolve("checkpoint-1.txt")
                + " does not verify: the note carries no signature by custodian.test/audit-log+"
                + Note.hexId(key.keyId())
                + "\n",
            ""),
        out);
  }

  @Test
  void aForkSignedByTheKeyFails() throws Exception {
    Output out =
        verify(
            export(exportLines(leaves)),
            checkpoint(40),
            signed(40, Base64.getDecoder().decode(rootOf(withEntry20Altered(), 40))));
    assertEquals(
        new Output(
            1,
            "FAIL: the checkpoints disagree: two checkpoints signed by the key give the tree of"
                + " size 40 different roots: the key signed a fork\n",
            ""),
        out);
  }

  @Test
  void argumentsAndFilesThatCannotBeRead() throws Exception {
    Path entries = export(exportLines(leaves));
    Path saved = Files.writeString(dir.resolve("saved.txt"), checkpoint(40));
    Output nothingToCheck =
        run(new String[] {"--key", keyFile.toString(), "--checkpoint", saved.toString()});
    assertEquals(2, nothingToCheck.status());
    assertTrue(
        nothingToCheck
            .err()
            .startsWith(
                "at least one of --entries, --inclusion, --consistency and --witness-key is needed\n"
                    + VerifierMain.USAGE),
        nothingToCheck.err());
    Output noCheckpoint =
        run(new String[] {"--entries", entries.toString(), "--key", keyFile.toString()});
    assertEquals(2, noCheckpoint.status());
    assertTrue(
        noCheckpoint.err().startsWith("--key and at least one --checkpoint are needed\n"),
        noCheckpoint.err());
    Path missing = dir.resolve("missing.txt");
    Output unreadable =
        run(
            new String[] {
              "--entries", missing.toString(),
              "--key", keyFile.toString(),
              "--checkpoint", saved.toString()
            });
    assertEquals(new Output(2, "", "Cannot read " + missing + "\n"), unreadable);
    Output help = run(new String[] {"--help"});
    assertEquals(new Output(0, VerifierMain.USAGE + "\n", ""), help);
  }

  record Output(int status, String out, String err) {}

  static Output run(String[] args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        VerifierMain.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Output(
        status,
        out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
  }
}
