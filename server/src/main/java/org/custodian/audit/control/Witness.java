package org.custodian.audit.control;

import java.util.Arrays;
import java.util.List;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.Merkle;

/**
 * What the witnesses share: the check a witness makes before it accepts a checkpoint (C2SP
 * tlog-witness: the new tree must extend the one it holds, proven by the log's consistency proof),
 * and what offering a checkpoint came to.
 */
final class Witness {

  private Witness() {}

  /** The log as the witnesses need it: its consistency proofs, and how far it has come. */
  interface Log {

    /** The consistency proof between two tree sizes, from the stored nodes. */
    List<byte[]> consistencyProof(long from, long to);

    /** The size of the log's latest signed checkpoint. */
    long size();
  }

  /** What offering one checkpoint to one witness came to. */
  record Outcome(Result result, long size, String reason, Cosignature.Verified cosignature) {

    enum Result {
      /** The witness holds it now (or already held it). */
      ACCEPTED,
      /**
       * The witness holds a later checkpoint of this log, which the log has reached too: an offer
       * that arrived late (another node's, or a slow witness's), nothing to do.
       */
      STALE,
      /** The witness holds a tree this checkpoint does not extend: evidence of tampering. */
      REFUSED,
      /** Not offered: the witness could not be reached or is set up wrongly; tried again later. */
      UNREACHABLE
    }

    static Outcome accepted(long size) {
      return new Outcome(Result.ACCEPTED, size, null, null);
    }

    /** Accepted, with the witness's cosignature (verified against its key). */
    static Outcome cosigned(long size, Cosignature.Verified cosignature) {
      return new Outcome(Result.ACCEPTED, size, null, cosignature);
    }

    static Outcome stale(long size) {
      return new Outcome(Result.STALE, size, null, null);
    }

    static Outcome refused(long size, Conflict conflict) {
      return new Outcome(Result.REFUSED, size, conflict.reason(), null);
    }

    static Outcome unreachable(String reason) {
      return new Outcome(Result.UNREACHABLE, -1, reason, null);
    }

    /** The first entry a refusing witness no longer vouches for: always 0 ({@link Conflict}). */
    long firstDoubtful() {
      return result == Result.REFUSED ? 0 : -1;
    }
  }

  /**
   * Why a witness refuses a checkpoint. The first entry it no longer vouches for is entry 0 in
   * every case: a root cannot tell which leaf under it changed, and a log that no longer reaches
   * the witness's tree proves nothing about the entries it still has; the reason says what is
   * known.
   */
  record Conflict(String reason) {

    static Conflict rewritten(long heldSize, String how) {
      return new Conflict(
          how + ": an entry from 0 to " + (heldSize - 1) + " was changed or replaced");
    }

    static Conflict cutBack(long heldSize, long logSize) {
      return new Conflict(
          "it holds a larger tree ("
              + heldSize
              + " entries) than the log's "
              + logSize
              + ": the log was cut back, entries from "
              + logSize
              + " to "
              + (heldSize - 1)
              + " are gone, and nothing proves the first "
              + logSize
              + " are those it saw");
    }

    static Conflict unproven(long heldSize, long size, RuntimeException why) {
      return new Conflict(
          "the log cannot prove that its tree of size "
              + size
              + " extends the one it holds (size "
              + heldSize
              + "): "
              + why.getMessage());
    }
  }

  /**
   * Why a witness holding {@code held} must refuse {@code next}; null when {@code next} extends it
   * (or is the same tree). An offer of a smaller tree is not judged here: see {@link #isStale}.
   */
  static Conflict conflict(Checkpoint held, Checkpoint next, Log log) {
    if (!held.origin().equals(next.origin())) {
      return new Conflict("it holds the log " + held.origin() + ", not " + next.origin());
    }
    if (held.size() > next.size()) {
      return Conflict.cutBack(held.size(), log.size());
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
    List<byte[]> proof;
    try {
      proof = log.consistencyProof(held.size(), next.size());
    } catch (RuntimeException e) {
      // a node row deleted, say: a log that cannot prove it extends the witness's tree does not
      return Conflict.unproven(held.size(), next.size(), e);
    }
    return Merkle.verifyConsistency(
            held.size(), next.size(), proof, held.rootHash(), next.rootHash())
        ? null
        : Conflict.rewritten(
            held.size(),
            "the tree of size "
                + next.size()
                + " does not extend the one it holds (size "
                + held.size()
                + ")");
  }

  /**
   * Whether an offer smaller than the witness's tree only came late: the log has reached the
   * witness's size since, and its latest checkpoint will be offered (and judged) in turn.
   */
  static boolean isStale(long heldSize, Checkpoint next, Log log) {
    return heldSize > next.size() && log.size() >= heldSize;
  }
}
