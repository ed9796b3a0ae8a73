package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.custodian.audit.entity.AuditCheckpoint;
import org.custodian.audit.entity.AuditCosignature;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.audit.entity.SequencedLeaf;
import org.custodian.platform.Actor;
import org.custodian.tlog.AuditLeaf;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.CompactRange;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.custodian.tlog.NoteException;

/**
 * Recomputes the whole tree from the entries and holds it against every signed checkpoint, and
 * against the witness directory's copy when there is one. It names the first bad entry:
 *
 * <ul>
 *   <li>an entry whose columns no longer encode its leaf, or whose leaf no longer hashes to the
 *       tree's leaf hash (an entry altered by SQL);
 *   <li>a missing sequence number (a deleted entry);
 *   <li>the first entry after the last checkpoint that still matches, when a checkpoint's signed
 *       root differs from the recomputed one (a log rewritten consistently, hashes and all: the
 *       rewriter cannot sign for the new tree);
 *   <li>the first entry no signed checkpoint covers, or that a checkpoint covers but is gone (a
 *       removed tail, caught even with the checkpoints removed when a witness holds a copy).
 * </ul>
 */
@ApplicationScoped
public class LogVerifier {

  private static final int PAGE = 2_000;

  @PersistenceContext EntityManager em;

  @Inject AuditPolicy policy;

  @Inject LogKey key;

  @Inject Witnesses witnesses;

  /**
   * The verdict: {@code firstInvalidSequence} names the first bad entry (null when valid). {@code
   * treeSize} is the size of the tree recomputed, {@code checkpoints} how many signed checkpoints
   * it matched, {@code witnessSize} the size of the witness's copy it was held against.
   */
  public record Verdict(
      boolean valid,
      long entries,
      Long firstInvalidSequence,
      long checkpoints,
      Long witnessSize,
      String reason) {}

  /** The tree recomputed, for those who read the audit log. */
  @Transactional
  public Verdict verify(Actor actor) {
    policy.requireVerify(actor);
    return verify();
  }

  /**
   * The tree recomputed and held against the checkpoints and the witness directory's copy; and,
   * when a witness refused one of this log's checkpoints since the node started, that refusal.
   */
  @Transactional
  public Verdict verify() {
    Verdict recomputed = recompute();
    if (recomputed.valid()) {
      Verdict cosigned = cosignatures(recomputed);
      if (cosigned != null) {
        return cosigned;
      }
    }
    Optional<Witnesses.Refusal> refused = witnesses.refusal();
    if (!recomputed.valid() || refused.isEmpty()) {
      return recomputed;
    }
    Witnesses.Refusal refusal = refused.get();
    return new Verdict(
        false,
        recomputed.entries(),
        refusal.firstDoubtful(),
        recomputed.checkpoints(),
        recomputed.witnessSize(),
        "the witness "
            + refusal.witness()
            + " refused the checkpoint of size "
            + refusal.size()
            + " at "
            + refusal.at()
            + ": "
            + refusal.reason());
  }

  /**
   * Every cosignature kept from the configured witness, held against the checkpoint it was made on:
   * a checkpoint re-signed after the witness saw it (the log's key signed a change) no longer
   * carries the root the witness cosigned, and one deleted is gone. Null when every one verifies.
   */
  private Verdict cosignatures(Verdict recomputed) {
    Optional<Cosignature.WitnessKey> witness = witnesses.cosignatureKey();
    if (witness.isEmpty()) {
      return null;
    }
    long from = -1;
    while (true) {
      List<Object[]> rows =
          em.createNamedQuery(AuditCosignature.WITH_CHECKPOINT, Object[].class)
              .setParameter("witness", witness.get().toString())
              .setParameter("from", from)
              .setMaxResults(PAGE)
              .getResultList();
      for (Object[] row : rows) {
        long size = (Long) row[0];
        String line = (String) row[1];
        String note = (String) row[2];
        String problem = null;
        if (note == null) {
          problem = "is gone: the log was cut back below it, or the checkpoint deleted";
        } else {
          String resigned =
              "it was re-signed with the log's key after the witness saw it, so an entry from 0"
                  + " to "
                  + (size - 1)
                  + " was changed or replaced";
          try {
            if (Cosignature.find(note + line + "\n", witness.get()).isEmpty()) {
              problem = "no longer carries the cosignature kept for it: " + resigned;
            }
          } catch (NoteException e) {
            problem =
                "no longer carries the root the witness cosigned ("
                    + e.getMessage()
                    + "): "
                    + resigned
                    + " (or the cosignature kept for it was altered)";
          }
        }
        if (problem != null) {
          return new Verdict(
              false,
              recomputed.entries(),
              0L,
              recomputed.checkpoints(),
              recomputed.witnessSize(),
              "the checkpoint of size "
                  + size
                  + ", which the witness "
                  + witness.get()
                  + " cosigned, "
                  + problem);
        }
        from = size;
      }
      em.clear();
      if (rows.size() < PAGE) {
        return null;
      }
    }
  }

