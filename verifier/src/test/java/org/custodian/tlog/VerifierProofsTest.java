package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.custodian.tlog.LogCheckTest.Output;
import org.junit.jupiter.api.Test;

/**
 * The verifier's checks of proofs the server supplies, {@code --inclusion} and {@code
 * --consistency}, on the JSON the API answers, built here from a log of forty entries. Every line
 * is asserted exactly.
 */
class VerifierProofsTest extends FortyEntryLog {

  static final String OK_ENTRY =
      ": the leaf holds the answer's fields, and the inclusion proof leads from it to the root of"
          + " the signed checkpoint";

  Path checkpoint(long size) throws Exception {
    return signed("checkpoint-" + size + ".txt", size, Merkle.rootOf(tree, size));
  }

  Path signed(String file, long size, byte[] root) throws Exception {
    return Files.writeString(dir.resolve(file), signed(size, root));
  }

  /** What {@code GET /api/audit/entries/{seq}?treeSize=N} answers. */
  JsonObjectBuilder entryAnswer(int seq, int treeSize) {
    AuditLeaf leaf = AuditLeaf.decode(leaves.get(seq));
    return Json.createObjectBuilder()
        .add("seq", seq)
        .add("at", leaf.at().toString())
        .add("actor", leaf.actor())
        .add("action", leaf.action())
        .add("objectType", leaf.objectType())
        .add("objectId", leaf.objectId())
        .add("details", leaf.details())
        .add("leaf", Base64.getEncoder().encodeToString(leaves.get(seq)))
        .add("treeSize", treeSize)
        .add("proof", base64(Merkle.inclusionProof(tree, seq, treeSize)));
  }

  /** What {@code GET /api/audit/consistency?from=M&to=N} answers. */
  JsonObjectBuilder consistencyAnswer(int from, int to) {
    return Json.createObjectBuilder()
        .add("from", from)
        .add("to", to)
        .add("proof", base64(Merkle.consistencyProof(tree, from, to)));
  }

  static JsonArrayBuilder base64(List<byte[]> hashes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    hashes.forEach(h -> array.add(Base64.getEncoder().encodeToString(h)));
    return array;
  }

  /** The answer with proof[i]'s first byte changed, as a man in the middle would. */
  static JsonObject flipped(JsonObjectBuilder answer, int i) {
    JsonObject original = answer.build();
    List<byte[]> proof = new ArrayList<>();
    original
        .getJsonArray("proof")
        .getValuesAs(jakarta.json.JsonString.class)
        .forEach(s -> proof.add(Base64.getDecoder().decode(s.getString())));
    proof.get(i)[0] ^= 1;
    return Json.createObjectBuilder(original).add("proof", base64(proof)).build();
  }

  Path save(String file, Object json) throws Exception {
    JsonObject object =
        json instanceof JsonObjectBuilder builder ? builder.build() : (JsonObject) json;
    return Files.writeString(dir.resolve(file), object.toString());
  }

  static final String PROOF_FAILS =
      "the inclusion proof does not lead from the leaf to the root of the signed checkpoint";

  /** The verifier fails entry 17's answer in the tree of 40, saying why. */
  void assertInclusionFails(Path entry, String why) throws Exception {
    assertEquals(
        new Output(1, "FAIL: entry 17 in the tree of size 40 (" + entry + "): " + why + "\n", ""),
        verify("--checkpoint", checkpoint(40), "--inclusion", entry));
  }

  /** The verifier on a consistency answer, with the signed checkpoints of 16 and 40. */
  Output verifyFrom16To40(Path proof) throws Exception {
    return verify(
        "--checkpoint", checkpoint(16), "--checkpoint", checkpoint(40), "--consistency", proof);
  }

  Output verify(Object... args) {
    List<String> all = new ArrayList<>(List.of("--key", keyFile.toString()));
    for (Object arg : args) {
      all.add(arg.toString());
    }
    return LogCheckTest.run(all.toArray(String[]::new));
  }

  // --- --inclusion ---

