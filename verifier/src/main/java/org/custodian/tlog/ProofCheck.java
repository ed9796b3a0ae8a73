package org.custodian.tlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Checks proofs the server supplies against checkpoints signed by the log's key: an entry with its
 * inclusion proof ({@code GET /api/audit/entries/{seq}?treeSize=N}) and a consistency proof between
 * two tree sizes ({@code GET /api/audit/consistency?from=M&to=N}). The answers are read from their
 * JSON by {@link ProofAnswers}; the checks here need only the JDK.
 */
public final class ProofCheck {

  private ProofCheck() {}

  /**
   * The answer of {@code GET /api/audit/entries/{seq}?treeSize=N}: the entry's fields as the server
   * states them (null where the answer has JSON null), its leaf bytes and the inclusion proof of
   * its leaf hash in the tree of size {@code treeSize}.
   */
  public record EntryAnswer(
      long seq,
      long treeSize,
      String at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String details,
      byte[] leaf,
      List<byte[]> proof) {

    public EntryAnswer {
      Objects.requireNonNull(leaf, "leaf");
      proof = List.copyOf(proof);
    }
  }

  /** The answer of {@code GET /api/audit/consistency?from=M&to=N}. */
  public record ConsistencyAnswer(long from, long to, List<byte[]> proof) {

    public ConsistencyAnswer {
      proof = List.copyOf(proof);
    }
  }

  /** A check's verdict: the line the verifier prints, {@code OK: ...} or {@code FAIL: ...}. */
  public record Verdict(boolean ok, String line) {}

  /**
   * The entry's leaf is a canonical leaf; the fields the leaf carries ({@code at}, {@code actor},
   * {@code action}, {@code objectType}, {@code objectId}, {@code details}: not {@code seq}, which
   * is the leaf's place in the tree) are the answer's; and the inclusion proof of {@code
   * SHA-256(0x00 || leaf)} at index {@code seq} leads to the root of {@code signed}, the signed
   * checkpoint of size {@code treeSize}.
   *
   * @param name what to call the answer in the verdict (its file)
   * @throws IllegalArgumentException when {@code signed} is not of the answer's tree size
   */
  public static Verdict inclusion(EntryAnswer answer, String name, Checkpoint signed) {
    if (signed.size() != answer.treeSize()) {
      throw new IllegalArgumentException(
          "the answer is for the tree of size "
              + answer.treeSize()
              + ", not the checkpoint's "
              + signed.size());
    }
    String subject =
        "entry " + answer.seq() + " in the tree of size " + answer.treeSize() + " (" + name + ")";
    List<String> problems = new ArrayList<>();
    try {
      AuditLeaf leaf = AuditLeaf.decode(answer.leaf());
      List<String> differ = new ArrayList<>();
      if (!sameInstant(answer.at(), leaf.at())) {
        differ.add("at");
      }
      compare("actor", answer.actor(), leaf.actor(), differ);
      compare("action", answer.action(), leaf.action(), differ);
      compare("objectType", answer.objectType(), leaf.objectType(), differ);
      compare("objectId", answer.objectId(), leaf.objectId(), differ);
      compare("details", answer.details(), leaf.details(), differ);
      if (!differ.isEmpty()) {
        problems.add("the answer and the leaf disagree on " + and(differ));
      }
    } catch (IllegalArgumentException e) {
      problems.add("the leaf is not a valid leaf: " + e.getMessage());
    }
    if (answer.seq() < 0 || answer.seq() >= answer.treeSize()) {
      problems.add("there is no entry " + answer.seq() + " in a tree of size " + answer.treeSize());
    } else if (!Merkle.verifyInclusion(
        Merkle.leafHash(answer.leaf()),
        answer.seq(),
        answer.treeSize(),
        answer.proof(),
        signed.rootHash())) {
      problems.add(
          "the inclusion proof does not lead from the leaf to the root of the signed checkpoint");
    }
    if (problems.isEmpty()) {
      return new Verdict(
          true,
          "OK: "
              + subject
              + ": the leaf holds the answer's fields, and the inclusion proof leads from it to the"
              + " root of the signed checkpoint");
    }
    return new Verdict(false, "FAIL: " + subject + ": " + String.join("; ", problems));
  }