  private Verdict recompute() {
    Note.VerifierKey verifierKey = key.verifierKey();
    Checkpoint witness = null;
    Optional<String> held = witnesses.held();
    if (held.isPresent()) {
      try {
        witness = Checkpoint.parse(Note.open(held.get(), verifierKey));
      } catch (NoteException | IllegalArgumentException e) {
        return new Verdict(
            false, 0, null, 0, null, "the witness's checkpoint does not verify: " + e.getMessage());
      }
    }
    // the log as of now: what the integrator adds while this runs is for the next verification
    // (read after the witness's copy, which never runs ahead of the checkpoints)
    Long largest = em.createNamedQuery(AuditCheckpoint.LARGEST_SIZE, Long.class).getSingleResult();
    long upTo = largest == null ? 0 : largest;
    Run run = new Run(verifierKey, witness, upTo);
    if (!run.reach()) {
      return run.failure;
    }
    while (true) {
      List<Object[]> rows =
          em.createNamedQuery(SequencedLeaf.ENTRIES_BETWEEN, Object[].class)
              .setParameter("from", run.tree.size())
              .setParameter("to", upTo)
              .setMaxResults(PAGE)
              .getResultList();
      for (Object[] row : rows) {
        if (!run.add((AuditEntry) row[0], (SequencedLeaf) row[1]) || !run.reach()) {
          return run.failure;
        }
      }
      em.clear();
      if (rows.size() < PAGE) {
        break;
      }
    }
    return run.finish();
  }

  /** One verification's state: the tree so far and the checkpoints not yet reached. */
  private final class Run {
    final CompactRange tree = CompactRange.empty();
    final Note.VerifierKey verifierKey;
    final Checkpoint witness;
    final Long witnessSize;
    final long upTo;
    final Deque<AuditCheckpoint> checkpoints = new ArrayDeque<>();
    long nextFrom;
    boolean exhausted;
    long matched;
    long lastGood;
    Verdict failure;

    Run(Note.VerifierKey verifierKey, Checkpoint witness, long upTo) {
      this.verifierKey = verifierKey;
      this.witness = witness;
      this.upTo = upTo;
      this.witnessSize = witness == null ? null : witness.size();
    }

    private AuditCheckpoint next() {
      if (checkpoints.isEmpty() && !exhausted) {
        List<AuditCheckpoint> page =
            em.createNamedQuery(AuditCheckpoint.FROM_SIZE, AuditCheckpoint.class)
                .setParameter("from", nextFrom)
                .setMaxResults(PAGE)
                .getResultList();
        page.stream().filter(c -> c.treeSize() <= upTo).forEach(checkpoints::add);
        exhausted = page.size() < PAGE || page.get(page.size() - 1).treeSize() > upTo;
        if (!page.isEmpty()) {
          nextFrom = page.get(page.size() - 1).treeSize() + 1;
        }
      }
      return checkpoints.peekFirst();
    }

    /** Checks the next entry against its own leaf and the tree's leaf hash, then appends it. */
    boolean add(AuditEntry entry, SequencedLeaf leaf) {
      long expected = tree.size();
      if (leaf.seq() != expected) {
        return fail(expected, "entry " + expected + " is missing");
      }
      if (!Arrays.equals(entry.columns().encode(), entry.leaf())) {
        return fail(
            expected,
            "entry "
                + expected
                + " was altered: its columns no longer match the leaf it was logged with");
      }
      try {
        AuditLeaf.decode(entry.leaf());
      } catch (IllegalArgumentException e) {
        return fail(expected, "entry " + expected + " is not a valid leaf: " + e.getMessage());
      }
      if (!Arrays.equals(Merkle.leafHash(entry.leaf()), leaf.leafHash())) {
        return fail(
            expected,
            "entry "
                + expected
                + " was altered: its leaf no longer hashes to the tree's leaf hash");
      }
      tree.append(leaf.leafHash(), null);
      return true;
    }

