package org.custodian.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
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
 * with each other, and the exported entries recompute to the signed tree, in the verifier run as
 * {@code java -jar}.
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
   * Reads an entry (an audited read, so the log grows) and waits for the checkpoint that includes
   * it: the integrator runs every half second, so this is a wait for another thread's work, not for
   * time to pass.
   */
  private String checkpointAfterAnAuditedRead() throws InterruptedException {
    Note.VerifierKey key = key();
    Api.Answer first = auditor().get("audit/checkpoint");
    assertEquals(200, first.status(), first.body());
    long start = Checkpoint.parse(Note.open(first.body(), key)).size();
    assertEquals(200, auditor().get("audit/entries/0").status());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      Api.Answer latest = auditor().get("audit/checkpoint");
      if (Checkpoint.parse(Note.open(latest.body(), key)).size() > start) {
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
    }
  }

  @Test
  void checkpointsAreConsistentWithEachOther() throws Exception {
    Note.VerifierKey key = key();
    Checkpoint latest = Checkpoint.parse(Note.open(checkpointAfterAnAuditedRead(), key));
    Api.Answer list = auditor().get("audit/checkpoints?from=1&limit=1");
    assertEquals(200, list.status(), list.body());
    Checkpoint early =
        Checkpoint.parse(Note.open(list.array().getJsonObject(0).getString("note"), key));
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
  }

  @Test
  void theVerifierRecomputesTheExportedLogAndNamesAnAlteredEntry() throws Exception {
    Path key = Files.writeString(dir.resolve("key.txt"), key().encode());
    Path checkpoint =
        Files.writeString(dir.resolve("checkpoint.txt"), checkpointAfterAnAuditedRead());
    long size = Checkpoint.parse(Note.open(Files.readString(checkpoint), key())).size();
    Api.Answer export = auditor().get("audit/export?to=" + size);
    assertEquals(200, export.status(), export.body());
    Path entries = Files.writeString(dir.resolve("entries.txt"), export.body());
    assertEquals(size, export.body().lines().count());

    Run good = verifier("--entries", entries, "--key", key, "--checkpoint", checkpoint);
    assertEquals(0, good.status(), good.output());
    assertTrue(good.output().startsWith("OK: " + size + " entries"), good.output());

    // one entry's details changed in the export: the verifier names it
    List<String> lines = new ArrayList<>(export.body().lines().toList());
    int victim = lines.size() / 2;
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
    Path covering =
        Files.writeString(
            dir.resolve("covering.txt"), all.array().getJsonObject(0).getString("note"));
    Run bad = verifier("--entries", tampered, "--key", key, "--checkpoint", covering);
    assertEquals(1, bad.status(), bad.output());
    assertTrue(bad.output().startsWith("FAIL: first bad entry"), bad.output());

    // and a saved checkpoint larger than the export: the tail was removed
    Path shortened = Files.write(dir.resolve("short.txt"), lines.subList(0, victim));
    Run tail = verifier("--entries", shortened, "--key", key, "--checkpoint", checkpoint);
    assertEquals(1, tail.status(), tail.output());
    assertTrue(tail.output().contains("were removed"), tail.output());
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

  private static List<byte[]> hashes(JsonArray proof) {
    return proof.getValuesAs(jakarta.json.JsonString.class).stream()
        .map(s -> Base64.getDecoder().decode(s.getString()))
        .toList();
  }
}