  /**
   * The consistency proof shows that the tree of size {@code to} extends that of size {@code from},
   * both heads of signed checkpoints, by RFC 9162 2.1.4.2 ({@link Merkle#verifyConsistency}). RFC
   * 9162 defines the proof for {@code 0 < from < to} only; the two other cases the API answers are
   * checked by what they must be: for {@code from == to} the proof is empty (the roots are the
   * same: the checkpoints of one size agree, {@link LogCheck#agreeing}); for {@code from == 0} the
   * proof is empty and the first root is the empty tree's, which every tree extends.
   *
   * @param fromSigned the signed checkpoint of size {@code from}; for {@code from == 0} it may be
   *     null (the empty tree's root is known)
   * @param toSigned the signed checkpoint of size {@code to}
   * @param name what to call the answer in the verdict (its file)
   * @throws IllegalArgumentException when a checkpoint is not of the answer's size
   */
  public static Verdict consistency(
      ConsistencyAnswer answer, String name, Checkpoint fromSigned, Checkpoint toSigned) {
    long from = answer.from();
    long to = answer.to();
    if ((fromSigned == null ? from != 0 : fromSigned.size() != from) || toSigned.size() != to) {
      throw new IllegalArgumentException(
          "the checkpoints are not of the sizes " + from + " and " + to);
    }
    String subject = "consistency from " + from + " to " + to + " (" + name + ")";
    String extendsIt = "the signed tree of size " + to + " extends that of size " + from;
    byte[] fromRoot = fromSigned == null ? Merkle.emptyRoot() : fromSigned.rootHash();
    String problem = null;
    String ok = null;
    if (to < from) {
      problem = "no tree extends a larger one";
    } else if (from == 0) {
      if (!answer.proof().isEmpty()) {
        problem = "a proof from the empty tree is empty, this one has " + hashes(answer.proof());
      } else if (!Arrays.equals(fromRoot, Merkle.emptyRoot())) {
        problem = "the signed checkpoint of size 0 does not have the empty tree's root";
      } else {
        ok = "every tree extends the empty one, and the proof is empty as it must be";
      }
    } else if (from == to) {
      if (!answer.proof().isEmpty()) {
        problem =
            "a proof between trees of one size is empty, this one has " + hashes(answer.proof());
      } else if (!Merkle.verifyConsistency(from, to, List.of(), fromRoot, toSigned.rootHash())) {
        problem = "the two signed checkpoints of size " + to + " have different roots";
      } else {
        ok = "the same tree, and the proof is empty as it must be";
      }
    } else if (!Merkle.verifyConsistency(from, to, answer.proof(), fromRoot, toSigned.rootHash())) {
      problem = "the proof does not show that " + extendsIt;
    } else {
      ok = "the proof shows that " + extendsIt;
    }
    return problem == null
        ? new Verdict(true, "OK: " + subject + ": " + ok)
        : new Verdict(false, "FAIL: " + subject + ": " + problem);
  }

  private static String hashes(List<byte[]> proof) {
    return proof.size() == 1 ? "1 hash" : proof.size() + " hashes";
  }

  private static boolean sameInstant(String stated, Instant leaf) {
    if (stated == null) {
      return false;
    }
    if (stated.equals(leaf.toString())) {
      return true;
    }
    try {
      return Instant.parse(stated).equals(leaf);
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void compare(String field, String stated, String leaf, List<String> differ) {
    if (!leaf.equals(stated)) {
      differ.add(field);
    }
  }

  private static String and(List<String> words) {
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1))
        + " and "
        + words.get(words.size() - 1);
  }
}
