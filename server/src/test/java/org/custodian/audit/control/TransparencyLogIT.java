package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.custodian.platform.Actor;
import org.custodian.platform.Roles;
import org.custodian.testing.Deployments;
import org.custodian.tlog.AuditLeaf;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.MemoryTree;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transparency log in the real server on MariaDB, attacked the way its database administrator
 * could attack it: an entry altered by SQL is named; a log rewritten consistently (leaf, hashes,
 * nodes and checkpoint columns recomputed) is caught against the signed checkpoints, and, when the
 * attacker also holds the signing key, against the witness's copy; a deleted tail is caught; a
 * forged checkpoint fails its signature. And it holds under load: many writers make one tree with
 * no gap and no duplicate, one integrator holds the lease, and a batch that fails midway loses
 * nothing.
 *
 * <p>Tests that tamper with the tables hold the integrator's lease while they do, so the server's
 * integrator does not extend a tree that is being rewritten, and put every row back before they
 * give it up.
 */
@ExtendWith(ArquillianExtension.class)
class TransparencyLogIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    // the JDK's small HTTP server plays the HTTP witness (C2spTestWitness)
    return Deployments.warWith(TransparencyLogIT.class, C2spTestWitness.class)
        .addAsManifestResource(
            new org.jboss.shrinkwrap.api.asset.StringAsset("Dependencies: jdk.httpserver\n"),
            "MANIFEST.MF");
  }

  @Inject AuditLog audit;

  @Inject AuditIntegrator integrator;

  @Inject LogVerifier verifier;

  @Inject IntegratorLease lease;

  @Inject Witnesses witnesses;

  @Inject LogKey key;

  @Inject TransparencyLog log;

  @Inject WitnessRecord witnessRecord;

  @Inject UserTransaction tx;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private long record(String details) throws Exception {
    return inTransaction(() -> audit.record("tlog.it", "TEST_ENTRY", "Test", "1", details).id());
  }

  private <T> T inTransaction(Callable<T> work) throws Exception {
    tx.begin();
    try {
      T result = work.call();
      tx.commit();
      return result;
    } catch (Exception e) {
      tx.rollback();
      throw e;
    }
  }

  /** Runs the integrator until the queue is empty; returns the tree size. */
  private long integrateAll() throws Exception {
    for (int i = 0; i < 1_000; i++) {
      AuditIntegrator.Batch batch = integrator.integrateBatch();
      assertTrue(batch.leader(), "the server's integrator holds the lease");
      if (batch.sequenced() == 0) {
        return batch.treeSize();
      }
    }
    throw new AssertionError("the queue never emptied");
  }

  /** Integrates everything and hands the latest checkpoint to the witness directory. */
  private long integrateAndWitness() throws Exception {
    long size = integrateAll();
    witnesses.push(latestNote());
    return size;
  }

  private String noteOf(long treeSize) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT note FROM audit_checkpoint WHERE tree_size = ?")) {
      ps.setLong(1, treeSize);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a checkpoint of size " + treeSize + " is published");
        return rs.getString(1);
      }
    }
  }

  private String latestNote() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT note FROM audit_checkpoint ORDER BY tree_size DESC LIMIT 1")) {
      assertTrue(rs.next(), "a checkpoint is published");
      return rs.getString(1);
    }
  }

  private int sql(String statement, Object... parameters) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    }
  }

  private long number(String query, Object... parameters) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        return rs.getLong(1);
      }
    }
  }

  private long seqOf(long entryId) throws Exception {
    return number("SELECT seq FROM audit_leaf WHERE entry_id = ?", entryId);
  }

  /** Holds the integrator's lease for the test (10 minutes at most); close gives it up. */
  private AutoCloseable paused() throws Exception {
    inTransaction(
        () ->
            sql(
                "UPDATE audit_lease SET holder = 'tlog.it', expires_at = ? WHERE name = 'integrator'",
                java.sql.Timestamp.valueOf(
                    java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10))));
    return () ->
        inTransaction(
            () ->
                sql(
                    "UPDATE audit_lease SET holder = '', expires_at = ? WHERE name = 'integrator'",
                    java.sql.Timestamp.valueOf("1970-01-01 00:00:00")));
  }

  @Test
  void anIntactLogVerifiesAgainstItsCheckpointsAndTheWitness() throws Exception {
    record("first");
    record("second");
    integrateAndWitness();
    LogVerifier.Verdict verdict = verifier.verify();
    assertTrue(verdict.valid(), verdict.reason());
    assertTrue(verdict.entries() >= 2);
    assertTrue(verdict.checkpoints() >= 1);
    assertNotNull(verdict.witnessSize(), "held against the witness directory's copy");
  }

  @Test
  void anEntryAlteredBySqlIsNamed() throws Exception {
    long target = record("original details");
    record("a later entry");
    integrateAndWitness();
    long seq = seqOf(target);
    try (AutoCloseable pause = paused()) {
      assertEquals(1, sql("UPDATE audit_entry SET details = 'tampered' WHERE id = ?", target));
      LogVerifier.Verdict verdict = verifier.verify();
      assertFalse(verdict.valid());
      assertEquals(seq, verdict.firstInvalidSequence(), verdict.reason());
      assertTrue(verdict.reason().contains("entry " + seq + " was altered"), verdict.reason());
      sql("UPDATE audit_entry SET details = 'original details' WHERE id = ?", target);
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  /** The rows a consistent rewrite changed, as they were, to put back. */
  private record Rewrite(
      long entryId,
      long seq,
      String details,
      byte[] leaf,
      byte[] leafHash,
      Map<long[], byte[]> nodes,
      Map<Long, byte[]> roots,
      Map<Long, String> notes) {}

  /**
   * What an administrator with the database password can do: change an entry, then recompute its
   * leaf, its leaf hash, every node above it and every checkpoint's root column, so that the tables
   * agree with each other. With {@code stolenKey}, they also re-sign every checkpoint.
   */
  private Rewrite rewrite(long entryId, boolean stolenKey) throws Exception {
    long seq = seqOf(entryId);
    Map<long[], byte[]> oldNodes = new LinkedHashMap<>();
    Map<Long, byte[]> oldRoots = new LinkedHashMap<>();
    Map<Long, String> oldNotes = new LinkedHashMap<>();
    String oldDetails;
    byte[] oldLeaf;
    byte[] oldLeafHash;
    try (Connection c = dataSource.getConnection()) {
      AuditLeaf forged;
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT e.at, e.actor, e.action, e.object_type, e.object_id, e.details, e.leaf,"
                  + " l.leaf_hash FROM audit_entry e JOIN audit_leaf l ON l.entry_id = e.id"
                  + " WHERE e.id = ?")) {
        ps.setLong(1, entryId);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          AuditLeaf original = AuditLeaf.decode(rs.getBytes(7));
          oldDetails = rs.getString(6);
          oldLeaf = rs.getBytes(7);
          oldLeafHash = rs.getBytes(8);
          forged =
              new AuditLeaf(
                  original.at(),
                  original.actor(),
                  original.action(),
                  original.objectType(),
                  original.objectId(),
                  "rewritten by the administrator");
        }
      }
      sql(
          "UPDATE audit_entry SET details = ?, leaf = ? WHERE id = ?",
          forged.details(),
          forged.encode(),
          entryId);
      sql("UPDATE audit_leaf SET leaf_hash = ? WHERE seq = ?", forged.leafHash(), seq);
      MemoryTree tree = new MemoryTree();
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT leaf_hash FROM audit_leaf ORDER BY seq")) {
        while (rs.next()) {
          tree.append(rs.getBytes(1));
        }
      }
      List<Object[]> stored = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement().executeQuery("SELECT height, idx, hash FROM audit_node")) {
        while (rs.next()) {
          stored.add(new Object[] {rs.getInt(1), rs.getLong(2), rs.getBytes(3)});
        }
      }
      for (Object[] node : stored) {
        byte[] recomputed = tree.node((Integer) node[0], (Long) node[1]);
        if (!java.util.Arrays.equals(recomputed, (byte[]) node[2])) {
          oldNodes.put(new long[] {(Integer) node[0], (Long) node[1]}, (byte[]) node[2]);
          sql(
              "UPDATE audit_node SET hash = ? WHERE height = ? AND idx = ?",
              recomputed,
              node[0],
              node[1]);
        }
      }
      List<Object[]> checkpoints = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT tree_size, root_hash, note FROM audit_checkpoint WHERE tree_size > ?")) {
        ps.setLong(1, seq);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            checkpoints.add(new Object[] {rs.getLong(1), rs.getBytes(2), rs.getString(3)});
          }
        }
      }
      for (Object[] checkpoint : checkpoints) {
        long size = (Long) checkpoint[0];
        byte[] root = Merkle.rootOf(tree, size);
        oldRoots.put(size, (byte[]) checkpoint[1]);
        oldNotes.put(size, (String) checkpoint[2]);
        String note =
            stolenKey
                ? key.sign(new Checkpoint(key.origin(), size, root).body())
                : (String) checkpoint[2];
        sql(
            "UPDATE audit_checkpoint SET root_hash = ?, note = ? WHERE tree_size = ?",
            root,
            note,
            size);
      }
    }
    return new Rewrite(
        entryId, seq, oldDetails, oldLeaf, oldLeafHash, oldNodes, oldRoots, oldNotes);
  }

  private void undo(Rewrite rewrite) throws Exception {
    sql(
        "UPDATE audit_entry SET details = ?, leaf = ? WHERE id = ?",
        rewrite.details(),
        rewrite.leaf(),
        rewrite.entryId());
    sql("UPDATE audit_leaf SET leaf_hash = ? WHERE seq = ?", rewrite.leafHash(), rewrite.seq());
    for (Map.Entry<long[], byte[]> node : rewrite.nodes().entrySet()) {
      sql(
          "UPDATE audit_node SET hash = ? WHERE height = ? AND idx = ?",
          node.getValue(),
          node.getKey()[0],
          node.getKey()[1]);
    }
    for (Map.Entry<Long, byte[]> root : rewrite.roots().entrySet()) {
      sql(
          "UPDATE audit_checkpoint SET root_hash = ?, note = ? WHERE tree_size = ?",
          root.getValue(),
          rewrite.notes().get(root.getKey()),
          root.getKey());
    }
  }

  @Test
  void aLogRewrittenConsistentlyBySqlIsCaughtAgainstItsSignedCheckpoints() throws Exception {
    long target = record("to be rewritten");
    record("a later entry");
    integrateAndWitness();
    try (AutoCloseable pause = paused()) {
      Rewrite rewrite = rewrite(target, false);
      try {
        assertFalse(rewrite.nodes().isEmpty(), "the nodes above the entry were recomputed");
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid(), "the rewritten tables agree with each other, not the notes");
        // the checkpoints up to the entry still match: the first entry they do not vouch for
        long lastGood =
            number(
                "SELECT COALESCE(MAX(tree_size), 0) FROM audit_checkpoint WHERE tree_size <= ?",
                rewrite.seq());
        assertEquals(lastGood, verdict.firstInvalidSequence(), verdict.reason());
        assertTrue(
            verdict.reason().contains("differ from the note the log signed"), verdict.reason());
      } finally {
        undo(rewrite);
      }
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  /**
   * The attacker also holds the signing key: every checkpoint in the database is re-signed for the
   * rewritten tree, and the log grows on. The witness, which last saw the log before the later
   * entries, refuses the next checkpoint (its consistency proof, computed from the rewritten nodes,
   * does not lead from the root it holds) and keeps its copy, against which the log is caught.
   */
  @Test
  void aRewriteReSignedWithAStolenKeyIsRefusedByTheWitnessAndCaughtAgainstItsCopy()
      throws Exception {
    long target = record("to be rewritten, then re-signed");
    long witnessed = integrateAll();
    String witnessedNote = noteOf(witnessed);
    record("a later entry");
    long size = integrateAndWitness();
    Path directory = witnesses.directory().orElseThrow();
    try (AutoCloseable pause = paused();
        AutoCloseable forget = witnesses::forgetRefusals) {
      // the witness last saw the tree that first took the entry
      Files.writeString(directory.resolve(Witnesses.FILE), witnessedNote);
      Rewrite rewrite = rewrite(target, true);
      try {
        witnesses.push(latestNote());
        Witnesses.Refusal refusal = witnesses.refusal().orElseThrow();
        assertEquals(size, refusal.size());
        // recorded where every node reads it, not only in this node's memory
        assertEquals(
            size,
            number(
                "SELECT refused_size FROM audit_witness_state WHERE witness = ?",
                refusal.witness()));
        assertEquals(0, refusal.firstDoubtful());
        assertEquals(
            "the tree of size "
                + size
                + " does not extend the one it holds (size "
                + witnessed
                + "): an entry from 0 to "
                + (witnessed - 1)
                + " was changed or replaced",
            refusal.reason());
        assertEquals(
            witnessedNote,
            Files.readString(directory.resolve(Witnesses.FILE)),
            "the witness keeps its copy");
        assertEquals(
            latestNote(),
            Files.readString(directory.resolve(Witnesses.REFUSED)),
            "and the refused note, as evidence");
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid(), "every checkpoint verifies, but not the witness's copy");
        assertEquals(0L, verdict.firstInvalidSequence(), "the key vouches for nothing now");
        assertTrue(
            verdict
                .reason()
                .contains(
                    "another root than the witness's checkpoint (the log's key signed the change):"
                        + " an entry from 0 to "
                        + (witnessed - 1)
                        + " was changed"),
            verdict.reason());
      } finally {
        undo(rewrite);
      }
      witnesses.push(latestNote());
      assertTrue(
          witnesses.refusal().isEmpty(),
          "the genuine log extends the witness's copy: it accepts, which resolves the refusal");
      assertEquals(latestNote(), Files.readString(directory.resolve(Witnesses.FILE)));
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  /**
   * The log cut back below what the HTTP witness cosigned (a tail deleted with its checkpoints, or
   * an old backup restored), while the witness directory happens to hold an older copy: the
   * database and the directory agree with each other, the HTTP witness does not, and the
   * verification says so.
   */
  @Test
  void aRefusalByTheHttpWitnessIsReportedByTheVerification() throws Exception {
    C2spTestWitness witness = new C2spTestWitness(key.verifierKey());
    witness.start(URI.create(System.getProperty("custodian.audit.witness.url")).getPort());
    try {
      long kept = integrateAll();
      String keptNote = noteOf(kept);
      record("to be cut off");
      long cosigned = awaitWitnessed(witness, record("to be cut off too"));
      awaitKept(cosigned);
      long firstGone =
          number("SELECT MIN(tree_size) FROM audit_cosignature WHERE tree_size > ?", kept);
      Path directory = witnesses.directory().orElseThrow();
      String directoryCopy = Files.readString(directory.resolve(Witnesses.FILE));
      try (AutoCloseable pause = paused()) {
        Tail tail = cutTail(kept);
        List<Object[]> cosignatures =
            rows(
                "SELECT tree_size, witness, cosigned_at, line FROM audit_cosignature"
                    + " WHERE tree_size > ?",
                kept);
        try {
          Files.writeString(directory.resolve(Witnesses.FILE), keptNote);
          witnesses.push(keptNote);
          Witnesses.Refusal refusal = witnesses.refusal().orElseThrow();
          assertTrue(refusal.witness().startsWith("http://127.0.0.1:"), refusal.witness());
          assertEquals(0, refusal.firstDoubtful());
          // the cosignatures kept for the checkpoints cut off show it first
          LogVerifier.Verdict gone = verifier.verify();
          assertFalse(gone.valid());
          assertEquals(0L, gone.firstInvalidSequence());
          assertEquals(
              "the checkpoint of size "
                  + firstGone
                  + ", which the witness "
                  + C2spTestWitness.KEY
                  + " cosigned, is gone: the log was cut back below it, or the checkpoint deleted",
              gone.reason());
          // whoever cut the log deletes those too: the witness's refusal still tells
          sql("DELETE FROM audit_cosignature WHERE tree_size > ?", kept);
          LogVerifier.Verdict verdict = verifier.verify();
          assertFalse(verdict.valid(), "the tables and the directory agree; the witness does not");
          assertEquals(0L, verdict.firstInvalidSequence());
          assertTrue(
              verdict
                  .reason()
                  .contains(
                      "refused the checkpoint of size "
                          + kept
                          + " at "
                          + refusal.at()
                          + ": it holds a larger tree ("
                          + cosigned
                          + " entries) than the log's "
                          + kept
                          + ": the log was cut back, entries from "
                          + kept
                          + " to "
                          + (cosigned - 1)
                          + " are gone"),
              verdict.reason());
        } finally {
          restore(tail);
          sql("DELETE FROM audit_cosignature WHERE tree_size > ?", kept);
          for (Object[] row : cosignatures) {
            sql(
                "INSERT INTO audit_cosignature (tree_size, witness, cosigned_at, line)"
                    + " VALUES (?, ?, ?, ?)",
                row);
          }
          Files.writeString(directory.resolve(Witnesses.FILE), directoryCopy);
          witnesses.forgetRefusals();
        }
      }
    } finally {
      witness.stop();
    }
    assertTrue(verifier.verify().valid());
  }

  /** The leaves from a size on and the checkpoints beyond it, as they were before they were cut. */
  private record Tail(List<Object[]> leaves, List<Object[]> checkpoints) {}

  /**
   * Deletes the leaves from {@code from} on and the checkpoints beyond it, as an attacker would.
   */
  private Tail cutTail(long from) throws Exception {
    Tail tail =
        new Tail(
            rows("SELECT seq, entry_id, leaf_hash FROM audit_leaf WHERE seq >= ?", from),
            rows(
                "SELECT tree_size, root_hash, published_at, note FROM audit_checkpoint"
                    + " WHERE tree_size > ?",
                from));
    sql("DELETE FROM audit_leaf WHERE seq >= ?", from);
    sql("DELETE FROM audit_checkpoint WHERE tree_size > ?", from);
    return tail;
  }

  private void restore(Tail tail) throws Exception {
    for (Object[] leaf : tail.leaves()) {
      sql("INSERT INTO audit_leaf (seq, entry_id, leaf_hash) VALUES (?, ?, ?)", leaf);
    }
    for (Object[] checkpoint : tail.checkpoints()) {
      sql(
          "INSERT INTO audit_checkpoint (tree_size, root_hash, published_at, note)"
              + " VALUES (?, ?, ?, ?)",
          checkpoint);
    }
  }

  private List<Object[]> rows(String query, Object... parameters) throws Exception {
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(query)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[columns];
          for (int c2 = 0; c2 < columns; c2++) {
            row[c2] = rs.getObject(c2 + 1);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  @Test
  void aDeletedTailIsCaught() throws Exception {
    record("tail 1");
    record("tail 2");
    record("tail 3");
    long size = integrateAndWitness();
    long from = size - 3;
    try (AutoCloseable pause = paused()) {
      Tail tail = cutTail(from);
      try {
        assertEquals(3, tail.leaves().size());
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid(), "the tail and its checkpoints are gone, not the witness's");
        assertEquals(from, verdict.firstInvalidSequence(), verdict.reason());
        assertTrue(verdict.reason().contains("were removed"), verdict.reason());
      } finally {
        restore(tail);
      }
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  @Test
  void aForgedCheckpointFailsItsSignature() throws Exception {
    record("before the forgery");
    long size = integrateAndWitness();
    String original = latestNote();
    var forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Checkpoint claimed = Checkpoint.parse(original.substring(0, original.indexOf("\n\n") + 1));
    String forged = Note.sign(claimed.body(), key.origin(), forger.getPrivate());
    try (AutoCloseable pause = paused()) {
      try {
        sql("UPDATE audit_checkpoint SET note = ? WHERE tree_size = ?", forged, size);
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid());
        assertTrue(verdict.reason().contains("is not signed by the log's key"), verdict.reason());
      } finally {
        sql("UPDATE audit_checkpoint SET note = ? WHERE tree_size = ?", original, size);
      }
      // a forged checkpoint that claims more entries than the log has is a forgery, not a tail
      // removed
      Checkpoint larger = new Checkpoint(key.origin(), size + 5, claimed.rootHash());
      try {
        sql(
            "INSERT INTO audit_checkpoint (tree_size, root_hash, published_at, note)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP, ?)",
            larger.size(),
            larger.rootHash(),
            Note.sign(larger.body(), key.origin(), forger.getPrivate()));
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid());
        assertEquals(size, verdict.firstInvalidSequence(), "every entry is as it was");
        assertEquals(
            "the checkpoint of size "
                + (size + 5)
                + ", beyond the log's "
                + size
                + " entries, is not signed by the log's key",
            verdict.reason().substring(0, verdict.reason().indexOf(" (")),
            verdict.reason());
      } finally {
        sql("DELETE FROM audit_checkpoint WHERE tree_size = ?", larger.size());
      }
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  /** An entry deleted from the middle, and a leaf hash changed alone, are each named. */
  @Test
  void aDeletedEntryAndAChangedLeafHashAreNamed() throws Exception {
    long target = record("to be deleted, then to have its hash changed");
    record("a later entry");
    integrateAndWitness();
    long seq = seqOf(target);
    try (AutoCloseable pause = paused()) {
      byte[] leafHash;
      try (Connection c = dataSource.getConnection();
          PreparedStatement ps =
              c.prepareStatement("SELECT leaf_hash FROM audit_leaf WHERE seq = ?")) {
        ps.setLong(1, seq);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          leafHash = rs.getBytes(1);
        }
      }
      try {
        sql("DELETE FROM audit_leaf WHERE seq = ?", seq);
        LogVerifier.Verdict gap = verifier.verify();
        assertFalse(gap.valid());
        assertEquals(seq, gap.firstInvalidSequence());
        assertEquals("entry " + seq + " is missing", gap.reason());
      } finally {
        sql(
            "INSERT INTO audit_leaf (seq, entry_id, leaf_hash) VALUES (?, ?, ?)",
            seq,
            target,
            leafHash);
      }
      byte[] other = leafHash.clone();
      other[0] ^= 1;
      try {
        sql("UPDATE audit_leaf SET leaf_hash = ? WHERE seq = ?", other, seq);
        LogVerifier.Verdict changed = verifier.verify();
        assertFalse(changed.valid());
        assertEquals(seq, changed.firstInvalidSequence());
        assertEquals(
            "entry " + seq + " was altered: its leaf no longer hashes to the tree's leaf hash",
            changed.reason());
      } finally {
        sql("UPDATE audit_leaf SET leaf_hash = ? WHERE seq = ?", leafHash, seq);
      }
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  @Test
  void eightWritersOfFiveHundredEventsMakeOneTreeWithNoGapAndNoDuplicate() throws Exception {
    String run = "writers-" + System.nanoTime();
    int writers = 8;
    int each = 500;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(
          executor.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  record(run + " writer " + writer + " event " + i);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    long size = integrateAll();
    assertEquals(
        writers * each,
        number(
            "SELECT COUNT(*) FROM audit_entry e JOIN audit_leaf l ON l.entry_id = e.id"
                + " WHERE e.details LIKE ?",
            run + " %"),
        "every event has a sequence number");
    assertEquals(size, number("SELECT COUNT(*) FROM audit_leaf"), "no gap: 0 to size - 1");
    assertEquals(size - 1, number("SELECT MAX(seq) FROM audit_leaf"));
    assertEquals(size, number("SELECT COUNT(DISTINCT entry_id) FROM audit_leaf"), "no duplicate");
    assertEquals(0, number("SELECT COUNT(*) FROM audit_unsequenced"), "nothing left behind");
    LogVerifier.Verdict verdict = verifier.verify();
    assertTrue(verdict.valid(), verdict.reason());
  }

  /**
   * Two integrators never both hold the lease. The times are a day ahead, where the server's own
   * lease (renewed every half second for 15 seconds) has long expired, so the server's integrator
   * is one more contender that always loses until the test gives the lease back.
   */
  @Test
  void aLeaseIsHeldByOneIntegratorAtATime() throws Exception {
    Instant t = Instant.now().plus(Duration.ofDays(1));
    Duration lease2s = Duration.ofSeconds(2);
    try {
      assertTrue(take("integrator-a", t, lease2s), "expired: a takes it");
      assertFalse(take("integrator-b", t, lease2s), "held by a");
      assertTrue(take("integrator-a", t.plusSeconds(1), lease2s), "a renews");
      assertFalse(take("integrator-b", t.plusMillis(2_500), lease2s), "renewed until t + 3 s");
      assertTrue(take("integrator-b", t.plusSeconds(4), lease2s), "expired: b takes it");
      assertFalse(take("integrator-a", t.plusSeconds(4), lease2s), "a lost it");

      // eight contenders for the expired lease at the same instant: exactly one wins
      Instant later = t.plusSeconds(10);
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger winners = new AtomicInteger();
      List<Future<?>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String holder = "racer-" + i;
        racers.add(
            executor.submit(
                () -> {
                  go.await();
                  if (take(holder, later, Duration.ofMinutes(1))) {
                    winners.incrementAndGet();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> racer : racers) {
        racer.get();
      }
      assertEquals(1, winners.get(), "one holder");
    } finally {
      inTransaction(
          () ->
              sql(
                  "UPDATE audit_lease SET holder = '', expires_at = ? WHERE name = 'integrator'",
                  java.sql.Timestamp.valueOf("1970-01-01 00:00:00")));
    }
    integrateAll();
  }

  private boolean take(String holder, Instant now, Duration duration) throws Exception {
    return inTransaction(
        () -> {
          try (Connection c = dataSource.getConnection()) {
            return lease.take(c, holder, now, duration);
          }
        });
  }

  /**
   * A node that dies mid-batch: the batch's transaction never commits, once rolled back after its
   * work and once failing inside it (its last statement refused by the database). The test holds
   * the lease itself ("tlog.it"), so the server's integrator stays out and the batch is the test's
   * alone.
   */
  @Test
  void aBatchThatFailsMidwayLosesNothingAndSequencesNothingTwice() throws Exception {
    integrateAll();
    try (AutoCloseable pause = paused()) {
      List<Long> ids = List.of(record("crash 1"), record("crash 2"), record("crash 3"));
      long before = number("SELECT COUNT(*) FROM audit_leaf");
      long nodes = number("SELECT COUNT(*) FROM audit_node");
      tx.begin();
      try {
        AuditIntegrator.Batch batch = integrator.integrate(100, "tlog.it");
        assertTrue(batch.leader());
        assertTrue(batch.sequenced() >= 3, "the batch took the three entries");
      } finally {
        tx.rollback();
      }
      assertNothingWritten(before, nodes, ids);
      // and a batch that dies inside its own work: the database refuses its last statement (the
      // checkpoint's insert, after the leaves and nodes are written), as a connection lost there
      sql(
          "CREATE TRIGGER tlog_it_node_dies BEFORE INSERT ON audit_checkpoint FOR EACH ROW"
              + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the node died'");
      try {
        assertThrows(
            Exception.class, () -> inTransaction(() -> integrator.integrate(100, "tlog.it")));
      } finally {
        sql("DROP TRIGGER tlog_it_node_dies");
      }
      assertNothingWritten(before, nodes, ids);
      AuditIntegrator.Batch retried = inTransaction(() -> integrator.integrate(100, "tlog.it"));
      assertTrue(retried.sequenced() >= 3);
      for (long id : ids) {
        assertEquals(
            1,
            number("SELECT COUNT(*) FROM audit_leaf WHERE entry_id = ?", id),
            "entry " + id + " is in the tree exactly once");
      }
    }
    long size = integrateAll();
    assertEquals(size, number("SELECT COUNT(*) FROM audit_leaf"));
    assertEquals(size - 1, number("SELECT MAX(seq) FROM audit_leaf"), "no gap");
    assertTrue(verifier.verify().valid());
  }

  /** After a batch that did not commit: no leaf, no node, and every entry still queued. */
  private void assertNothingWritten(long leaves, long nodes, List<Long> ids) throws Exception {
    assertEquals(leaves, number("SELECT COUNT(*) FROM audit_leaf"), "nothing sequenced");
    assertEquals(nodes, number("SELECT COUNT(*) FROM audit_node"), "no node half-written");
    assertEquals(
        ids.size(),
        number("SELECT COUNT(*) FROM audit_unsequenced WHERE entry_id IN (?, ?, ?)", ids.toArray()),
        "nothing lost");
  }

  /**
   * The witnesses the server is configured with (arquillian.xml: a directory, and an HTTP witness
   * on the loopback address) are offered each checkpoint the server's own integrator signs: the
   * HTTP one by the C2SP tlog-witness protocol, each offer after the first with the consistency
   * proof from the tree it cosigned.
   */
  @Test
  void theConfiguredWitnessesAreOfferedEachCheckpointTheIntegratorSigns() throws Exception {
    URI configured = URI.create(System.getProperty("custodian.audit.witness.url"));
    C2spTestWitness witness = new C2spTestWitness(key.verifierKey());
    witness.start(configured.getPort());
    try {
      awaitWitnessed(witness, record("for the witnesses"));
      long second = awaitWitnessed(witness, record("for the witnesses, later"));
      String last = witness.bodies().get(witness.bodies().size() - 1);
      assertTrue(last.matches("(?s)old [1-9][0-9]*\n([A-Za-z0-9+/=]{44}\n)+\n.*"), last);
      Checkpoint held =
          Checkpoint.parse(
              Note.open(
                  Files.readString(witnesses.directory().orElseThrow().resolve(Witnesses.FILE)),
                  key.verifierKey()));
      assertTrue(held.size() >= second, "the directory witness holds the latest too");
      assertTrue(witnesses.refusal().isEmpty());
    } finally {
      witness.stop();
    }
  }

  /**
   * With the witness's cosignature key configured (arquillian.xml names the test witness's), the
   * witness's answer is verified and kept, and the checkpoint is served with the witness's line:
   * what the auditor downloads shows that the witness saw it. A line the table holds that does not
   * verify on its checkpoint (copied onto another by SQL) is not served.
   */
  @Test
  void aCheckpointTheWitnessCosignedIsServedWithItsCosignature() throws Exception {
    assertEquals(C2spTestWitness.KEY, witnesses.cosignatureKey().orElseThrow());
    C2spTestWitness witness = new C2spTestWitness(key.verifierKey());
    witness.start(URI.create(System.getProperty("custodian.audit.witness.url")).getPort());
    long cosigned;
    try {
      cosigned = awaitWitnessed(witness, record("to be cosigned"));
    } finally {
      witness.stop();
    }
    awaitKept(cosigned);
    Actor auditor = new Actor("auditor.tlog", Set.of(Roles.AUDITOR), Set.of(), null);
    String served = log.since(auditor, cosigned, 1).get(0).note();
    assertEquals(noteOf(cosigned), Note.split(served).body() + "\n" + logLine(served) + "\n");
    Cosignature.Verified cosignature = Cosignature.find(served, C2spTestWitness.KEY).orElseThrow();
    assertEquals(C2spTestWitness.KEY, cosignature.witness());
    assertEquals(
        cosigned, Checkpoint.parse(Note.open(served, key.verifierKey())).size(), "the log's too");

    // a stored line that smuggles in another line: only what verified is served, re-encoded
    String genuine = line(cosigned);
    inTransaction(
        () ->
            sql(
                "UPDATE audit_cosignature SET line = ? WHERE tree_size = ?",
                genuine + "\n— x.test/w AAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                cosigned));
    try {
      assertFalse(log.since(auditor, cosigned, 1).get(0).note().contains("x.test/w"));
    } finally {
      inTransaction(
          () ->
              sql("UPDATE audit_cosignature SET line = ? WHERE tree_size = ?", genuine, cosigned));
    }
    assertEquals(served, log.since(auditor, cosigned, 1).get(0).note());

    // the daily download is the latest checkpoint the witness cosigned, not a later one it did not
    record("after the witness stopped");
    long later = integrateAll();
    assertTrue(later > cosigned);
    TransparencyLog.PublishedCheckpoint daily =
        log.daily(auditor, java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    assertTrue(daily.treeSize() >= cosigned && daily.treeSize() < later, daily.toString());
    assertTrue(Cosignature.find(daily.note(), C2spTestWitness.KEY).isPresent(), daily.note());

    // the witness's line copied by SQL onto a checkpoint it did not cosign is not served
    long copiedOnto =
        number(
            "SELECT MAX(c.tree_size) FROM audit_checkpoint c WHERE c.tree_size < ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_cosignature x WHERE x.tree_size = c.tree_size)",
            cosigned);
    assertTrue(copiedOnto > 0, "a checkpoint the witness did not cosign");
    inTransaction(
        () ->
            sql(
                "INSERT INTO audit_cosignature (tree_size, witness, cosigned_at, line)"
                    + " SELECT ?, witness, cosigned_at, line FROM audit_cosignature"
                    + " WHERE tree_size = ?",
                copiedOnto,
                cosigned));
    try {
      String copied = log.since(auditor, copiedOnto, 1).get(0).note();
      assertTrue(Cosignature.find(copied, C2spTestWitness.KEY).isEmpty(), copied);
      assertEquals(noteOf(copiedOnto), copied);
    } finally {
      inTransaction(() -> sql("DELETE FROM audit_cosignature WHERE tree_size = ?", copiedOnto));
    }
  }

  /**
   * A rewrite re-signed with the stolen log key, while the directory witness is out of the picture
   * (it holds the re-signed checkpoint): every checkpoint verifies and matches the entries, but the
   * cosignature the HTTP witness made on a checkpoint covering the entry no longer verifies on it.
   */
  @Test
  void aCosignatureKeptCatchesARewriteSignedWithTheStolenKey() throws Exception {
    C2spTestWitness witness = new C2spTestWitness(key.verifierKey());
    witness.start(URI.create(System.getProperty("custodian.audit.witness.url")).getPort());
    long target = record("to be rewritten after the witness cosigned it");
    long cosigned;
    try {
      cosigned = awaitWitnessed(witness, target);
    } finally {
      witness.stop();
    }
    awaitKept(cosigned);
    long seq = seqOf(target);
    long first = number("SELECT MIN(tree_size) FROM audit_cosignature WHERE tree_size > ?", seq);
    Path directory = witnesses.directory().orElseThrow();
    String directoryCopy = Files.readString(directory.resolve(Witnesses.FILE));
    try (AutoCloseable pause = paused();
        AutoCloseable forget = witnesses::forgetRefusals) {
      Rewrite rewrite = rewrite(target, true);
      try {
        Files.writeString(directory.resolve(Witnesses.FILE), latestNote());
        LogVerifier.Verdict verdict = verifier.verify();
        assertFalse(verdict.valid(), "the checkpoints agree with the rewrite; the cosignature not");
        assertEquals(0L, verdict.firstInvalidSequence());
        assertTrue(
            verdict
                .reason()
                .startsWith(
                    "the checkpoint of size "
                        + first
                        + ", which the witness "
                        + C2spTestWitness.KEY
                        + " cosigned, no longer carries the root the witness cosigned"),
            verdict.reason());
        // nor is the cosignature served with the re-signed checkpoint
        Actor auditor = new Actor("auditor.tlog", Set.of(Roles.AUDITOR), Set.of(), null);
        assertTrue(
            Cosignature.find(log.since(auditor, first, 1).get(0).note(), C2spTestWitness.KEY)
                .isEmpty());
      } finally {
        undo(rewrite);
        Files.writeString(directory.resolve(Witnesses.FILE), directoryCopy);
      }
    }
    LogVerifier.Verdict restored = verifier.verify();
    assertTrue(restored.valid(), restored.reason());
  }

  private String line(long treeSize) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT line FROM audit_cosignature WHERE tree_size = ?")) {
      ps.setLong(1, treeSize);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a cosignature is kept for " + treeSize);
        return rs.getString(1);
      }
    }
  }

  /**
   * A refusal stands, for every node, until the same witness accepts a checkpoint at least as large
   * that the log still has: a late acceptance of a smaller one, or of a checkpoint the log no
   * longer has (another root), resolves nothing.
   */
  @Test
  void aRefusalStandsUntilTheWitnessAcceptsACheckpointTheLogHas() throws Exception {
    record("for a refusal");
    integrateAll();
    record("for a refusal, later");
    long size = integrateAll();
    byte[] root = Checkpoint.parse(Note.open(noteOf(size), key.verifierKey())).rootHash();
    long smaller = number("SELECT MAX(tree_size) FROM audit_checkpoint WHERE tree_size < ?", size);
    byte[] smallerRoot = Checkpoint.parse(Note.open(noteOf(smaller), key.verifierKey())).rootHash();
    String witness = System.getProperty("custodian.audit.witness.url");
    try {
      witnessRecord.refused(new Witnesses.Refusal(witness, size, "a test refusal", Instant.now()));
      assertEquals(witness, witnesses.refusal().orElseThrow().witness());
      witnessRecord.accepted(witness, smaller, smallerRoot, Instant.now());
      assertTrue(witnesses.refusal().isPresent(), "a smaller checkpoint resolves nothing");
      byte[] otherRoot = root.clone();
      otherRoot[0] ^= 1;
      witnessRecord.accepted(witness, size, otherRoot, Instant.now());
      assertTrue(witnesses.refusal().isPresent(), "nor one the log does not have");
      witnessRecord.accepted(witness, size, root, Instant.now());
      assertTrue(witnesses.refusal().isEmpty(), "the log's own checkpoint resolves it");
      // refused again: it stands again
      witnessRecord.refused(new Witnesses.Refusal(witness, size, "again", Instant.now()));
      assertEquals("again", witnesses.refusal().orElseThrow().reason());
    } finally {
      witnesses.forgetRefusals();
    }
  }

  /** The log's own signature line of a served note. */
  private String logLine(String note) {
    return Note.split(note).by(key.verifierKey().name(), key.verifierKey().keyId()).get(0).line();
  }

  /** Waits (30 s at most) until the witness's cosignature on the checkpoint of size is kept. */
  private void awaitKept(long size) throws Exception {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (number("SELECT COUNT(*) FROM audit_cosignature WHERE tree_size = ?", size) == 0) {
      assertTrue(System.nanoTime() < until, "the cosignature on " + size + " was kept");
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
    }
  }

  /**
   * Waits (30 s at most) until the server's integrator has sequenced the entry and the witness has
   * cosigned a tree that includes it; that tree's size.
   */
  private long awaitWitnessed(C2spTestWitness witness, long entryId) throws Exception {
    long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      long sequenced = number("SELECT COUNT(*) FROM audit_leaf WHERE entry_id = ?", entryId);
      if (sequenced == 1 && witness.size() > seqOf(entryId)) {
        return witness.size();
      }
      assertTrue(System.nanoTime() < until, "entry " + entryId + " reached the witness");
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
    }
  }
}
