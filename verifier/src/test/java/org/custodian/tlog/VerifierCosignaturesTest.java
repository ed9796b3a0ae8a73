package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.custodian.tlog.LogCheckTest.Output;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier's {@code --witness-key}: a checkpoint a witness cosigned is one a log rewritten with
 * a stolen log key cannot present. Every line is asserted exactly.
 */
class VerifierCosignaturesTest extends FortyEntryLog {

  static final long TIME = 1_765_000_000L;

  PrivateKey witnessPrivate;
  Cosignature.WitnessKey witness;
  Path witnessKeyFile;
  Path entries;

  @BeforeEach
  void aWitness() throws Exception {
    byte[] seed = new byte[32];
    seed[0] = 9;
    witnessPrivate = Note.privateKeyFromSeed(seed);
    witness = Cosignature.WitnessKey.of("witness.test/w1", Note.publicKeyOf(witnessPrivate));
    witnessKeyFile = Files.writeString(dir.resolve("witness.txt"), witness.encode() + "\n");
    entries = export(leaves);
  }

  Path export(List<byte[]> leaves) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < leaves.size(); i++) {
      lines.add(i + " " + Base64.getEncoder().encodeToString(leaves.get(i)));
    }
    return Files.write(dir.resolve("entries.txt"), lines);
  }

  /** The log's note of its tree at {@code size}, with the witness's cosignature line. */
  String cosigned(String note) {
    String text = Note.split(note).body();
    return note + Cosignature.sign(text, witness, witnessPrivate, TIME) + "\n";
  }

  Path save(String file, String note) throws Exception {
    return Files.writeString(dir.resolve(file), note);
  }

  Output verify(Path... checkpoints) {
    List<String> args = new ArrayList<>(List.of("--entries", entries.toString()));
    args.addAll(List.of("--key", keyFile.toString(), "--witness-key", witnessKeyFile.toString()));
    for (Path checkpoint : checkpoints) {
      args.addAll(List.of("--checkpoint", checkpoint.toString()));
    }
    return LogCheckTest.run(args.toArray(String[]::new));
  }

  String okCosigned(long size, Path file) {
    return "OK: the checkpoint of size "
        + size
        + " ("
        + file
        + ") is cosigned by "
        + witness
        + " at "
        + Instant.ofEpochSecond(TIME)
        + ": the witness saw the log's tree of that size\n";
  }

  String noCosignature() {
    return "FAIL: no checkpoint given carries a cosignature by "
        + witness
        + " that verifies: nothing shows the witness saw these checkpoints, which anyone"
        + " holding the log's key could have signed\n";
  }

  static final String OK_ENTRIES_20_40 =
      "OK: 40 entries; 2 signed checkpoints by custodian.test/audit-log verify, and the tree"
          + " recomputed from the entries has the root of each at its size (20 to 40), so each"
          + " extends the ones before it\n";

  @Test
  void theLargestCosignedCheckpointIsNamedAndTheEntriesAreChecked() throws Exception {
    Path twenty = save("twenty.txt", cosigned(signed(20, Merkle.rootOf(tree, 20))));
    Path forty = save("forty.txt", cosigned(signed(40, Merkle.rootOf(tree, 40))));
    assertEquals(
        new Output(0, okCosigned(40, forty) + OK_ENTRIES_20_40, ""), verify(twenty, forty));
  }

  @Test
  void smallerCheckpointsNeedNoCosignature() throws Exception {
    Path twenty = save("twenty.txt", signed(20, Merkle.rootOf(tree, 20)));
    Path forty = save("forty.txt", cosigned(signed(40, Merkle.rootOf(tree, 40))));
    assertEquals(
        new Output(0, okCosigned(40, forty) + OK_ENTRIES_20_40, ""), verify(twenty, forty));
  }

  @Test
  void aLargerCheckpointTheWitnessDidNotCosignFails() throws Exception {
    // yesterday's cosigned checkpoint, and today's signed by the log's key alone: a thief holding
    // the key could have rewritten the entries from 20 on and signed it
    Path twenty = save("twenty.txt", cosigned(signed(20, Merkle.rootOf(tree, 20))));
    Path forty = save("forty.txt", signed(40, Merkle.rootOf(tree, 40)));
    assertEquals(
        new Output(
            1,
            okCosigned(20, twenty)
                + "FAIL: checkpoint "
                + forty
                + " (size 40) carries no cosignature by "
                + witness
                + ": only the log's key vouches for the entries from 20 on, and a log rewritten"
                + " with a stolen key would look the same\n"
                + OK_ENTRIES_20_40,
            ""),
        verify(twenty, forty));
  }

  @Test
  void withoutTheEntriesASmallerCheckpointMustBeTiedToACosignedOne() throws Exception {
    // a smaller checkpoint signed with a stolen key: nothing but the entries or a consistency
    // proof ties it to the tree the witness saw
    Path twenty = save("twenty.txt", signed(20, Merkle.rootOf(tree, 20)));
    Path forty = save("forty.txt", cosigned(signed(40, Merkle.rootOf(tree, 40))));
    String[] untiedArgs = {
      "--key", keyFile.toString(),
      "--witness-key", witnessKeyFile.toString(),
      "--checkpoint", twenty.toString(),
      "--checkpoint", forty.toString()
    };
    assertEquals(
        new Output(
            1,
            okCosigned(40, forty)
                + "FAIL: checkpoint "
                + twenty
                + " (size 20) carries no cosignature by "
                + witness
                + ", and nothing given ties it to one that does: give --entries, or --consistency"
                + " from 20 to 40\n",
            ""),
        LogCheckTest.run(untiedArgs));

    jakarta.json.JsonArrayBuilder proof = jakarta.json.Json.createArrayBuilder();
    Merkle.consistencyProof(tree, 20, 40)
        .forEach(h -> proof.add(Base64.getEncoder().encodeToString(h)));
    Path grew =
        Files.writeString(
            dir.resolve("grew.json"),
            jakarta.json.Json.createObjectBuilder()
                .add("from", 20)
                .add("to", 40)
                .add("proof", proof)
                .build()
                .toString());
    List<String> tied = new ArrayList<>(List.of(untiedArgs));
    tied.addAll(List.of("--consistency", grew.toString()));
    Output ok = LogCheckTest.run(tied.toArray(String[]::new));
    assertEquals(0, ok.status(), ok.out());
    assertEquals(2, ok.out().lines().count(), ok.out());
    assertEquals(okCosigned(40, forty), ok.out().lines().findFirst().orElseThrow() + "\n");
  }

  @Test
  void aLogRewrittenWithTheStolenKeyHasNoCosignatureToShow() throws Exception {
    // whoever holds the log's key rewrites entry 5 and signs the new tree: the log's own
    // signature verifies, the entries match it, and without a witness key the verifier says OK
    List<byte[]> rewritten = new ArrayList<>(leaves);
    rewritten.set(5, leaf(5, "rewritten"));
    MemoryTree rewrittenTree = new MemoryTree();
    rewritten.forEach(l -> rewrittenTree.append(Merkle.leafHash(l)));
    entries = export(rewritten);
    Path forged = save("forged.txt", signed(40, rewrittenTree.root()));
    Output withoutWitness =
        LogCheckTest.run(
            new String[] {
              "--entries", entries.toString(),
              "--key", keyFile.toString(),
              "--checkpoint", forged.toString()
            });
    assertEquals(0, withoutWitness.status());

    assertEquals(
        new Output(
            1,
            noCosignature()
                + "OK: 40 entries; the signed checkpoint by custodian.test/audit-log verifies, and"
                + " the tree recomputed from the entries has its root at size 40\n",
            ""),
        verify(forged));

    // the witness's line copied from the real checkpoint does not verify on the forged one
    String real = cosigned(signed(40, Merkle.rootOf(tree, 40)));
    List<Note.SignatureLine> lines = Note.split(real).by(witness.name(), witness.keyId());
    Path copied = save("copied.txt", signed(40, rewrittenTree.root()) + lines.get(0).line() + "\n");
    assertEquals(
        new Output(
            1,
            "FAIL: checkpoint "
                + copied
                + ": the cosignature by "
                + witness
                + " does not verify\n"
                + noCosignature()
                + "OK: 40 entries; the signed checkpoint by custodian.test/audit-log verifies, and"
                + " the tree recomputed from the entries has its root at size 40\n",
            ""),
        verify(copied));
  }

  @Test
  void aWitnessKeyThatIsNotOneCannotBeRead() throws Exception {
    Path forty = save("forty.txt", cosigned(signed(40, Merkle.rootOf(tree, 40))));
    Output wrongType =
        LogCheckTest.run(
            new String[] {
              "--key", keyFile.toString(),
              "--checkpoint", forty.toString(),
              "--witness-key", keyFile.toString()
            });
    assertEquals(
        new Output(
            2,
            "",
            "The witness key "
                + keyFile
                + " cannot be read: the witness key is not an Ed25519 cosignature key (type"
                + " 0x04)\n"),
        wrongType);
    // a witness key alone is a check
    Output alone =
        LogCheckTest.run(
            new String[] {
              "--key", keyFile.toString(),
              "--checkpoint", forty.toString(),
              "--witness-key", witness.encode()
            });
    assertEquals(new Output(0, okCosigned(40, forty), ""), alone);
  }
}
