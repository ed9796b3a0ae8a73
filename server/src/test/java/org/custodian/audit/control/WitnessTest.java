package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.MemoryTree;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The witnesses as a log's database administrator would meet them: a checkpoint that extends what
 * the witness holds is kept; one for a rewritten tree, re-signed with the log's own (stolen) key,
 * or for a log cut back, is refused, and the witness's copy stays as it was.
 */
class WitnessTest {

  private static final String ORIGIN = "custodian.test/audit-log";

  @TempDir Path directory;

  private KeyPair key;
  private Note.VerifierKey verifierKey;
  private MemoryTree tree;
  private C2spTestWitness c2sp;

  @BeforeEach
  void log() throws Exception {
    key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    verifierKey = Note.VerifierKey.of(ORIGIN, key.getPublic());
    tree = treeOf(10, -1);
  }

  @AfterEach
  void stop() {
    if (c2sp != null) {
      c2sp.stop();
    }
  }

  /** A tree of {@code size} leaves; the leaf at {@code changed} (if any) says something else. */
  private static MemoryTree treeOf(int size, int changed) {
    MemoryTree t = new MemoryTree();
    for (int i = 0; i < size; i++) {
      String leaf = "entry " + i + (i == changed ? " as the rewriter wants it" : "");
      t.append(Merkle.leafHash(leaf.getBytes(StandardCharsets.UTF_8)));
    }
    return t;
  }

  private Checkpoint checkpointOf(MemoryTree t) {
    return new Checkpoint(ORIGIN, t.size(), t.root());
  }

  private String note(MemoryTree t) {
    return Note.sign(checkpointOf(t).body(), ORIGIN, key.getPrivate());
  }

  /** The log as the witnesses see it when {@code t} is all it has. */
  private static Witness.Log log(MemoryTree t) {
    return new Witness.Log() {
      @Override
      public List<byte[]> consistencyProof(long from, long to) {
        return Merkle.consistencyProof(t, from, to);
      }

      @Override
      public long size() {
        return t.size();
      }
    };
  }

  private Witness.Outcome offer(DirectoryWitness witness, MemoryTree t) {
    return offer(witness, t, log(t));
  }

  /** Offers {@code t}'s checkpoint while the log holds what {@code log} says. */
  private Witness.Outcome offer(DirectoryWitness witness, MemoryTree t, Witness.Log log) {
    return witness.add(note(t), checkpointOf(t), verifierKey, log);
  }

  private Witness.Outcome offer(HttpWitness witness, MemoryTree t) {
    return offer(witness, t, log(t));
  }

  private Witness.Outcome offer(HttpWitness witness, MemoryTree t, Witness.Log log) {
    return witness.add(note(t), checkpointOf(t), log, C2spTestWitness.KEY);
  }

  @Test
  void aDirectoryKeepsEachCheckpointThatExtendsTheOneItHolds() throws Exception {
    DirectoryWitness witness = new DirectoryWitness(directory);
    assertEquals(Witness.Outcome.Result.ACCEPTED, offer(witness, tree).result());
    MemoryTree later = treeOf(17, -1);
    assertEquals(Witness.Outcome.Result.ACCEPTED, offer(witness, later).result());
    assertEquals(note(later), witness.held().orElseThrow(), "the latest replaces the one before");
    assertEquals(
        Witness.Outcome.Result.ACCEPTED, offer(witness, later).result(), "the same tree again");
    try (var files = Files.list(directory)) {
      assertEquals(
          List.of(".lock", DirectoryWitness.FILE),
          files.map(f -> f.getFileName().toString()).sorted().toList(),
          "no partial file left behind, nothing refused");
    }
  }

  @Test
  void aDirectoryRefusesARewriteSignedWithTheLogsOwnKey() throws Exception {
    DirectoryWitness witness = new DirectoryWitness(directory);
    offer(witness, tree);
    String held = witness.held().orElseThrow();
    // entry 3 rewritten, the tree rebuilt and grown, and signed with the log's (stolen) key
    MemoryTree rewritten = treeOf(12, 3);
    Witness.Outcome outcome = offer(witness, rewritten);
    assertEquals(Witness.Outcome.Result.REFUSED, outcome.result());
    assertEquals(0, outcome.firstDoubtful(), "a root cannot tell which of the first 10 changed");
    assertEquals(
        "the tree of size 12 does not extend the one it holds (size 10): an entry from 0 to 9"
            + " was changed or replaced",
        outcome.reason());
    assertEquals(held, witness.held().orElseThrow(), "the witness's copy stays as it was");
    assertEquals(
        note(rewritten),
        Files.readString(directory.resolve(DirectoryWitness.REFUSED)),
        "the refused note is kept as evidence");
    // and the same size with another root
    assertEquals(
        Witness.Outcome.Result.REFUSED, offer(witness, treeOf(10, 3)).result(), "same size");
  }

