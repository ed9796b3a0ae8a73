package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * {@link Cosignature} against what C2SP and transparency-dev publish, and against cosignatures the
 * test makes itself.
 *
 * <p>Sources (fetched from GitHub):
 *
 * <ul>
 *   <li>C2SP/C2SP @ 01194db11950a0ae2b2b2401afa0a4063a822458: {@code tlog-cosignature.md}, its
 *       example (a checkpoint with a witness's cosignature line) and its signed-message example
 *       ({@code time 1679315147}). It publishes no witness key, so the line's framing is what can
 *       be checked: key id, timestamp, 64 signature bytes.
 *   <li>transparency-dev/formats @ 091ce41666c09683aa9350785e572be27f0c026d: {@code
 *       note/note_cosigv1_test.go}, a real witness's cosignature verifier key ({@code
 *       remora.n621.de}, type 0x04) and a cosignature whose timestamp is 1727964367.
 * </ul>
 */
class CosignatureTest {

  // transparency-dev/formats note/note_cosigv1_test.go, TestCoSigV1NewVerifier
  private static final String REMORA_VKEY =
      "remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2";

  // C2SP/C2SP tlog-cosignature.md, the example's witness line
  private static final String SPEC_LINE =
      "— witness.example.com/w1"
          + " jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==";
  private static final String SPEC_CHECKPOINT =
      "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";
  private static final String SPEC_LOG_LINE =
      "— example.com/behind-the-sofa"
          + " Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=";

  // transparency-dev/formats note/note_cosigv1_test.go, TestCoSigV1Timestamp "works"
  private static final String TIMESTAMPED =
      "ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==";

  /*
   * No published vector ships a witness key with a checkpoint and its cosignature. This one was made
   * by another implementation, Python's cryptography 48 (OpenSSL's Ed25519), from the spec's text:
   *
   *   seed = bytes(range(1, 33)); sk = Ed25519PrivateKey.from_private_bytes(seed)
   *   pk = sk.public_key().public_bytes(Raw, Raw); name = "witness.example.com/w1"
   *   kid = sha256(name.encode() + b"\n" + b"\x04" + pk).digest()[:4]
   *   msg = b"cosignature/v1\ntime 1679315147\n" + SPEC_CHECKPOINT
   *   line = "\u2014 " + name + " " + b64encode(kid + pack(">Q", 1679315147) + sk.sign(msg))
   *   vkey = name + "+" + kid.hex() + "+" + b64encode(b"\x04" + pk)
   */
  private static final String OTHER_VKEY =
      "witness.example.com/w1+8561c71e+BHm1Vi6P5lT5QHixEuipi6eQH4U65pW+1+DjkQutBJZk";
  private static final String OTHER_LINE =
      "— witness.example.com/w1"
          + " hWHHHgAAAABkGFDLQB2dbiQ7rPMIDjq/twq5Ixt42T+awjiYS4+fxrnLnI31x5abVjZlhDVvZAcRRLyAiG4oQlhTgi4DsxiPwiDaDg==";

  private static final String LOG_TEXT = "custodian.test/audit\n17\n" + b64(new byte[32]) + "\n";

  @Test
  void aPublishedWitnessKeyParsesAndItsIdIsDerivedAsPublished() {
    Cosignature.WitnessKey remora = Cosignature.WitnessKey.parse(REMORA_VKEY);
    assertEquals("remora.n621.de", remora.name());
    assertEquals(0xda77ade7L, remora.keyId());
    assertEquals(REMORA_VKEY, remora.encode());
    assertEquals(0xda77ade7L, Cosignature.keyId("remora.n621.de", Note.rawPublicKey(remora.key())));
  }

