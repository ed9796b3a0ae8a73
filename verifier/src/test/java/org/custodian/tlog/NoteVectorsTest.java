package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Note} against published C2SP signed-note vectors.
 *
 * <p>Sources (all fetched from GitHub):
 *
 * <ul>
 *   <li>golang/mod @ fe2ec04f7c3c3aa6fad97631aafcff6e49e2d1db: {@code sumdb/note/note_test.go} and
 *       {@code sumdb/note/example_test.go} (the reference implementation of signed notes).
 *   <li>C2SP/C2SP @ 5ba5ee830903e91240fc6f9f3a7a9293d49e69c9: {@code signed-note.md}, section
 *       "Verifier keys / Example".
 *   <li>transparency-dev/formats @ 0b850f1a7b4a5b70deeacac6535e4b8023809d21: {@code
 *       log/note_test.go} (a real sum.golang.org checkpoint, and key pairs whose base64 contains
 *       '+').
 * </ul>
 */
class NoteVectorsTest {

  // golang/mod sumdb/note/note_test.go, TestNewVerifier / TestOpen
  private static final String PETER_VKEY =
      "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
  // golang/mod sumdb/note/note_test.go, TestNewSigner / TestSign
  private static final String PETER_SKEY =
      "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
  // golang/mod sumdb/note/note_test.go, TestVerifierList / TestOpen
  private static final String ENOCH_VKEY =
      "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";

  // golang/mod sumdb/note/note_test.go, TestSign / TestOpen: text, peterSig, enochSig
  private static final String TEXT =
      "If you think cryptography is the answer to your problem,\n"
          + "then you don't know what your problem is.\n";
  private static final String PETER_SIG =
      "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
  private static final String ENOCH_SIG =
      "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

  // C2SP/C2SP signed-note.md, "Verifier keys / Example"
  private static final String C2SP_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
  private static final String C2SP_NOTE =
      "This is an example message.\n"
          + "\n"
          + "— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

  // transparency-dev/formats log/note_test.go, TestSumDBNoteParsing: the Go checksum database's
  // key (as built into the go command) and a checkpoint it signed. Both base64 fields contain '+'.
  private static final String SUMDB_VKEY =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";
  static final String SUMDB_NOTE =
      "go.sum database tree\n"
          + "6476701\n"
          + "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n"
          + "\n"
          + "— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n";

  // transparency-dev/formats log/note_test.go: verifier keys and their private keys
  private static final String[][] FORMATS_KEY_PAIRS = {
    {
      "Log+2271c621+AemuH5ooBpEPcr+W8onrjA1NfuzBVHdezakU81Ekarvs",
      "PRIVATE+KEY+Log+2271c621+AdEIq9FLRQni54Wg68T96VJO+iayOaulswav2DUMKgvQ"
    },
    {
      "Known+451c786d+AXAQ0T7lbwuY4ABJ9/MYY9bWV3hmSyOGVt2x42NkmdUH",
      "PRIVATE+KEY+Known+451c786d+AQPRoE2+Z+Ed1HaHBA9F/FfracvcZ2rDU39kCecMEoci"
    },
    {
      "KnownAgain+4893b26c+AQ+LR7BFF/F/dkpIBjBpSvT0crkteizuUkavAoGeaYMj",
      "PRIVATE+KEY+KnownAgain+4893b26c+ARhZda/l25zjGZswYLDZsLNRzNpmv5wYTN9IoTr1OJ2+"
    },
    {
      "Unknown+fdbb2e08+AWgRIYZ+8x1Vl+1Q+sR8zciNHiYI1SdlBjNw+RV0rots",
      "PRIVATE+KEY+Unknown+fdbb2e08+Aav2knTC6orbhXX8pMWuNiWgO+Wwk2DB+h1eU2Q1W1nU"
    },
  };

  @Test
  void parsesThePeterNeumannVerifierKey() {
    Note.VerifierKey key = Note.VerifierKey.parse(PETER_VKEY);
    assertEquals("PeterNeumann", key.name());
    assertEquals(0xc74f20a3L, key.keyId());
    assertEquals(PETER_VKEY, key.encode());
    byte[] raw = Note.rawPublicKey(key.key());
    assertEquals(0xc74f20a3L, Note.keyId("PeterNeumann", raw));
    assertArrayEquals(Arrays.copyOfRange(base64Field(PETER_VKEY), 1, 33), raw);
    assertEquals(PETER_VKEY, Note.VerifierKey.of("PeterNeumann", Note.publicKey(raw)).encode());
  }

