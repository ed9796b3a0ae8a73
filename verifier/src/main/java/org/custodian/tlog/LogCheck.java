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
 * have, at each saved checkpoint's size, that checkpoint's root; and no saved checkpoint may be
 * larger than the log (a removed tail).
 *
 * <p>Matching every checkpoint's root with one tree recomputed from the entries also shows that
 * each later checkpoint extends each earlier one: both are heads of the same sequence of leaves. A
 * consistency proof between them would add nothing, so none is computed here; proofs the
 * <em>server</em> supplies are checked by {@link ProofCheck}.
 *
 * <p>What a failure can name ({@link Result#blame()}): an entry exactly when the entries show it (a
 * gap, an entry given twice, bytes that are not a leaf); otherwise a range. A checkpoint's root
 * covers every entry below its size, so a root that does not match says only that some entry from
 * the last matching checkpoint's size to this checkpoint's size minus one was changed or replaced;
 * checkpoints saved at more sizes narrow it down (to the entry itself when they are as frequent as
 * the log publishes them).
 */
public final class LogCheck {

  /** What a failed check can blame. */
  public enum Blame {
    /** Nothing: the check passed. */
    NONE,
    /** Exactly one entry, {@link Result#from()} (== {@link Result#to()}). */
    ENTRY,
    /** Some entry from {@link Result#from()} to {@link Result#to()}, both included. */
    RANGE,
    /** The entries from {@link Result#from()} on: fewer entries than a checkpoint covers. */
    REMOVED_TAIL,
    /** No entry: a signed checkpoint of size 0 whose root is not the empty tree's. */
    CHECKPOINT
  }

  /**
   * The outcome: valid, or what is to blame and why.
   *
   * @param entries the entries read before the check stopped
   * @param from the entry blamed, or the first of the range or removed tail; -1 when valid
   * @param to the last entry of the range or tail (for {@link Blame#ENTRY}, {@code from}); -1 when
   *     valid
   * @param reason why, or null when valid
   */
  public record Result(
      boolean valid, long entries, Blame blame, long from, long to, String reason) {

    static Result ok(long entries) {
      return new Result(true, entries, Blame.NONE, -1, -1, null);
    }

    static Result entry(long entries, long entry, String reason) {
      return new Result(false, entries, Blame.ENTRY, entry, entry, reason);
    }

    /**
     * What failed, as the verifier prints it after {@code FAIL: }: {@code entry 17: <reason>},
     * {@code an entry from 0 to 41 was changed or replaced: <reason>}, {@code entries from 30 on
     * were removed: <reason>}; null when valid.
     */
    public String describe() {
      return switch (blame) {
        case NONE -> null;
        case ENTRY -> "entry " + from + ": " + reason;
        case RANGE -> "an entry from " + from + " to " + to + " was changed or replaced: " + reason;
        case REMOVED_TAIL -> "entries from " + from + " on were removed: " + reason;
        case CHECKPOINT -> reason;
      };
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
   * @throws NoteException when a checkpoint's signature does not verify (it was not signed by the
   *     log, or was changed), or the checkpoints disagree ({@link #agreeing(List)})
   */
  public LogCheck(Note.VerifierKey key, List<String> signedCheckpoints) {
    this(open(key, signedCheckpoints));
  }

  /** Checkpoints already opened with the key, as {@link #agreeing(List)} returns them. */
  LogCheck(List<Checkpoint> verified) {
    this.checkpoints = agreeing(verified);
    advance();
  }

  /**
   * One signed checkpoint, opened with the key: its signature verifies, the signed text is a
   * checkpoint, and it names the log the key is for (C2SP tlog-checkpoint: the origin line is the
   * key's name).
   *
   * @throws NoteException saying which of those fails, as the end of "checkpoint X ...": "does not
   *     verify: ...", "is signed, but not a checkpoint: ...", "names the log Y, but the key is Z's"
   */
  public static Checkpoint openOne(Note.VerifierKey key, String note) {
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.parse(Note.open(note, key));
    } catch (NoteException e) {
      throw new NoteException("does not verify: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new NoteException("is signed, but not a checkpoint: " + e.getMessage());
    }
    if (!checkpoint.origin().equals(key.name())) {
      throw new NoteException(
          "names the log " + checkpoint.origin() + ", but the key is " + key.name() + "'s");
    }
    return checkpoint;
  }

  /**
   * Opens each signed checkpoint with the key ({@link #openOne}).
   *
   * @throws NoteException when one does not verify, or they disagree ({@link #agreeing(List)})
   */
  public static List<Checkpoint> open(Note.VerifierKey key, List<String> signedCheckpoints) {
    List<Checkpoint> opened = new ArrayList<>();
    for (String note : signedCheckpoints) {
      try {
        opened.add(openOne(key, note));
      } catch (NoteException e) {
        throw new NoteException("a checkpoint " + e.getMessage());
      }
    }
    return agreeing(opened);
  }

  /**
   * Checkpoints (signatures verified) sorted by size, each size once, after checking that they name
   * one log and that no two of one size have different roots.
   *
   * @throws NoteException when they name different logs, or the key signed a fork
   */
  public static List<Checkpoint> agreeing(List<Checkpoint> verified) {
    List<Checkpoint> sorted = new ArrayList<>(verified);
    sorted.sort(Comparator.comparingLong(Checkpoint::size));
    List<Checkpoint> distinct = new ArrayList<>();
    for (Checkpoint checkpoint : sorted) {
      if (!checkpoint.origin().equals(sorted.get(0).origin())) {
        throw new NoteException("the checkpoints name different logs");
      }
      Checkpoint previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (previous != null && previous.size() == checkpoint.size()) {
        if (!Arrays.equals(checkpoint.rootHash(), previous.rootHash())) {
          throw new NoteException(
              "two checkpoints signed by the key give the tree of size "
                  + checkpoint.size()
                  + " different roots: the key signed a fork");
        }
        continue; // the same checkpoint given twice counts once
      }
      distinct.add(checkpoint);
    }
    return List.copyOf(distinct);
  }

  /** The next entry; returns false once a failure is found (the rest need not be read). */
  public boolean add(long seq, byte[] leaf) {
    if (failure != null) {
      return false;
    }
    long expected = tree.size();
    if (seq > expected) {
      failure = Result.entry(expected, expected, "it is missing: the next entry given is " + seq);
      return false;
    }
    if (seq < expected) {
      failure = Result.entry(expected, seq, "it is given again after entry " + (expected - 1));
      return false;
    }
    try {
      AuditLeaf.decode(leaf);
    } catch (IllegalArgumentException e) {
      failure = Result.entry(expected, seq, "it is not a valid leaf: " + e.getMessage());
      return false;
    }
    tree.append(Merkle.leafHash(leaf));
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
        failure = mismatch(checkpoint);
        return;
      }
      lastMatchingSize = checkpoint.size();
      nextCheckpoint++;
    }
  }

  private Result mismatch(Checkpoint checkpoint) {
    long size = checkpoint.size();
    String roots =
        "the entries give the tree of size "
            + size
            + " the root "
            + base64(tree.root())
            + ", not the signed checkpoint's "
            + base64(checkpoint.rootHash());
    if (size == 0) {
      return new Result(
          false,
          0,
          Blame.CHECKPOINT,
          -1,
          -1,
          "the signed checkpoint of size 0 does not have the empty tree's root "
              + base64(Merkle.emptyRoot())
              + ": it has "
              + base64(checkpoint.rootHash()));
    }
    if (lastMatchingSize == size - 1) {
      return Result.entry(size, size - 1, "it was changed or replaced: " + roots);
    }
    String narrower =
        lastMatchingSize == 0
            ? "; a checkpoint saved at a smaller size narrows it down"
            : " (they match the one of size "
                + lastMatchingSize
                + "); a checkpoint saved at a size between "
                + lastMatchingSize
                + " and "
                + size
                + " narrows it down";
    return new Result(false, size, Blame.RANGE, lastMatchingSize, size - 1, roots + narrower);
  }

  /** After the last entry: the result. */
  public Result finish() {
    if (failure != null) {
      return failure;
    }
    if (nextCheckpoint < checkpoints.size()) {
      Checkpoint missing = checkpoints.get(checkpoints.size() - 1);
      return new Result(
          false,
          tree.size(),
          Blame.REMOVED_TAIL,
          tree.size(),
          missing.size() - 1,
          "there are "
              + tree.size()
              + " entries, but the signed checkpoint of size "
              + missing.size()
              + " covers entries 0 to "
              + (missing.size() - 1));
    }
    return Result.ok(tree.size());
  }

  /** The largest size of the checkpoints checked, or -1 when there are none. */
  public long largestCheckpoint() {
    return checkpoints.isEmpty() ? -1 : checkpoints.get(checkpoints.size() - 1).size();
  }

  /** How many checkpoints are checked. */
  public int checkpoints() {
    return checkpoints.size();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