  @Test
  void theSpecsExampleLineIsAKeyIdATimestampAndASignature() {
    Note.Split split = Note.split(SPEC_CHECKPOINT + "\n" + SPEC_LOG_LINE + "\n" + SPEC_LINE + "\n");
    assertEquals(SPEC_CHECKPOINT, split.body());
    assertEquals(2, split.signatures().size());
    Note.SignatureLine witness = split.signatures().get(1);
    assertEquals("witness.example.com/w1", witness.keyName());
    assertEquals(0x8d66cf3fL, witness.keyId());
    byte[] bytes = witness.signature();
    assertEquals(8 + 64, bytes.length);
    // the spec's signed-message example says "time 1679315147"
    assertEquals(1679315147L, ByteBuffer.wrap(bytes, 0, 8).getLong());
    assertEquals(SPEC_LINE, witness.line());
  }

  @Test
  void transparencyDevsTimestampedSignatureCarriesItsTime() {
    byte[] bytes = Base64.getDecoder().decode(TIMESTAMPED);
    assertEquals(4 + 8 + 64, bytes.length);
    assertEquals(1727964367L, ByteBuffer.wrap(bytes, 4, 8).getLong());
  }

  @Test
  void aCosignatureMadeByAnotherImplementationVerifiesAndIsMadeAlikeHere() {
    Cosignature.WitnessKey witness = Cosignature.WitnessKey.parse(OTHER_VKEY);
    String note = SPEC_CHECKPOINT + "\n" + SPEC_LOG_LINE + "\n" + OTHER_LINE + "\n";
    Cosignature.Verified found = Cosignature.find(note, witness).orElseThrow();
    assertEquals(Instant.ofEpochSecond(1679315147L), found.at());
    assertEquals(OTHER_LINE, found.line());
    // Ed25519 is deterministic: the same seed, text and time give the same line here
    byte[] seed = new byte[32];
    for (int i = 0; i < 32; i++) {
      seed[i] = (byte) (i + 1);
    }
    PrivateKey key = Note.privateKeyFromSeed(seed);
    assertEquals(
        witness, Cosignature.WitnessKey.of("witness.example.com/w1", Note.publicKeyOf(key)));
    assertEquals(OTHER_LINE, Cosignature.sign(SPEC_CHECKPOINT, witness, key, 1679315147L));
    // and it does not verify on another checkpoint
    String other = SPEC_CHECKPOINT.replace("20852163", "20852164");
    assertThrows(
        NoteException.class,
        () -> Cosignature.find(other + "\n" + SPEC_LOG_LINE + "\n" + OTHER_LINE + "\n", witness));
  }

