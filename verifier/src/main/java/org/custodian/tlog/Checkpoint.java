package org.custodian.tlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint body (https://c2sp.org/tlog-checkpoint): the origin line that names the
 * log, the tree size in decimal, the base64 root hash, each ending in a newline. A checkpoint is
 * published inside a signed {@link Note}.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

  public Checkpoint {
    if (origin == null || origin.isEmpty() || origin.contains("\n")) {
      throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
    }
    if (size < 0) {
      throw new IllegalArgumentException("a tree size is never negative");
    }
    if (rootHash == null || rootHash.length != Merkle.HASH_BYTES) {
      throw new IllegalArgumentException("a root hash has 32 bytes");
    }
    rootHash = rootHash.clone();
  }

  @Override
  public byte[] rootHash() {
    return rootHash.clone();
  }

  /** The note body: three lines, each ending in a newline. */
  public String body() {
    return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
  }

  /**
   * Reads a checkpoint body. Lines after the third are extension lines, which this log does not
   * write and a verifier may ignore.
   */
  public static Checkpoint parse(String body) {
    if (body == null || !body.endsWith("\n")) {
      throw new IllegalArgumentException("a checkpoint body ends with a newline");
    }
    String[] lines = body.split("\n", -1);
    if (lines.length < 4) {
      throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash");
    }
    if (!DECIMAL.matcher(lines[1]).matches()) {
      throw new IllegalArgumentException("the tree size is not a decimal number: " + lines[1]);
    }
    byte[] root;
    try {
      root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the root hash is not base64: " + lines[2], e);
    }
    return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
  }
}
