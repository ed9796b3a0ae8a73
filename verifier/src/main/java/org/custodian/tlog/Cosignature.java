package org.custodian.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Witness cosignatures (C2SP tlog-cosignature, {@code https://c2sp.org/tlog-cosignature}), Ed25519
 * type: a witness's statement that, at a time it names, the checkpoint is the largest consistent
 * tree it has seen of the log. It is a signature line on the checkpoint's note, {@code — <witness
 * name> base64(key id || timestamp || signature)}, with
 *
 * <ul>
 *   <li>key id: the first four bytes of SHA-256(name || 0x0A || 0x04 || public key);
 *   <li>timestamp: seconds since the epoch, 8 bytes big-endian;
 *   <li>signature: Ed25519 over {@code cosignature/v1\n}, {@code time <timestamp>\n} and the
 *       checkpoint's text (its lines with their newlines, no signature lines).
 * </ul>
 *
 * A log's key cannot make one: whoever stole the log's signing key and rewrote the log can sign new
 * checkpoints, but not the witness's cosignature on them.
 */
public final class Cosignature {

  /** The signature type of Ed25519 cosignatures in key ids and verifier keys. */
  static final byte ED25519_COSIGNATURE = 0x04;

  private static final Pattern KEY_NAME = Pattern.compile("[^\\s+\\p{Cntrl}]+");
  private static final int LENGTH = 4 + 8 + 64;

  private Cosignature() {}

  /**
   * A witness's verifier key for cosignatures: {@code <name>+<8 hex key id>+<base64(0x04 || public
   * key)>}.
   */
  public record WitnessKey(String name, long keyId, PublicKey key) {

    public WitnessKey {
      if (name == null || !KEY_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a witness name is not empty and has no spaces, plus signs or control characters");
      }
      if (key == null) {
        throw new IllegalArgumentException("a witness key needs its public key");
      }
    }

    public static WitnessKey of(String name, PublicKey key) {
      return new WitnessKey(name, Cosignature.keyId(name, Note.rawPublicKey(key)), key);
    }

    public static WitnessKey parse(String text) {
      Note.KeyText parsed =
          Note.KeyText.parse(
              text, ED25519_COSIGNATURE, "witness key", "an Ed25519 cosignature key (type 0x04)");
      return new WitnessKey(parsed.name(), parsed.keyId(), Note.publicKey(parsed.raw()));
    }

    public String encode() {
      return Note.KeyText.encode(name, keyId, ED25519_COSIGNATURE, key);
    }

    /** The key as the witness's name and id, {@code name+0123abcd}. */
    @Override
    public String toString() {
      return name + "+" + Note.hexId(keyId);
    }
  }

  /** A cosignature that verified: whose, when the witness made it, and its line. */
  public record Verified(WitnessKey witness, Instant at, String line) {}

  /** The first four bytes (big-endian) of SHA-256(name || 0x0A || 0x04 || public key). */
  public static long keyId(String name, byte[] rawPublicKey) {
    return Note.keyId(name, ED25519_COSIGNATURE, rawPublicKey);
  }

  /** What the witness signs: the header line, the time line, the checkpoint's text. */
  static String message(String checkpointText, long timestamp) {
    return "cosignature/v1\ntime " + timestamp + "\n" + checkpointText;
  }

  /**
   * A witness's cosignature line over a checkpoint's text (what a witness answers; for tests and
   * for anyone running a witness), without its newline.
   */
  public static String sign(String checkpointText, WitnessKey witness, PrivateKey key, long time) {
    Note.checkText(checkpointText);
    if (time < 0) {
      throw new IllegalArgumentException("a cosignature's time is not before the epoch");
    }
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key);
      ed.update(message(checkpointText, time).getBytes(StandardCharsets.UTF_8));
      byte[] signature = ByteBuffer.allocate(8 + 64).putLong(time).put(ed.sign()).array();
      return new Note.SignatureLine(witness.name(), witness.keyId(), signature).line();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /**
   * The witness's cosignature on a signed note, if it carries one: the latest by time when it
   * carries several. Lines by other keys are ignored, as the signed-note format asks.
   *
   * @throws NoteException when the note is not a signed note, or a line by the witness's key is not
   *     a cosignature or does not verify over the note's text
   */
  public static Optional<Verified> find(String note, WitnessKey witness) {
    Note.Split split = Note.split(note);
    List<Note.SignatureLine> lines = split.by(witness.name(), witness.keyId());
    Verified latest = null;
    for (Note.SignatureLine line : lines) {
      byte[] bytes = line.signature();
      if (bytes.length != LENGTH - 4) {
        throw new NoteException(
            "the line by " + witness + " is not a cosignature (a time and an Ed25519 signature)");
      }
      long time = ByteBuffer.wrap(bytes, 0, 8).getLong();
      if (time < 0) {
        throw new NoteException("the cosignature by " + witness + " has no valid time");
      }
      if (!Note.verifies(
          witness.key(), message(split.body(), time), Arrays.copyOfRange(bytes, 8, bytes.length))) {
        throw new NoteException("the cosignature by " + witness + " does not verify");
      }
      if (latest == null || latest.at().getEpochSecond() < time) {
        latest = new Verified(witness, Instant.ofEpochSecond(time), line.line());
      }
    }
    return Optional.ofNullable(latest);
  }
}