  @Test
  void aGenuineEntryAndProofVerifyWithoutTheExport() throws Exception {
    Path entry = save("entry-17.json", entryAnswer(17, 40));
    Path first = save("entry-0.json", entryAnswer(0, 32));
    Output ok =
        verify(
            "--checkpoint",
            checkpoint(40),
            "--checkpoint",
            checkpoint(32),
            "--inclusion",
            entry,
            "--inclusion",
            first);
    assertEquals(
        new Output(
            0,
            "OK: entry 17 in the tree of size 40 ("
                + entry
                + ")"
                + OK_ENTRY
                + "\nOK: entry 0 in the tree of size 32 ("
                + first
                + ")"
                + OK_ENTRY
                + "\n",
            ""),
        ok);
  }

  @Test
  void anInstantWrittenAnotherWayIsTheSameInstant() throws Exception {
    Path entry = save("entry.json", entryAnswer(17, 40).add("at", "2026-12-05T10:00:17.000Z"));
    assertEquals(0, verify("--checkpoint", checkpoint(40), "--inclusion", entry).status());
  }

  @Test
  void aProofWithAHashChangedFails() throws Exception {
    Path entry = save("entry.json", flipped(entryAnswer(17, 40), 2));
    assertInclusionFails(entry, PROOF_FAILS);
  }

  @Test
  void fieldsTheLeafDoesNotHoldFail() throws Exception {
    Path entry =
        save("entry.json", entryAnswer(17, 40).add("actor", "someone.else").add("details", "x"));
    assertInclusionFails(entry, "the answer and the leaf disagree on actor and details");
    Path nullDetails = save("null.json", entryAnswer(17, 40).addNull("details"));
    assertEquals(1, verify("--checkpoint", checkpoint(40), "--inclusion", nullDetails).status());
  }

  @Test
  void anotherEntrysLeafAndFieldsAtThisPlaceFail() throws Exception {
    // entry 18's leaf and fields, answered as entry 17 with entry 17's proof
    AuditLeaf other = AuditLeaf.decode(leaves.get(18));
    Path entry =
        save(
            "entry.json",
            entryAnswer(17, 40)
                .add("at", other.at().toString())
                .add("actor", other.actor())
                .add("objectId", other.objectId())
                .add("details", other.details())
                .add("leaf", Base64.getEncoder().encodeToString(leaves.get(18))));
    assertInclusionFails(entry, PROOF_FAILS);
  }

  @Test
  void bytesThatAreNotALeafFail() throws Exception {
    Path entry =
        save(
            "entry.json",
            entryAnswer(17, 40)
                .add("leaf", Base64.getEncoder().encodeToString("not a leaf\n".getBytes())));
    assertEquals(
        new Output(
            1,
            "FAIL: entry 17 in the tree of size 40 ("
                + entry
                + "): the leaf is not a valid leaf: not a custodian-audit-leaf/v1 leaf; the"
                + " inclusion proof does not lead from the leaf to the root of the signed"
                + " checkpoint\n",
            ""),
        verify("--checkpoint", checkpoint(40), "--inclusion", entry));
  }

  @Test
  void aProofAgainstARewrittenLogsCheckpointFails() throws Exception {
    // the key signed a tree of 40 in which entry 20 is another: the genuine proof of 17 fails
    MemoryTree rewritten = new MemoryTree();
    for (int i = 0; i < 40; i++) {
      rewritten.append(Merkle.leafHash(i == 20 ? leaf(20, "x") : leaves.get(i)));
    }
    Path fork = signed("fork.txt", 40, rewritten.root());
    Path entry = save("entry.json", entryAnswer(17, 40));
    Output out = verify("--checkpoint", fork, "--inclusion", entry);
    assertEquals(1, out.status(), out.out());
    assertTrue(out.out().startsWith("FAIL: entry 17 in the tree of size 40"), out.out());
  }

  @Test
  void anEntryProvedInATreeWithNoCheckpointGivenCannotBeChecked() throws Exception {
    Path entry = save("entry.json", entryAnswer(17, 32));
    assertEquals(
        new Output(
            2,
            "",
            entry
                + " proves entry 17 in the tree of size 32, but no --checkpoint of size 32 is given"
                + " to check it against\n"),
        verify("--checkpoint", checkpoint(40), "--inclusion", entry));
  }

