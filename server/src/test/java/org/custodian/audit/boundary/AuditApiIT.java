package org.custodian.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.tlog.AuditLeaf;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transparency log as an outsider uses it, with nothing but the API and the verifier: the key
 * opens the checkpoints, every entry comes with a proof of inclusion, checkpoints are consistent
 * with each other, and the exported entries recompute to the signed tree; the verifier, run as
 * {@code java -jar}, checks the API's saved answers (export, entries with their proofs, consistency
 * proofs) against saved checkpoints and says exactly what it finds wrong.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @TempDir Path dir;

  private Api auditor() {
    return Api.as(url, "auditor.iab");
  }

  private Note.VerifierKey key() {
    Api.Answer answer = auditor().get("audit/public-key");
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType());
    return Note.VerifierKey.parse(answer.body());
  }

  /**
   * Lists a reviewer's tasks (an audited read, so the log grows) and waits for the checkpoint that
   * includes it: the integrator runs every half second, so this is a wait for another thread's
   * work, not for time to pass.
   */
  private String checkpointAfterAnAuditedRead() throws InterruptedException {
    Note.VerifierKey key = key();
    Api.Answer first = auditor().get("audit/checkpoint");
    assertEquals(200, first.status(), first.body());
    long start = Checkpoint.parse(Note.open(first.body(), key)).size();
    // a reviewer's task list is an audited read too: the log grows even on a fresh database,
    // where it may still be empty (entry 0 does not exist before it)
    assertEquals(200, Api.as(url, "rev.one").get("tasks?scope=candidate").status());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Api.Answer latest = auditor().get("audit/checkpoint");
      if (Checkpoint.parse(Note.open(latest.body(), key)).size() > start) {
        assertEquals(200, auditor().get("audit/entries/0").status());
        return latest.body();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no new checkpoint within 20 seconds of an audited read");
  }

  @Test
  void theKeyOpensTheCheckpointAndEveryEntryHasAProofOfInclusion() throws Exception {
    Note.VerifierKey key = key();
    String note = checkpointAfterAnAuditedRead();
    Checkpoint checkpoint = Checkpoint.parse(Note.open(note, key));
    assertEquals(key.name(), checkpoint.origin());
    Path keyFile = Files.writeString(dir.resolve("key.txt"), key.encode());
    Path saved = Files.writeString(dir.resolve("checkpoint.txt"), note);

    List<Path> answers = new ArrayList<>();
    List<JsonObject> answered = new ArrayList<>();
    for (long seq : new long[] {0, checkpoint.size() / 2, checkpoint.size() - 1}) {
      Api.Answer answer = auditor().get("audit/entries/" + seq + "?treeSize=" + checkpoint.size());
      assertEquals(200, answer.status(), answer.body());
      JsonObject entry = answer.json();
      byte[] leaf = Base64.getDecoder().decode(entry.getString("leaf"));
      AuditLeaf decoded = AuditLeaf.decode(leaf);
      assertEquals(entry.getString("action"), decoded.action());
      assertEquals(entry.getString("details"), decoded.details());
      assertTrue(
          Merkle.verifyInclusion(
              Merkle.leafHash(leaf),
              seq,
              checkpoint.size(),
              hashes(entry.getJsonArray("proof")),
              checkpoint.rootHash()),
          "entry " + seq + " is in the signed tree");
      // the answer as an auditor saves it, for the verifier
      answers.add(Files.writeString(dir.resolve("entry-" + seq + ".json"), answer.body()));
      answered.add(entry);
    }

    // the verifier, given the saved answers and the saved checkpoint: each entry is in the tree
    List<Object> args = new ArrayList<>(List.of("--key", keyFile, "--checkpoint", saved));
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < answers.size(); i++) {
      Path answer = answers.get(i);
      args.addAll(List.of("--inclusion", answer));
      expected.append(
          "OK: entry "
              + answered.get(i).getJsonNumber("seq").longValueExact()
              + " in the tree of size "
              + checkpoint.size()
              + " ("
              + answer
              + "): the leaf holds the answer's fields, and the inclusion proof leads from it to"
              + " the root of the signed checkpoint\n");
    }
    Run good = verifier(args.toArray());
    assertEquals(new Run(0, expected.toString()), good);

    // one hash of the middle entry's proof changed: the verifier says which entry and why
    JsonObject middle = answered.get(1);
    long seq = middle.getJsonNumber("seq").longValueExact();
    assertTrue(middle.getJsonArray("proof").size() > 0, "a tree of two or more has proofs");
    Path flipped =
        Files.writeString(
            dir.resolve("entry-flipped.json"), withProofHashFlipped(middle, 0).toString());
    Run bad = verifier("--key", keyFile, "--checkpoint", saved, "--inclusion", flipped);
    assertEquals(
        new Run(
            1,
            "FAIL: entry "
                + seq
                + " in the tree of size "
                + checkpoint.size()
                + " ("
                + flipped
                + "): the inclusion proof does not lead from the leaf to the root of the signed"
                + " checkpoint\n"),
        bad);

    // a proof in a tree whose checkpoint the auditor did not keep cannot be checked
    // (the server proves an entry in any tree size the log has reached, checkpoint or not)
    long earlySize = checkpoint.size() - 1;
    assertTrue(earlySize >= 1, "the log has two entries or more");
    Api.Answer early = auditor().get("audit/entries/0?treeSize=" + earlySize);
    assertEquals(200, early.status(), early.body());
    Path unmatched = Files.writeString(dir.resolve("entry-early.json"), early.body());
    Run cannot = verifier("--key", keyFile, "--checkpoint", saved, "--inclusion", unmatched);
    assertEquals(
        new Run(
            2,
            unmatched
                + " proves entry 0 in the tree of size "
                + earlySize
                + ", but no --checkpoint of size "
                + earlySize
                + " is given to check it against\n"),
        cannot);
  }

  @Test
  void checkpointsAreConsistentWithEachOther() throws Exception {
    Note.VerifierKey key = key();
    String latestNote = checkpointAfterAnAuditedRead();
    Checkpoint latest = Checkpoint.parse(Note.open(latestNote, key));
    Api.Answer list = auditor().get("audit/checkpoints?from=1&limit=1");
    assertEquals(200, list.status(), list.body());
    String earlyNote = list.array().getJsonObject(0).getString("note");
    Checkpoint early = Checkpoint.parse(Note.open(earlyNote, key));
    assertTrue(early.size() < latest.size());
    Api.Answer proof =
        auditor().get("audit/consistency?from=" + early.size() + "&to=" + latest.size());
    assertEquals(200, proof.status(), proof.body());
    assertTrue(
        Merkle.verifyConsistency(
            early.size(),
            latest.size(),
            hashes(proof.json().getJsonArray("proof")),
            early.rootHash(),
            latest.rootHash()));

    // the verifier, given the saved answer and both saved checkpoints
    Path keyFile = Files.writeString(dir.resolve("key.txt"), key.encode());
    Path earlyFile = Files.writeString(dir.resolve("early.txt"), earlyNote);
    Path latestFile = Files.writeString(dir.resolve("latest.txt"), latestNote);
    Path answer = Files.writeString(dir.resolve("consistency.json"), proof.body());
    String subject = "consistency from " + early.size() + " to " + latest.size();
    String claim =
        "that the signed tree of size " + latest.size() + " extends that of size " + early.size();
    Run good =
        verifier(
            "--key", keyFile,
            "--checkpoint", earlyFile,
            "--checkpoint", latestFile,
            "--consistency", answer);
    assertEquals(
        new Run(0, "OK: " + subject + " (" + answer + "): the proof shows " + claim + "\n"), good);

    // one hash of the proof changed
    Path flipped =
        Files.writeString(
            dir.resolve("consistency-flipped.json"),
            withProofHashFlipped(proof.json(), 0).toString());
    Run bad =
        verifier(
            "--key", keyFile,
            "--checkpoint", earlyFile,
            "--checkpoint", latestFile,
            "--consistency", flipped);
    assertEquals(
        new Run(
            1, "FAIL: " + subject + " (" + flipped + "): the proof does not show " + claim + "\n"),
        bad);

    // without the earlier checkpoint there is nothing to check the proof against
    Run cannot = verifier("--key", keyFile, "--checkpoint", latestFile, "--consistency", answer);
    assertEquals(2, cannot.status(), cannot.output());
    assertTrue(
        cannot.output().contains("no --checkpoint of size " + early.size() + " is given"),
        cannot.output());
  }

  @Test
  void theVerifierRecomputesTheExportedLogAndNamesAnAlteredEntry() throws Exception {
    // a checkpoint below the one checked, even on a fresh database where this test runs first
    checkpointAfterAnAuditedRead();
    Path key = Files.writeString(dir.resolve("key.txt"), key().encode());
    Path checkpoint =
        Files.writeString(dir.resolve("checkpoint.txt"), checkpointAfterAnAuditedRead());
    long size = Checkpoint.parse(Note.open(Files.readString(checkpoint), key())).size();
    Api.Answer export = auditor().get("audit/export?to=" + size);
    assertEquals(200, export.status(), export.body());
    Path entries = Files.writeString(dir.resolve("entries.txt"), export.body());
    assertEquals(size, export.body().lines().count());

    Run good = verifier("--entries", entries, "--key", key, "--checkpoint", checkpoint);
    assertEquals(
        new Run(
            0,
            "OK: "
                + size
                + " entries; the signed checkpoint by "
                + key().name()
                + " verifies, and the tree recomputed from the entries has its root at size "
                + size
                + "\n"),
        good);

    // one entry's details changed in the export: the verifier names it
    List<String> lines = new ArrayList<>(export.body().lines().toList());
    // the entry just after the first checkpoint the log published: so a saved checkpoint below it
    // always exists, and the log has grown past it (this test's own audited reads came later)
    String firstNote =
        auditor()
            .get("audit/checkpoints?from=1&limit=1")
            .array()
            .getJsonObject(0)
            .getString("note");
    long first = Checkpoint.parse(Note.open(firstNote, key())).size();
    int victim = (int) first;
    assertTrue(victim < lines.size(), "the log grew after its first checkpoint");
    String[] parts = lines.get(victim).split(" ");
    AuditLeaf original = AuditLeaf.decode(Base64.getDecoder().decode(parts[1]));
    AuditLeaf altered =
        new AuditLeaf(
            original.at(),
            original.actor(),
            original.action(),
            original.objectType(),
            original.objectId(),
            "altered");
    lines.set(victim, parts[0] + " " + Base64.getEncoder().encodeToString(altered.encode()));
    Path tampered = Files.write(dir.resolve("tampered.txt"), lines);
    Api.Answer all = auditor().get("audit/checkpoints?from=" + (victim + 1) + "&limit=1");
    String coveringNote = all.array().getJsonObject(0).getString("note");
    Path covering = Files.writeString(dir.resolve("covering.txt"), coveringNote);
    Checkpoint signed = Checkpoint.parse(Note.open(coveringNote, key()));
    List<byte[]> tamperedHashes = new ArrayList<>();
    for (String line : lines.subList(0, (int) signed.size())) {
      tamperedHashes.add(Merkle.leafHash(Base64.getDecoder().decode(line.split(" ")[1])));
    }
    String roots =
        "the entries give the tree of size "
            + signed.size()
            + " the root "
            + Base64.getEncoder().encodeToString(Merkle.root(tamperedHashes))
            + ", not the signed checkpoint's "
            + Base64.getEncoder().encodeToString(signed.rootHash());
    assertTrue(victim >= 1 && signed.size() >= 2, "the log has entries before the victim");
    // only a checkpoint above the victim: the verifier can say no more than "one below it"
    Run bad = verifier("--entries", tampered, "--key", key, "--checkpoint", covering);
    assertEquals(
        new Run(
            1,
            "FAIL: an entry from 0 to "
                + (signed.size() - 1)
                + " was changed or replaced: "
                + roots
                + "; a checkpoint saved at a smaller size narrows it down\n"),
        bad);

    // and with the first checkpoint the log published (just below the victim): the range narrows
    Path firstFile = Files.writeString(dir.resolve("first.txt"), firstNote);
    Run narrower =
        verifier(
            "--entries", tampered,
            "--key", key,
            "--checkpoint", firstFile,
            "--checkpoint", covering);
    String expected =
        first == signed.size() - 1
            ? "FAIL: entry " + first + ": it was changed or replaced: " + roots + "\n"
            : "FAIL: an entry from "
                + first
                + " to "
                + (signed.size() - 1)
                + " was changed or replaced: "
                + roots
                + " (they match the one of size "
                + first
                + "); a checkpoint saved at a size between "
                + first
                + " and "
                + signed.size()
                + " narrows it down\n";
    assertEquals(new Run(1, expected), narrower);

    // and a saved checkpoint larger than the export: the tail was removed
    Path shortened = Files.write(dir.resolve("short.txt"), lines.subList(0, victim));
    Run tail = verifier("--entries", shortened, "--key", key, "--checkpoint", checkpoint);
    assertEquals(
        new Run(
            1,
            "FAIL: entries from "
                + victim
                + " on were removed: there are "
                + victim
                + " entries, but the signed checkpoint of size "
                + size
                + " covers entries 0 to "
                + (size - 1)
                + "\n"),
        tail);
  }

  private record Run(int status, String output) {}

  /** The verifier as an auditor runs it: {@code java -jar custodian-verifier.jar ...}. */
  private static Run verifier(Object... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("custodian.verifier.jar"));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    process.getInputStream().transferTo(out);
    int status = process.waitFor();
    return new Run(status, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theCityPrivacyOfficerDownloadsTheDailyCheckpointToKeep() {
    Api.Answer daily = Api.as(url, "cpo.city").get("audit/checkpoints/daily");
    assertEquals(200, daily.status(), daily.body());
    Checkpoint kept = Checkpoint.parse(Note.open(daily.body(), key()));
    assertTrue(kept.size() >= 0);
    assertEquals(403, Api.as(url, "member.diaz").get("audit/checkpoints/daily").status());
    assertEquals(
        404, Api.as(url, "cpo.city").get("audit/checkpoints/daily?date=1999-01-01").status());
  }

  @Test
  void theServerVerifiesItsOwnLogAgainstTheWitnessCopy() throws Exception {
    checkpointAfterAnAuditedRead();
    Api.Answer verdict = auditor().get("audit/verify");
    assertEquals(200, verdict.status(), verdict.body());
    assertTrue(verdict.json().getBoolean("valid"), verdict.body());
    Path witness = Path.of(System.getProperty("custodian.audit.witness.directory"), "checkpoint");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!Files.exists(witness) && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(witness), "each checkpoint is pushed to the witness directory");
    Checkpoint held = Checkpoint.parse(Note.open(Files.readString(witness), key()));
    assertFalse(held.origin().isEmpty());
  }

  /** The answer with the first byte of {@code proof[i]} changed, as a man in the middle would. */
  private static JsonObject withProofHashFlipped(JsonObject answer, int i) {
    List<byte[]> proof = new ArrayList<>(hashes(answer.getJsonArray("proof")));
    byte[] hash = proof.get(i).clone();
    hash[0] ^= 1;
    proof.set(i, hash);
    JsonArrayBuilder encoded = Json.createArrayBuilder();
    proof.forEach(h -> encoded.add(Base64.getEncoder().encodeToString(h)));
    return Json.createObjectBuilder(answer).add("proof", encoded).build();
  }

  private static List<byte[]> hashes(JsonArray proof) {
    return proof.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(s -> Base64.getDecoder().decode(s.getString()))
        .toList();
  }
}
