package org.custodian.audit.control;

import java.util.Arrays;
import java.util.List;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Merkle;

/**
 * What the witnesses share: the check a witness makes before it accepts a checkpoint (C2SP
 * tlog-witness: the new tree must extend the one it holds, proven by the log's consistency proof),
 * and what offering a checkpoint came to.
 */
final class Witness {

  private Witness() {}

  /** The log's consistency proof between two of its tree sizes, as its stored nodes give it. */
  @FunctionalInterface
  interface Proofs {
    List<byte[]> consistency(long from, long to);
  }

  /** What offering one checkpoint to one witness came to. */
  record Outcome(Result result, long size, long firstDoubtful, String reason, String cosignatures) {

    enum Result {
      /** The witness holds it now (or already held it). */
      ACCEPTED,
      /** The witness holds a tree this checkpoint does not extend: evidence of a rewrite. */
      REFUSED,
      /** Not offered: the witness could not be reached or is set up wrongly; tried again later. */
      UNREACHABLE
    }

    static Outcome accepted(long size) {
      return new Outcome(Result.ACCEPTED, size, -1, null, null);
    }

    static Outcome cosigned(long size, String cosignatures) {
      return new Outcome(Result.ACCEPTED, size, -1, null, cosignatures);
    }

    /** Refused: {@code firstDoubtful} is the first entry the witness no longer vouches for. */
    static Outcome refused(long size, Conflict conflict) {
      return new Outcome(Result.REFUSED, size, conflict.firstDoubtful(), conflict.reason(), null);
    }

    static Outcome unreachable(String reason) {
      return new Outcome(Result.UNREACHABLE, -1, -1, reason, null);
    }
  }

  /**
   * Why a witness refuses a checkpoint, and the first entry it no longer vouches for: the entries
   * below its own tree's size when the new tree does not extend it (which one changed, a root
   * cannot tell), the first entry gone when the log was cut back.
   */
  record Conflict(long firstDoubtful, String reason) {

    static Conflict rewritten(long heldSize, String how) {
      return new Conflict(
          0, how + ": an entry from 0 to " + (heldSize - 1) + " was changed or replaced");
    }

    static Conflict cutBack(long heldSize, long size) {
      return new Conflict(
          size,
          "it holds a larger tree ("
              + heldSize
              + " entries) than this checkpoint's "
              + size
              + ": the log was cut back, entries from "
              + size
              + " to "
              + (heldSize - 1)
              + " are gone");
    }
  }

  /**
   * Why a witness holding {@code held} must refuse {@code next}; null when {@code next} extends it
   * (or is the same tree).
   */
  static Conflict conflict(Checkpoint held, Checkpoint next, Proofs proofs) {
    if (!held.origin().equals(next.origin())) {
      return new Conflict(0, "it holds the log " + held.origin() + ", not " + next.origin());
    }
    if (held.size() > next.size()) {
      return Conflict.cutBack(held.size(), next.size());
    }
    if (held.size() == next.size()) {
      return Arrays.equals(held.rootHash(), next.rootHash())
          ? null
          : Conflict.rewritten(
              held.size(), "it holds another root for the tree of size " + held.size());
    }
    if (held.size() == 0) {
      return null;
    }
    boolean extended;
    try {
      extended =
          Merkle.verifyConsistency(
              held.size(),
              next.size(),
              proofs.consistency(held.size(), next.size()),
              held.rootHash(),
              next.rootHash());
    } catch (IllegalArgumentException e) {
      extended = false;
    }
    return extended
        ? null
        : Conflict.rewritten(
            held.size(),
            "the tree of size "
                + next.size()
                + " does not extend the one it holds (size "
                + held.size()
                + ")");
  }
}