  /** A file that says more than what is checked: a key given twice, or a second object. */
  @Test
  void aFileThatSaysMoreThanOneThingCannotBeRead() throws Exception {
    String genuine = entryAnswer(17, 40).build().toString();
    Path twice =
        Files.writeString(dir.resolve("twice.json"), genuine.replaceFirst("\\{", "{\"seq\":3,"));
    Output duplicate = verify("--checkpoint", checkpoint(40), "--inclusion", twice);
    assertEquals(2, duplicate.status(), duplicate.out());
    assertTrue(duplicate.err().contains("not JSON"), duplicate.err());
    Path trailing = Files.writeString(dir.resolve("trailing.json"), genuine + "{\"seq\":3}");
    Output second = verify("--checkpoint", checkpoint(40), "--inclusion", trailing);
    assertEquals(2, second.status(), second.out());
    assertTrue(second.err().contains("not JSON"), second.err());
    Path genuineFile = Files.writeString(dir.resolve("genuine.json"), genuine + "\n");
    assertEquals(0, verify("--checkpoint", checkpoint(40), "--inclusion", genuineFile).status());
  }

  /** A checkpoint of another log, signed by this log's key, is not this log's. */
  @Test
  void aCheckpointNamingAnotherLogFails() throws Exception {
    Path other =
        Files.writeString(
            dir.resolve("other.txt"),
            Note.sign(
                new Checkpoint("another.example/log", 40, Merkle.rootOf(tree, 40)).body(),
                ORIGIN,
                keys.getPrivate()));
    Path entry = save("entry.json", entryAnswer(17, 40));
    assertEquals(
        new Output(
            1,
            "FAIL: checkpoint "
                + other
                + " names the log another.example/log, but the key is "
                + ORIGIN
                + "'s\n",
            ""),
        verify("--checkpoint", other, "--inclusion", entry));
  }

  @Test
  void aFileThatIsNotAnAnswerCannotBeRead() throws Exception {
    Path notJson = Files.writeString(dir.resolve("html.json"), "<html>Forbidden</html>");
    Output out = verify("--checkpoint", checkpoint(40), "--inclusion", notJson);
    assertEquals(2, out.status());
    assertTrue(
        out.err()
            .startsWith(
                "Cannot read "
                    + notJson
                    + ": it is not an answer of GET /api/audit/entries/{seq}:"
                    + " not JSON: "),
        out.err());
    Path noLeaf = save("no-leaf.json", entryAnswer(17, 40).remove("leaf"));
    assertEquals(
        new Output(
            2,
            "",
            "Cannot read "
                + noLeaf
                + ": it is not an answer of GET /api/audit/entries/{seq}: \"leaf\" is not a base64"
                + " string\n"),
        verify("--checkpoint", checkpoint(40), "--inclusion", noLeaf));
  }

  // --- --consistency ---

  @Test
  void aGenuineConsistencyProofVerifies() throws Exception {
    Path proof = save("consistency.json", consistencyAnswer(16, 40));
    assertEquals(
        new Output(
            0,
            "OK: consistency from 16 to 40 ("
                + proof
                + "): the proof shows that the signed tree of size 40 extends that of size 16\n",
            ""),
        verifyFrom16To40(proof));
  }

  @Test
  void aConsistencyProofWithAHashChangedFails() throws Exception {
    Path proof = save("consistency.json", flipped(consistencyAnswer(16, 40), 1));
    assertEquals(
        new Output(
            1,
            "FAIL: consistency from 16 to 40 ("
                + proof
                + "): the proof does not show that the signed tree of size 40 extends that of size"
                + " 16\n",
            ""),
        verifyFrom16To40(proof));
  }

  @Test
  void aRewrittenLogIsNotConsistentWithWhatItSignedBefore() throws Exception {
    MemoryTree rewritten = new MemoryTree();
    for (int i = 0; i < 40; i++) {
      rewritten.append(Merkle.leafHash(i == 3 ? leaf(3, "x") : leaves.get(i)));
    }
    Path later = signed("later.txt", 40, rewritten.root());
    JsonObjectBuilder answer =
        Json.createObjectBuilder()
            .add("from", 16)
            .add("to", 40)
            .add("proof", base64(Merkle.consistencyProof(rewritten, 16, 40)));
    Path proof = save("consistency.json", answer);
    Output out =
        verify("--checkpoint", checkpoint(16), "--checkpoint", later, "--consistency", proof);
    assertEquals(1, out.status(), out.out());
    assertTrue(out.out().startsWith("FAIL: consistency from 16 to 40"), out.out());
  }

