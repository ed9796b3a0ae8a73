package org.custodian.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519 keys: the text, a blank line, and
 * signature lines {@code — <key name> <base64(key id || signature)>}. The key id binds the
 * signature to the key's name and algorithm, so a key cannot be presented under another name.
 */
public final class Note {

  /** The Ed25519 signature type of signed notes. */
  static final byte ED25519 = 0x01;

  private static final String SIGNATURE_PREFIX = "\u2014 ";
  private static final Pattern KEY_NAME = Pattern.compile("[^\\s+\\p{Cntrl}]+");
  private static final int MAX_SIGNATURES = 100;

  // DER prefixes of an Ed25519 SubjectPublicKeyInfo and PKCS#8 PrivateKeyInfo (RFC 8410): what
  // the JDK's encodings put before the raw 32-byte key.
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
  private static final byte[] PKCS8_PREFIX =
      HexFormat.of().parseHex("302e020100300506032b657004220420");

  private Note() {}

  /** A signed-note verifier key: {@code <name>+<8 hex key id>+<base64(0x01 || public key)>}. */
  public record VerifierKey(String name, long keyId, PublicKey key) {

    public VerifierKey {
      if (name == null || !KEY_NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a key name is not empty and has no spaces, plus signs or control characters");
      }
      if (key == null) {
        throw new IllegalArgumentException("a verifier key needs its public key");
      }
    }

    public static VerifierKey of(String name, PublicKey key) {
      return new VerifierKey(name, Note.keyId(name, rawPublicKey(key)), key);
    }

    public static VerifierKey parse(String text) {
      KeyText parsed = KeyText.parse(text, ED25519, "verifier key", "an Ed25519 key");
      return new VerifierKey(parsed.name(), parsed.keyId(), publicKey(parsed.raw()));
    }

    public String encode() {
      return KeyText.encode(name, keyId, ED25519, key);
    }
  }

  /**
   * A C2SP verifier key's text, {@code <name>+<8 hex key id>+<base64(type || public key)>}, read
   * and checked: the type, and the key id against the name, type and key.
   */
  record KeyText(String name, long keyId, byte[] raw) {

    /**
     * @param what the key's kind in messages ("verifier key")
     * @param typeName what the type byte says, as "the ... is not {typeName}"
     */
    static KeyText parse(String text, byte type, String what, String typeName) {
      if (text == null) {
        throw new IllegalArgumentException("no " + what);
      }
      String[] parts = text.strip().split("\\+", 3);
      if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
        throw new IllegalArgumentException(
            "a " + what + " reads <name>+<8 hex digits>+<base64 key>");
      }
      byte[] encoded;
      try {
        encoded = Base64.getDecoder().decode(parts[2]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the " + what + "'s key is not base64", e);
      }
      if (encoded.length != 33 || encoded[0] != type) {
        throw new IllegalArgumentException("the " + what + " is not " + typeName);
      }
      byte[] raw = Arrays.copyOfRange(encoded, 1, 33);
      long id = Long.parseLong(parts[1], 16);
      if (id != Note.keyId(parts[0], type, raw)) {
        throw new IllegalArgumentException("the " + what + "'s id does not match its name and key");
      }
      return new KeyText(parts[0], id, raw);
    }

    static String encode(String name, long keyId, byte type, PublicKey key) {
      byte[] typed = new byte[33];
      typed[0] = type;
      System.arraycopy(rawPublicKey(key), 0, typed, 1, 32);
      return name + "+" + hexId(keyId) + "+" + Base64.getEncoder().encodeToString(typed);
    }
  }

  /** The first four bytes (big-endian) of SHA-256(name || 0x0A || 0x01 || public key). */
  public static long keyId(String name, byte[] rawPublicKey) {
    return keyId(name, ED25519, rawPublicKey);
  }