  @Test
  void aKeyOfAnotherTypeIsNotAWitnessKey() {
    // the log's own kind of key (type 0x01), from golang/mod's note tests
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Cosignature.WitnessKey.parse(
                    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"));
    assertTrue(e.getMessage().contains("type 0x04"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> Cosignature.WitnessKey.parse(REMORA_VKEY.replace("da77ade7", "da77ade8")));
  }

  @Test
  void aCosignatureMadeHereVerifiesWithItsTime() {
    Witness witness = new Witness("witness.test/w1", 7);
    String note = logNote() + witness.cosign(LOG_TEXT, 1_765_000_000L) + "\n";
    Cosignature.Verified found = Cosignature.find(note, witness.key).orElseThrow();
    assertEquals(Instant.ofEpochSecond(1_765_000_000L), found.at());
    assertEquals(witness.key, found.witness());
    // the log's own signature still opens the note: other keys' lines are ignored
    assertEquals(LOG_TEXT, Note.open(note, logKey()));
    // the key round-trips as text
    assertEquals(witness.key, Cosignature.WitnessKey.parse(witness.key.encode()));
  }

  @Test
  void aNoteWithoutTheWitnessesLineHasNoCosignature() {
    Witness witness = new Witness("witness.test/w1", 7);
    Witness other = new Witness("witness.test/w2", 8);
    String note = logNote() + other.cosign(LOG_TEXT, 1_765_000_000L) + "\n";
    assertTrue(Cosignature.find(note, witness.key).isEmpty());
    assertTrue(Cosignature.find(logNote(), witness.key).isEmpty());
  }

  @Test
  void aCosignatureOnAnotherCheckpointOrTimeDoesNotVerify() {
    Witness witness = new Witness("witness.test/w1", 7);
    String onOther = witness.cosign("custodian.test/audit\n18\n" + b64(new byte[32]) + "\n", 5);
    NoteException e =
        assertThrows(
            NoteException.class, () -> Cosignature.find(logNote() + onOther + "\n", witness.key));
    assertEquals(
        "the cosignature by witness.test/w1+"
            + Note.hexId(witness.key.keyId())
            + " does not verify",
        e.getMessage());

    // the same signature presented with another time
    Note.SignatureLine line =
        Note.split(logNote() + witness.cosign(LOG_TEXT, 5) + "\n")
            .by(witness.key.name(), witness.key.keyId())
            .get(0);
    byte[] bytes = line.signature();
    ByteBuffer.wrap(bytes).putLong(6);
    String retimed = new Note.SignatureLine(line.keyName(), line.keyId(), bytes).line();
    assertThrows(
        NoteException.class, () -> Cosignature.find(logNote() + retimed + "\n", witness.key));
  }

  @Test
  void aLogSignatureUnderTheWitnessesNameAndIdIsNoCosignature() {
    Witness witness = new Witness("witness.test/w1", 7);
    // 64 signature bytes, no time: the log's kind of signature
    String plain =
        new Note.SignatureLine(witness.key.name(), witness.key.keyId(), new byte[64]).line();
    NoteException e =
        assertThrows(
            NoteException.class, () -> Cosignature.find(logNote() + plain + "\n", witness.key));
    assertTrue(e.getMessage().contains("is not a cosignature"), e.getMessage());
  }

  @Test
  void theLatestOfSeveralCosignaturesIsFound() {
    Witness witness = new Witness("witness.test/w1", 7);
    String note =
        logNote()
            + witness.cosign(LOG_TEXT, 100)
            + "\n"
            + witness.cosign(LOG_TEXT, 300)
            + "\n"
            + witness.cosign(LOG_TEXT, 200)
            + "\n";
    assertEquals(
        Instant.ofEpochSecond(300), Cosignature.find(note, witness.key).orElseThrow().at());
  }

  @Test
  void theSignedMessageIsTheSpecsLayout() {
    assertEquals(
        "cosignature/v1\ntime 1679315147\n" + SPEC_CHECKPOINT,
        Cosignature.message(SPEC_CHECKPOINT, 1679315147L));
  }

  @Test
  void splitKeepsTheLinesAsTheyCame() {
    Witness witness = new Witness("witness.test/w1", 7);
    String line = witness.cosign(LOG_TEXT, 42);
    Note.SignatureLine parsed = Note.split(logNote() + line + "\n").signatures().get(1);
    assertEquals(line, parsed.line());
    assertEquals(8 + 64, parsed.signature().length);
  }

  private static String logNote() {
    return Note.sign(LOG_TEXT, "custodian.test/audit", logPrivateKey());
  }

  private static PrivateKey logPrivateKey() {
    return Note.privateKeyFromSeed(seed(1));
  }

  private static Note.VerifierKey logKey() {
    return Note.VerifierKey.of("custodian.test/audit", Note.publicKeyOf(logPrivateKey()));
  }

  /** A witness of a fixed seed. */
  private static final class Witness {
    final PrivateKey privateKey;
    final Cosignature.WitnessKey key;

    Witness(String name, int seed) {
      privateKey = Note.privateKeyFromSeed(seed(seed));
      key = Cosignature.WitnessKey.of(name, Note.publicKeyOf(privateKey));
    }

    String cosign(String text, long time) {
      return Cosignature.sign(text, key, privateKey, time);
    }
  }

  private static byte[] seed(int value) {
    byte[] seed = new byte[32];
    seed[31] = (byte) value;
    return seed;
  }

  private static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