  @Test
  void equalSizesAndTheEmptyTree() throws Exception {
    Path same = save("same.json", consistencyAnswer(40, 40));
    Path empty = save("empty.json", consistencyAnswer(0, 40));
    assertEquals(
        new Output(
            0,
            "OK: consistency from 40 to 40 ("
                + same
                + "): the same tree, and the proof is empty as it must be\n"
                + "OK: consistency from 0 to 40 ("
                + empty
                + "): every tree extends the empty one, and the proof is empty as it must be\n",
            ""),
        verify("--checkpoint", checkpoint(40), "--consistency", same, "--consistency", empty));

    JsonArrayBuilder oneHash = base64(List.of(Merkle.rootOf(tree, 40)));
    Path sameWithProof = save("same-proof.json", consistencyAnswer(40, 40).add("proof", oneHash));
    Path emptyWithProof =
        save(
            "empty-proof.json",
            consistencyAnswer(0, 40).add("proof", base64(List.of(Merkle.rootOf(tree, 40)))));
    Path backwards =
        save("backwards.json", consistencyAnswer(16, 40).add("from", 40).add("to", 16));
    assertEquals(
        new Output(
            1,
            "FAIL: consistency from 40 to 40 ("
                + sameWithProof
                + "): a proof between trees of one size is empty, this one has 1 hash\n"
                + "FAIL: consistency from 0 to 40 ("
                + emptyWithProof
                + "): a proof from the empty tree is empty, this one has 1 hash\n"
                + "FAIL: consistency from 40 to 16 ("
                + backwards
                + "): no tree extends a larger one\n",
            ""),
        verify(
            "--checkpoint", checkpoint(40),
            "--checkpoint", checkpoint(16),
            "--consistency", sameWithProof,
            "--consistency", emptyWithProof,
            "--consistency", backwards));

    Path wrongEmpty = signed("wrong-empty.txt", 0, Merkle.rootOf(tree, 1));
    assertEquals(
        new Output(
            1,
            "FAIL: consistency from 0 to 40 ("
                + empty
                + "): the signed checkpoint of size 0 does not have the empty tree's root\n",
            ""),
        verify("--checkpoint", wrongEmpty, "--checkpoint", checkpoint(40), "--consistency", empty));
  }

  @Test
  void aConsistencyProofNeedsBothCheckpoints() throws Exception {
    Path proof = save("consistency.json", consistencyAnswer(16, 40));
    assertEquals(
        new Output(
            2,
            "",
            proof
                + " proves that the tree of size 40 extends that of size 16, but no --checkpoint of"
                + " size 16 is given to check it against\n"),
        verify("--checkpoint", checkpoint(40), "--consistency", proof));
  }

  // --- everything at once ---

  @Test
  void everyCheckIsPrintedAndAnyFailureFailsTheRun() throws Exception {
    Path entries = dir.resolve("entries.txt");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      lines.add(i + " " + Base64.getEncoder().encodeToString(leaves.get(i)));
    }
    Files.write(entries, lines);
    Path entry = save("entry.json", entryAnswer(3, 16));
    Path bad = save("bad.json", flipped(consistencyAnswer(16, 40), 0));
    Output out =
        verify(
            "--entries", entries,
            "--checkpoint", checkpoint(16),
            "--checkpoint", checkpoint(40),
            "--inclusion", entry,
            "--consistency", bad);
    assertEquals(
        new Output(
            1,
            "OK: 40 entries; 2 signed checkpoints by custodian.test/audit-log verify, and the tree"
                + " recomputed from the entries has the root of each at its size (16 to 40), so"
                + " each extends the ones before it\n"
                + "OK: entry 3 in the tree of size 16 ("
                + entry
                + ")"
                + OK_ENTRY
                + "\nFAIL: consistency from 16 to 40 ("
                + bad
                + "): the proof does not show that the signed tree of size 40 extends that of size"
                + " 16\n",
            ""),
        out);
  }
}