  /** The first four bytes (big-endian) of SHA-256(name || 0x0A || type || public key). */
  static long keyId(String name, byte type, byte[] rawPublicKey) {
    MessageDigest sha = Merkle.sha256();
    sha.update(name.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) '\n');
    sha.update(type);
    sha.update(rawPublicKey);
    return ByteBuffer.wrap(sha.digest(), 0, 4).getInt() & 0xffffffffL;
  }

  static String hexId(long keyId) {
    return String.format("%08x", keyId);
  }

  /** Signs {@code body} (ending in a newline) and returns the note with one signature line. */
  public static String sign(String body, String keyName, PrivateKey key) {
    checkText(body);
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initSign(key);
      ed.update(body.getBytes(StandardCharsets.UTF_8));
      byte[] signature = ed.sign();
      long id = keyId(keyName, rawPublicKey(publicKeyOf(key)));
      byte[] line =
          ByteBuffer.allocate(4 + signature.length).putInt((int) id).put(signature).array();
      return body
          + "\n"
          + SIGNATURE_PREFIX
          + keyName
          + " "
          + Base64.getEncoder().encodeToString(line)
          + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  /** A signature line: its key's name, the key id, and the signature bytes after the id. */
  public record SignatureLine(String keyName, long keyId, byte[] signature) {

    public SignatureLine {
      signature = signature.clone();
    }

    @Override
    public byte[] signature() {
      return signature.clone();
    }

    /**
     * The line as a note carries it, {@code — <name> <base64(key id || signature)>}, no newline.
     */
    public String line() {
      byte[] bytes =
          ByteBuffer.allocate(4 + signature.length).putInt((int) keyId).put(signature).array();
      return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(bytes);
    }
  }

  /** A note split into its text (ending in a newline) and its signature lines, none verified. */
  public record Split(String body, List<SignatureLine> signatures) {

    /** The signature lines by this key name and id. */
    public List<SignatureLine> by(String keyName, long keyId) {
      return signatures.stream()
          .filter(s -> s.keyName().equals(keyName) && s.keyId() == keyId)
          .toList();
    }
  }

  /**
   * Splits a signed note into its text and signature lines, checking the form only (C2SP
   * signed-note: text without control characters but newlines, a blank line, then one or more lines
   * {@code — <key name> <base64(key id || signature)>}).
   */
  public static Split split(String note) {
    if (note == null) {
      throw new NoteException("no note");
    }
    int split = note.lastIndexOf("\n\n");
    if (split < 0 || !note.endsWith("\n")) {
      throw new NoteException("a signed note is text, a blank line and signature lines");
    }
    String body = note.substring(0, split + 1);
    if (split + 2 >= note.length()) {
      throw new NoteException("the note carries no signature");
    }
    try {
      checkText(body);
    } catch (IllegalArgumentException e) {
      throw new NoteException(e.getMessage());
    }
    String[] lines = note.substring(split + 2, note.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteException("a note carries at most " + MAX_SIGNATURES + " signatures");
    }
    List<SignatureLine> signatures = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith(SIGNATURE_PREFIX)) {
        throw new NoteException("a signature line starts with an em dash and a space");
      }
      String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
      if (parts.length != 2 || !KEY_NAME.matcher(parts[0]).matches()) {
        throw new NoteException("a signature line names its key and carries one signature");
      }
      byte[] signature;
      try {
        signature = Base64.getDecoder().decode(parts[1]);
      } catch (IllegalArgumentException e) {
        throw new NoteException("a signature is not base64");
      }
      if (signature.length < 5) {
        throw new NoteException("a signature is too short");
      }
      long id = ByteBuffer.wrap(signature, 0, 4).getInt() & 0xffffffffL;
      signatures.add(
          new SignatureLine(parts[0], id, Arrays.copyOfRange(signature, 4, signature.length)));
    }
    return new Split(body, List.copyOf(signatures));
  }

  /**
   * The body of {@code note} when one of its signature lines is by {@code key} and verifies.
   * Signatures by other keys are ignored.
   */
  public static String open(String note, VerifierKey key) {
    Split split = split(note);
    List<SignatureLine> byKey = split.by(key.name(), key.keyId());
    if (byKey.isEmpty()) {
      throw new NoteException(
          "the note carries no signature by " + key.name() + "+" + hexId(key.keyId()));
    }
    for (SignatureLine line : byKey) {
      if (!verifies(key.key(), split.body(), line.signature())) {
        throw new NoteException(
            "the signature by " + key.name() + "+" + hexId(key.keyId()) + " does not verify");
      }
    }
    return split.body();
  }

  /** Whether an Ed25519 signature over the UTF-8 bytes of {@code message} verifies. */
  static boolean verifies(PublicKey key, String message, byte[] signature) {
    try {
      Signature ed = Signature.getInstance("Ed25519");
      ed.initVerify(key);
      ed.update(message.getBytes(StandardCharsets.UTF_8));
      return ed.verify(signature);
    } catch (SignatureException | InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required of every Java 15+ platform", e);
    }
  }

  static void checkText(String body) {
    if (body == null || body.isEmpty() || !body.endsWith("\n")) {
      throw new IllegalArgumentException("a note's text ends with a newline");
    }
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\n' && Character.isISOControl(c)) {
        throw new IllegalArgumentException("a note's text has no control characters but newlines");
      }
    }
  }

  /** The raw 32-byte Ed25519 public key. */
  public static byte[] rawPublicKey(PublicKey key) {
    byte[] encoded = key.getEncoded();
    if (encoded.length != X509_PREFIX.length + 32
        || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new IllegalArgumentException("not an Ed25519 public key");
    }
    return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
  }

  /** The JDK public key of a raw 32-byte Ed25519 public key. */
  public static PublicKey publicKey(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  /** The private key of a 32-byte Ed25519 seed (RFC 8032's private key). */
  public static PrivateKey privateKeyFromSeed(byte[] seed32) {
    if (seed32.length != 32) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
    }
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(concat(PKCS8_PREFIX, seed32)));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 seed", e);
    }
  }

  /**
   * The public key that belongs to an Ed25519 private key. The JDK derives it when it generates a
   * pair: its generator draws the 32-byte private key from the random source it is given, so a
   * source that yields the seed yields this key's pair.
   */
  public static PublicKey publicKeyOf(PrivateKey key) {
    if (!(key instanceof EdECPrivateKey ed) || ed.getBytes().isEmpty()) {
      throw new IllegalArgumentException("not an Ed25519 private key");
    }
    byte[] seed = ed.getBytes().get();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
      return generator.generateKeyPair().getPublic();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is required of every Java 15+ platform", e);
    }
  }

  /** A random source that yields one fixed seed: for deriving a key pair, never for new keys. */
  private static final class SeedSource extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] seed;

    SeedSource(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("the generator asked for " + bytes.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, seed.length);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