  @Test
  void parsesOtherPublishedVerifierKeys() {
    assertEquals(0xaf0cfe78L, Note.VerifierKey.parse(ENOCH_VKEY).keyId());
    Note.VerifierKey c2sp = Note.VerifierKey.parse(C2SP_VKEY);
    assertEquals("example.com/foo", c2sp.name());
    assertEquals(0x530d903aL, c2sp.keyId());
    assertEquals(C2SP_VKEY, c2sp.encode());
  }

  /**
   * The key name and id are the text before the first and second '+'; the base64 key after them may
   * itself contain '+' (golang/mod note.go NewVerifier splits on the first two only). The
   * sum.golang.org key every go command trusts is such a key.
   */
  @Test
  void parsesVerifierKeysWhoseBase64ContainsPlus() {
    Note.VerifierKey sumdb = Note.VerifierKey.parse(SUMDB_VKEY);
    assertEquals("sum.golang.org", sumdb.name());
    assertEquals(0x033de0aeL, sumdb.keyId());
    assertEquals(SUMDB_VKEY, sumdb.encode());
    for (String[] pair : FORMATS_KEY_PAIRS) {
      assertEquals(pair[0], Note.VerifierKey.parse(pair[0]).encode());
    }
  }

  // golang/mod sumdb/note/note_test.go, TestNewVerifier: every proper substring of the key, and
  // the key with any one byte incremented, is rejected; so are two keys with adjusted key hashes.
  @Test
  void rejectsMangledVerifierKeys() {
    List<String> bad = new ArrayList<>();
    for (int i = 0; i <= PETER_VKEY.length(); i++) {
      for (int j = i + 1; j <= PETER_VKEY.length(); j++) {
        if (i != 0 || j != PETER_VKEY.length()) {
          bad.add(PETER_VKEY.substring(i, j));
        }
      }
    }
    char[] chars = PETER_VKEY.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i]++;
      bad.add(new String(chars));
      chars[i]--;
    }
    // wrong length key, with adjusted key hash
    bad.add("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==");
    // unknown algorithm, with adjusted key hash
    bad.add("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");

    List<String> accepted = new ArrayList<>();
    for (String key : bad) {
      try {
        Note.VerifierKey.parse(key);
        accepted.add(key);
      } catch (IllegalArgumentException expected) {
        // rejected, as it should be
      }
    }
    assertEquals(List.of(), accepted, "mangled verifier keys that parsed");
  }

  @Test
  void opensThePublishedNote() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    assertEquals(TEXT, Note.open(TEXT + "\n" + PETER_SIG, peter));
  }

  // golang/mod sumdb/note/note_test.go, TestOpen: one known and one unknown signer; both known.
  @Test
  void opensANoteSignedTwice() {
    String note = TEXT + "\n" + PETER_SIG + ENOCH_SIG;
    assertEquals(TEXT, Note.open(note, Note.VerifierKey.parse(PETER_VKEY)));
    assertEquals(TEXT, Note.open(note, Note.VerifierKey.parse(ENOCH_VKEY)));
  }

  // C2SP/C2SP signed-note.md, "Verifier keys / Example"
  @Test
  void opensTheC2spExampleNote() {
    assertEquals(
        "This is an example message.\n", Note.open(C2SP_NOTE, Note.VerifierKey.parse(C2SP_VKEY)));
  }

  // transparency-dev/formats log/note_test.go, TestSumDBNoteParsing. The key is assembled by hand
  // so that this checks the signature whatever VerifierKey.parse makes of the '+' in its base64
  // (parsesVerifierKeysWhoseBase64ContainsPlus checks that).
  @Test
  void opensARealSumGolangOrgCheckpoint() {
    String body = Note.open(SUMDB_NOTE, verifierKeyByHand(SUMDB_VKEY));
    assertEquals(SUMDB_NOTE.substring(0, SUMDB_NOTE.indexOf("\n\n") + 1), body);
  }

  @Test
  void rejectsATamperedBody() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    String tampered = TEXT.replace("problem is", "problems are");
    assertThrows(NoteException.class, () -> Note.open(tampered + "\n" + PETER_SIG, peter));
    assertThrows(
        NoteException.class, () -> Note.open("x" + C2SP_NOTE, Note.VerifierKey.parse(C2SP_VKEY)));
  }

  @Test
  void rejectsATamperedSignature() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    // golang/mod sumdb/note/note_test.go, TestOpen "Invalid signature": peterSig[:60] + "ABCD" +
    // peterSig[60:] (Go byte offsets; the em dash is three bytes of UTF-8).
    String longer = spliceUtf8(PETER_SIG, 60, "ABCD");
    assertThrows(NoteException.class, () -> Note.open(TEXT + "\n" + longer, peter));
    // The same signature with one bit of the Ed25519 signature flipped (key id intact).
    assertThrows(
        NoteException.class, () -> Note.open(TEXT + "\n" + flipSignatureBit(PETER_SIG, 40), peter));
  }

  // golang/mod sumdb/note/note_test.go, TestOpen "Invalid encoded message syntax". The Go list
  // also has "\xff" + text (invalid UTF-8), which a Java String cannot carry.
  @Test
  void rejectsMalformedNotes() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    List<String> badNotes =
        List.of(
            TEXT,
            TEXT + "\n",
            TEXT + "\n" + PETER_SIG.substring(0, PETER_SIG.length() - 1),
            "\u0001" + TEXT + "\n" + PETER_SIG,
            TEXT
                + "\n"
                + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            TEXT + "\n" + PETER_SIG + "Unexpected line.\n");
    for (String note : badNotes) {
      try {
        String body = Note.open(note, peter);
        fail("opened a malformed note, body " + quote(body) + ":\n" + quote(note));
      } catch (NoteException expected) {
        // rejected, as it should be
      } catch (RuntimeException e) {
        fail("a malformed note threw " + e + " instead of NoteException:\n" + quote(note));
      }
    }
  }

  // golang/mod sumdb/note/note_test.go, TestOpen "too many signatures" (101 copies); C2SP
  // signed-note.md: verifiers "MUST accept at least up to 16 signatures".
  @Test
  void limitsTheNumberOfSignatures() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    assertEquals(TEXT, Note.open(TEXT + "\n" + PETER_SIG.repeat(16), peter));
    assertThrows(NoteException.class, () -> Note.open(TEXT + "\n" + PETER_SIG.repeat(101), peter));
  }

  // golang/mod sumdb/note/note_test.go, TestOpen: misnamedSig and wrongHash. C2SP signed-note.md:
  // "Verifiers MUST ignore signatures from unknown keys, even if they share a name or ID (but not
  // both) with a known key"; "If no signature from a known key verifies successfully, clients MUST
  // reject the note."
  @Test
  void ignoresSignaturesByUnknownKeys() {
    Note.VerifierKey peter = Note.VerifierKey.parse(PETER_VKEY);
    String misnamed = PETER_SIG.replace("PeterNeumann", "CarmenSandiego");
    String wrongHash = PETER_SIG.replace("x08g", "xxxx");
    assertThrows(NoteException.class, () -> Note.open(TEXT + "\n" + misnamed, peter));
    assertThrows(NoteException.class, () -> Note.open(TEXT + "\n" + wrongHash, peter));
    assertThrows(NoteException.class, () -> Note.open(TEXT + "\n" + ENOCH_SIG, peter));
    assertEquals(TEXT, Note.open(TEXT + "\n" + misnamed + wrongHash + PETER_SIG, peter));
    // TestOpen "Duplicated verified and unverified signatures": a corrupt EnochRoot line is by a
    // key the caller did not ask about.
    String corruptEnoch = spliceUtf8(ENOCH_SIG, 60, "ABCD");
    assertEquals(
        TEXT,
        Note.open(
            TEXT + "\n" + PETER_SIG + PETER_SIG + ENOCH_SIG + ENOCH_SIG + corruptEnoch, peter));
  }

  // golang/mod sumdb/note/note_test.go, TestSign (and example_test.go ExampleSign): Ed25519 is
  // deterministic, so the seed of the published private key signs exactly the published line.
  @Test
  void signsExactlyThePublishedSignature() {
    PrivateKey key = Note.privateKeyFromSeed(seed(PETER_SKEY));
    String note = Note.sign(TEXT, "PeterNeumann", key);
    assertEquals(TEXT + "\n" + PETER_SIG, note);
    assertEquals(TEXT, Note.open(note, Note.VerifierKey.parse(PETER_VKEY)));
  }

  // golang/mod sumdb/note/example_test.go, ExampleSign_add_signatures: the EnochRoot key is
  // GenerateKey(zeroReader, "EnochRoot"), i.e. the all-zero Ed25519 seed, and its signature of
  // the text is the published enochSig.
  @Test
  void signsWithTheAllZeroSeedExactlyThePublishedEnochSignature() {
    String note = Note.sign(TEXT, "EnochRoot", Note.privateKeyFromSeed(new byte[32]));
    assertEquals(TEXT + "\n" + ENOCH_SIG, note);
    assertEquals(TEXT, Note.open(note, Note.VerifierKey.parse(ENOCH_VKEY)));
  }

  // transparency-dev/formats log/note_test.go: each private key's seed signs notes its verifier key
  // opens (no published signatures there, so this checks the seed -> key derivation). The keys
  // are assembled by hand, as in opensARealSumGolangOrgCheckpoint.
  @Test
  void privateKeysFromSeedsMatchTheirPublishedVerifierKeys() {
    String body = "TestParseCheckpoint\n42\nYWJjZGVm\n";
    for (String[] pair : FORMATS_KEY_PAIRS) {
      Note.VerifierKey key = verifierKeyByHand(pair[0]);
      String note = Note.sign(body, key.name(), Note.privateKeyFromSeed(seed(pair[1])));
      assertEquals(body, Note.open(note, key), key.name());
    }
  }

  // C2SP/C2SP signed-note.md: "the text is separated from the signatures by the last empty line
  // in the note" (its first example's text has a blank line in it).
  @Test
  void aBodyMayContainBlankLines() {
    String text =
        "Ognuno sta solo sul cuor della terra\n"
            + "trafitto da un raggio di sole:\n"
            + "\n"
            + "ed è subito sera.\n";
    String note = Note.sign(text, "PeterNeumann", Note.privateKeyFromSeed(seed(PETER_SKEY)));
    assertEquals(text, Note.open(note, Note.VerifierKey.parse(PETER_VKEY)));
  }

  /** The 32-byte Ed25519 seed of a golang/mod private key: PRIVATE+KEY+name+id+base64(1||seed). */
  private static byte[] seed(String skey) {
    String[] parts = skey.split("\\+", 5);
    byte[] typed = Base64.getDecoder().decode(parts[4]);
    assertEquals(33, typed.length, skey);
    assertEquals(1, typed[0], skey);
    return Arrays.copyOfRange(typed, 1, 33);
  }

  /**
   * A verifier key split as golang/mod note.go NewVerifier splits it (name, id, then everything
   * after the second '+'), checking the published id against {@link Note#keyId}.
   */
  private static Note.VerifierKey verifierKeyByHand(String vkey) {
    String[] parts = vkey.split("\\+", 3);
    byte[] typed = base64Field(vkey);
    assertEquals(33, typed.length, vkey);
    assertEquals(1, typed[0], vkey);
    byte[] raw = Arrays.copyOfRange(typed, 1, 33);
    long id = Long.parseLong(parts[1], 16);
    assertEquals(id, Note.keyId(parts[0], raw), "key id of " + vkey);
    return new Note.VerifierKey(parts[0], id, Note.publicKey(raw));
  }

  /** The base64 field of a verifier key: everything after the second '+'. */
  private static byte[] base64Field(String vkey) {
    return Base64.getDecoder().decode(vkey.split("\\+", 3)[2]);
  }

  /** Go's s[:i] + insert + s[i:], with i a UTF-8 byte offset. */
  private static String spliceUtf8(String s, int byteOffset, String insert) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return new String(b, 0, byteOffset, StandardCharsets.UTF_8)
        + insert
        + new String(b, byteOffset, b.length - byteOffset, StandardCharsets.UTF_8);
  }

  /** The signature line with one bit of its decoded signature (past the key id) flipped. */
  private static String flipSignatureBit(String line, int index) {
    int space = line.lastIndexOf(' ');
    byte[] sig = Base64.getDecoder().decode(line.substring(space + 1).strip());
    sig[index] ^= 1;
    return line.substring(0, space + 1) + Base64.getEncoder().encodeToString(sig) + "\n";
  }

  private static String quote(String s) {
    return s.replace("\n", "\\n").replace("\u0001", "\\x01");
  }
}
