package org.custodian.tlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Checks a log from the outside: its entries, streamed in sequence order, against checkpoints
 * signed by the log's key that someone kept (a witness, an auditor, the City's privacy officer).
 * Each entry must be a canonical leaf and come in order from 0; the tree recomputed from them must
 * have, at each saved checkpoint's size, that checkpoint's root; consecutive checkpoints must be
 * consistent; and no saved checkpoint may be larger than the log (a removed tail).
 *
 * <p>A checkpoint's root covers every entry below its size, so a rewritten entry is found between
 * the last checkpoint that still matches and the first that does not; the report names the first
 * entry of that range (the entry itself when checkpoints are as frequent as the log publishes
 * them).
 */
public final class LogCheck {

  /** The outcome: valid, or the first bad entry (or -1 when no entry is to blame) and why. */
  public record Result(boolean valid, long entries, long firstBadEntry, String reason) {
    static Result ok(long entries) {
      return new Result(true, entries, -1, null);
    }
  }

  private final List<Checkpoint> checkpoints;
  private final MemoryTree tree = new MemoryTree();
  private int nextCheckpoint;
  private long lastMatchingSize;
  private Result failure;

  /**
   * @param key the log's verifier key
   * @param signedCheckpoints the saved checkpoints, each a signed note
   * @throws NoteException when a checkpoint's signature does not verify: it was not signed by the
   *     log, or was changed
   */
  public LogCheck(Note.VerifierKey key, List<String> signedCheckpoints) {
    List<Checkpoint> opened = new ArrayList<>();
    for (String note : signedCheckpoints) {
      opened.add(Checkpoint.parse(Note.open(note, key)));
    }
    opened.sort(Comparator.comparingLong(Checkpoint::size));
    this.checkpoints = opened;
    for (int i = 1; i < opened.size(); i++) {
      if (!opened.get(i).origin().equals(opened.get(0).origin())) {
        throw new NoteException("the checkpoints name different logs");
      }
      if (opened.get(i).size() == opened.get(i - 1).size()
          && !Arrays.equals(opened.get(i).rootHash(), opened.get(i - 1).rootHash())) {
        throw new NoteException(
            "two checkpoints signed by the key give the tree of size "
                + opened.get(i).size()
                + " different roots: the key signed a fork");
      }
    }
    advance();
  }

  /** The next entry; returns false once a failure is found (the rest need not be read). */
  public boolean add(long seq, byte[] leaf) {
    if (failure != null) {
      return false;
    }
    long expected = tree.size();
    if (seq != expected) {
      failure =
          new Result(
              false,
              expected,
              expected,
              seq > expected
                  ? "entry " + expected + " is missing (the next entry is " + seq + ")"
                  : "entry " + seq + " appears again after entry " + (expected - 1));
      return false;
    }
    try {
      AuditLeaf.decode(leaf);
    } catch (IllegalArgumentException e) {
      failure =
          new Result(
              false, expected, seq, "entry " + seq + " is not a valid leaf: " + e.getMessage());
      return false;
    }
    byte[] hash = Merkle.leafHash(leaf);
    tree.append(hash);
    advance();
    return failure == null;
  }

  /** Compares every checkpoint the entries so far reach. */
  private void advance() {
    while (failure == null
        && nextCheckpoint < checkpoints.size()
        && checkpoints.get(nextCheckpoint).size() == tree.size()) {
      Checkpoint checkpoint = checkpoints.get(nextCheckpoint);
      if (!Arrays.equals(tree.root(), checkpoint.rootHash())) {
        failure =
            new Result(
                false,
                tree.size(),
                lastMatchingSize,
                "the entries give the tree of size "
                    + checkpoint.size()
                    + " the root "
                    + Base64.getEncoder().encodeToString(tree.root())
                    + ", not the signed checkpoint's "
                    + Base64.getEncoder().encodeToString(checkpoint.rootHash())
                    + ": an entry from "
                    + lastMatchingSize
                    + " to "
                    + (checkpoint.size() - 1)
                    + " was changed");
        return;
      }
      if (nextCheckpoint > 0) {
        Checkpoint previous = checkpoints.get(nextCheckpoint - 1);
        List<byte[]> proof = Merkle.consistencyProof(tree, previous.size(), checkpoint.size());
        if (!Merkle.verifyConsistency(
            previous.size(),
            checkpoint.size(),
            proof,
            previous.rootHash(),
            checkpoint.rootHash())) {
          failure =
              new Result(
                  false,
                  tree.size(),
                  previous.size(),
                  "checkpoint " + checkpoint.size() + " is not consistent with " + previous.size());
          return;
        }
      }
      lastMatchingSize = checkpoint.size();
      nextCheckpoint++;
    }
  }

  /** After the last entry: the result. */
  public Result finish() {
    if (failure != null) {
      return failure;
    }
    if (nextCheckpoint < checkpoints.size()) {
      Checkpoint missing = checkpoints.get(nextCheckpoint);
      return new Result(
          false,
          tree.size(),
          tree.size(),
          "the log ends after "
              + tree.size()
              + " entries, but a signed checkpoint covers "
              + missing.size()
              + ": entries from "
              + tree.size()
              + " were removed");
    }
    return Result.ok(tree.size());
  }
}