  @Test
  void aDirectoryRefusesALogCutBackButNotALateOffer() {
    DirectoryWitness witness = new DirectoryWitness(directory);
    offer(witness, tree);
    // another node's offer of size 7 arrives late: the log has 10 entries, nothing is wrong
    assertEquals(Witness.Outcome.Result.STALE, offer(witness, treeOf(7, -1), log(tree)).result());
    assertFalse(Files.exists(directory.resolve(DirectoryWitness.REFUSED)));
    // the log itself has only 7 now (a tail deleted, an old backup restored)
    MemoryTree cut = treeOf(7, -1);
    Witness.Outcome outcome = offer(witness, cut, log(cut));
    assertEquals(Witness.Outcome.Result.REFUSED, outcome.result());
    assertEquals(0, outcome.firstDoubtful(), "nothing proves the first 7 are those it saw");
    assertTrue(outcome.reason().contains("entries from 7 to 9 are gone"), outcome.reason());
  }

  @Test
  void aLogThatCannotProveItsTreeIsRefused() {
    DirectoryWitness witness = new DirectoryWitness(directory);
    offer(witness, tree);
    MemoryTree later = treeOf(17, -1);
    Witness.Log nodeDeleted =
        new Witness.Log() {
          @Override
          public List<byte[]> consistencyProof(long from, long to) {
            throw new IllegalStateException("no node at level 1, index 4");
          }

          @Override
          public long size() {
            return 17;
          }
        };
    Witness.Outcome outcome = offer(witness, later, nodeDeleted);
    assertEquals(Witness.Outcome.Result.REFUSED, outcome.result());
    assertTrue(
        outcome.reason().startsWith("the log cannot prove that its tree of size 17 extends"),
        outcome.reason());
    HttpWitness http = new HttpWitness(startWitness(), HttpClient.newHttpClient());
    offer(http, tree);
    assertEquals(Witness.Outcome.Result.REFUSED, offer(http, later, nodeDeleted).result());
  }

  @Test
  void aShareThatIsNotMountedIsNotReplacedByALocalDirectory() {
    Path unmounted = directory.resolve("not-mounted");
    Witness.Outcome outcome = offer(new DirectoryWitness(unmounted), tree);
    assertEquals(Witness.Outcome.Result.UNREACHABLE, outcome.result());
    assertFalse(Files.exists(unmounted));
  }

  @Test
  void aDirectoryHoldingACheckpointTheKeyDidNotSignRefusesToBuildOnIt() throws Exception {
    DirectoryWitness witness = new DirectoryWitness(directory);
    offer(witness, tree);
    KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Files.writeString(
        directory.resolve(DirectoryWitness.FILE),
        Note.sign(checkpointOf(treeOf(10, 3)).body(), ORIGIN, other.getPrivate()));
    Witness.Outcome outcome = offer(witness, treeOf(11, -1));
    assertEquals(Witness.Outcome.Result.REFUSED, outcome.result());
    assertTrue(outcome.reason().startsWith("it holds a checkpoint the log's key did not sign"));
  }