    /** Compares the tree with every checkpoint of its size (and the witness's). */
    boolean reach() {
      AuditCheckpoint row;
      while ((row = next()) != null && row.treeSize() <= tree.size()) {
        checkpoints.pollFirst();
        Checkpoint signed;
        try {
          signed = Checkpoint.parse(Note.open(row.note(), verifierKey));
        } catch (NoteException | IllegalArgumentException e) {
          return fail(
              lastGood,
              "the checkpoint of size "
                  + row.treeSize()
                  + " is not signed by the log's key ("
                  + e.getMessage()
                  + "): entries from "
                  + lastGood
                  + " cannot be trusted");
        }
        if (signed.size() != row.treeSize() || !Arrays.equals(signed.rootHash(), row.rootHash())) {
          return fail(
              lastGood,
              "the checkpoint of size "
                  + row.treeSize()
                  + " was altered: its columns differ from the note the log signed");
        }
        if (!Arrays.equals(tree.root(), signed.rootHash())) {
          return rewritten(signed.size(), "a signed checkpoint");
        }
        matched++;
        lastGood = signed.size();
      }
      if (witness != null && witness.size() == tree.size()) {
        if (!Arrays.equals(tree.root(), witness.rootHash())) {
          // the log's own checkpoints agreed with these entries: its key signed the rewrite, so
          // none of them vouches for anything before the witness's size
          lastGood = 0;
          return rewritten(
              witness.size(), "the witness's checkpoint (the log's key signed the change)");
        }
        lastGood = Math.max(lastGood, witness.size());
      }
      return true;
    }

    private boolean rewritten(long size, String by) {
      return fail(
          lastGood,
          "the entries give the tree of size "
              + size
              + " another root than "
              + by
              + ": an entry from "
              + lastGood
              + " to "
              + (size - 1)
              + " was changed");
    }

    private boolean fail(long seq, String reason) {
      failure = new Verdict(false, tree.size(), seq, matched, witnessSize, reason);
      return false;
    }

    Verdict finish() {
      AuditCheckpoint beyond = next();
      if (beyond != null) {
        try {
          Note.open(beyond.note(), verifierKey);
        } catch (NoteException | IllegalArgumentException e) {
          fail(
              tree.size(),
              "the checkpoint of size "
                  + beyond.treeSize()
                  + ", beyond the log's "
                  + tree.size()
                  + " entries, is not signed by the log's key ("
                  + e.getMessage()
                  + "): it was forged");
          return failure;
        }
      }
      if (beyond != null || (witness != null && witness.size() > tree.size())) {
        long covers = beyond != null ? beyond.treeSize() : witness.size();
        fail(
            tree.size(),
            "the log ends after "
                + tree.size()
                + " entries, but "
                + (beyond != null ? "a signed checkpoint" : "the witness's checkpoint")
                + " covers "
                + covers
                + ": entries from "
                + tree.size()
                + " were removed");
        return failure;
      }
      // entries the integrator added while this ran are in a checkpoint committed with them; a
      // sequenced entry beyond every checkpoint is one whose checkpoints were removed. (The
      // largest sequence is read first: whatever commits between the two reads comes with its
      // checkpoint.)
      Long largestSeq =
          em.createNamedQuery(SequencedLeaf.LARGEST_SEQ, Long.class).getSingleResult();
      Long largestNow =
          em.createNamedQuery(AuditCheckpoint.LARGEST_SIZE, Long.class).getSingleResult();
      if (largestSeq != null && (largestNow == null || largestNow < largestSeq + 1)) {
        long from = Math.max(tree.size(), largestNow == null ? 0 : largestNow);
        fail(
            from,
            "entries from "
                + from
                + " to "
                + largestSeq
                + " are in no signed checkpoint: their checkpoints were removed");
        return failure;
      }
      if (lastGood < tree.size()) {
        fail(
            lastGood,
            "entries from "
                + lastGood
                + " to "
                + (tree.size() - 1)
                + " are in no signed checkpoint");
        return failure;
      }
      return new Verdict(true, tree.size(), null, matched, witnessSize, null);
    }
  }
}