  private URI startWitness() {
    c2sp = new C2spTestWitness(verifierKey);
    try {
      return c2sp.start(0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void anHttpWitnessCosignsEachCheckpointOfferedWithItsConsistencyProof() throws Exception {
    HttpWitness witness = new HttpWitness(startWitness(), HttpClient.newHttpClient());
    Witness.Outcome first = offer(witness, tree);
    assertEquals(Witness.Outcome.Result.ACCEPTED, first.result(), first.reason());
    Cosignature.Verified cosignature = first.cosignature();
    assertEquals(C2spTestWitness.KEY, cosignature.witness());
    assertTrue(
        Cosignature.find(note(tree) + cosignature.line() + "\n", C2spTestWitness.KEY).isPresent(),
        "the line kept verifies on the checkpoint's note");
    assertTrue(
        c2sp.bodies().get(0).startsWith("old 0\n\n" + ORIGIN + "\n10\n"), c2sp.bodies().get(0));
    MemoryTree later = treeOf(17, -1);
    assertEquals(Witness.Outcome.Result.ACCEPTED, offer(witness, later).result());
    String second = c2sp.bodies().get(1);
    assertTrue(second.startsWith("old 10\n"), second);
    assertEquals(
        HttpWitness.body(10, log(later), checkpointOf(later), note(later)),
        second,
        "the old size, the proof's hashes a line each, an empty line, the note");
    assertFalse(Merkle.consistencyProof(later, 10, 17).isEmpty());
    assertEquals(17, c2sp.size());
  }

  @Test
  void anHttpWitnessWhoseAnswerIsNotItsCosignatureIsNotTakenAtItsWord() throws Exception {
    URI uri = startWitness();
    HttpWitness witness = new HttpWitness(uri, HttpClient.newHttpClient());
    // its answer for another tree: a cosignature that does not verify on this checkpoint
    String other =
        Cosignature.sign(checkpointOf(treeOf(11, -1)).body(), C2spTestWitness.KEY, otherKey(), 1);
    c2sp.answer(other + "\n");
    Witness.Outcome forged = offer(witness, tree);
    assertEquals(Witness.Outcome.Result.UNREACHABLE, forged.result());
    assertTrue(
        forged
            .reason()
            .endsWith(
                "that verifies: the cosignature by " + C2spTestWitness.KEY + " does not verify"),
        forged.reason());
    c2sp.answer("");
    Witness.Outcome none = offer(witness, treeOf(12, -1));
    assertEquals(
        uri + " took the checkpoint but answered no cosignature by " + C2spTestWitness.KEY,
        none.reason());
    // without a key configured, the answer is taken as it comes
    Witness.Outcome unkeyed =
        witness.add(note(treeOf(13, -1)), checkpointOf(treeOf(13, -1)), log(treeOf(13, -1)), null);
    assertEquals(Witness.Outcome.Result.ACCEPTED, unkeyed.result());
    assertNull(unkeyed.cosignature());
  }

  private static java.security.PrivateKey otherKey() throws Exception {
    return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
  }

  @Test
  void anHttpWitnessNamesItsSizeToALogThatForgotIt() throws Exception {
    URI uri = startWitness();
    offer(new HttpWitness(uri, HttpClient.newHttpClient()), tree);
    // the node restarted: it offers from 0, hears 409 with the witness's size, offers again
    HttpWitness restarted = new HttpWitness(uri, HttpClient.newHttpClient());
    Witness.Outcome outcome = offer(restarted, treeOf(13, -1));
    assertEquals(Witness.Outcome.Result.ACCEPTED, outcome.result(), outcome.reason());
    assertEquals(3, c2sp.bodies().size(), "one refused from 0, one accepted from 10");
    assertTrue(c2sp.bodies().get(2).startsWith("old 10\n"));
    assertEquals(13, c2sp.size());
  }

  @Test
  void anHttpWitnessRefusesARewriteOfTheSameSizeOrLargerAndALogCutBack() throws Exception {
    URI uri = startWitness();
    HttpWitness witness = new HttpWitness(uri, HttpClient.newHttpClient());
    offer(witness, tree);
    // the same size, another root: 409 without a size, as transparency-dev's witness answers
    Witness.Outcome same = offer(witness, treeOf(10, 3));
    assertEquals(Witness.Outcome.Result.REFUSED, same.result(), same.reason());
    assertEquals(
        "it holds another root for the tree of size 10: an entry from 0 to 9 was changed or"
            + " replaced",
        same.reason());
    Witness.Outcome rewritten = offer(witness, treeOf(12, 3));
    assertEquals(Witness.Outcome.Result.REFUSED, rewritten.result());
    assertEquals(0, rewritten.firstDoubtful());
    assertTrue(rewritten.reason().contains("does not extend the one it cosigned (size 10)"));
    // a late offer while the log has reached the witness's size is no refusal
    assertEquals(
        Witness.Outcome.Result.STALE,
        offer(new HttpWitness(uri, HttpClient.newHttpClient()), treeOf(6, -1), log(tree)).result());
    MemoryTree cut = treeOf(6, -1);
    Witness.Outcome cutBack = offer(new HttpWitness(uri, HttpClient.newHttpClient()), cut);
    assertEquals(Witness.Outcome.Result.REFUSED, cutBack.result());
    assertTrue(cutBack.reason().contains("entries from 6 to 9 are gone"), cutBack.reason());
    assertEquals(10, c2sp.size(), "the witness holds what it held");
  }

  @Test
  void anHttpWitnessThatCannotBeReachedIsOfferedTheNextCheckpoint() throws Exception {
    URI uri = startWitness();
    c2sp.stop();
    HttpWitness witness = new HttpWitness(uri, HttpClient.newHttpClient());
    Witness.Outcome down = offer(witness, tree);
    assertEquals(Witness.Outcome.Result.UNREACHABLE, down.result());
    assertNotNull(down.reason());
    c2sp = new C2spTestWitness(verifierKey);
    c2sp.start(uri.getPort());
    assertEquals(Witness.Outcome.Result.ACCEPTED, offer(witness, treeOf(12, -1)).result());
    assertEquals(12, c2sp.size());
  }
}
