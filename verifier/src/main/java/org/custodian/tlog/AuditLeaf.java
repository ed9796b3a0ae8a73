package org.custodian.tlog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One audit entry as the bytes the Merkle tree commits to (version 1). The encoding is the version
 * line {@code custodian-audit-leaf/v1}, then six fields in a fixed order, each written as its name,
 * a space, the length of its value in UTF-8 bytes in decimal, a newline, the value's bytes and a
 * newline:
 *
 * <pre>
 * custodian-audit-leaf/v1
 * at 27
 * 2026-12-05T01:59:26.123456Z
 * actor 4
 * apo1
 * action 16
 * DISCLOSURE_OPENED
 * ...
 * </pre>
 *
 * Fields: {@code at} (the instant of the action, ISO-8601 in UTC, as {@link Instant#toString()}
 * writes it), {@code actor}, {@code action}, {@code object-type}, {@code object-id}, {@code
 * details}. The length makes every value unambiguous, whatever characters it holds. Nothing in a
 * leaf depends on another entry: its place in the log is the tree's business.
 */
public record AuditLeaf(
    Instant at, String actor, String action, String objectType, String objectId, String details) {

  public static final String VERSION_LINE = "custodian-audit-leaf/v1";
  private static final String[] NAMES = {
    "at", "actor", "action", "object-type", "object-id", "details"
  };

  public AuditLeaf {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(objectType, "objectType");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(details, "details");
  }

  private String[] values() {
    return new String[] {at.toString(), actor, action, objectType, objectId, details};
  }

  /** The canonical bytes. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.writeBytes((VERSION_LINE + "\n").getBytes(StandardCharsets.UTF_8));
    String[] values = values();
    for (int i = 0; i < NAMES.length; i++) {
      byte[] value = values[i].getBytes(StandardCharsets.UTF_8);
      out.writeBytes((NAMES[i] + " " + value.length + "\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(value);
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The leaf hash the tree holds for this entry. */
  public byte[] leafHash() {
    return Merkle.leafHash(encode());
  }

  /**
   * Reads canonical bytes; refuses anything that is not exactly what {@link #encode()} writes, so
   * that one entry has one encoding.
   */
  public static AuditLeaf decode(byte[] bytes) {
    Reader reader = new Reader(bytes);
    reader.expectLine(VERSION_LINE);
    String[] values = new String[NAMES.length];
    for (int i = 0; i < NAMES.length; i++) {
      String header = reader.line();
      String prefix = NAMES[i] + " ";
      if (!header.startsWith(prefix)
          || !header.substring(prefix.length()).matches("0|[1-9]\\d{0,8}")) {
        throw new IllegalArgumentException("expected the field " + NAMES[i] + " and its length");
      }
      values[i] = reader.value(Integer.parseInt(header.substring(prefix.length())));
    }
    if (!reader.atEnd()) {
      throw new IllegalArgumentException("bytes after the last field");
    }
    AuditLeaf leaf;
    try {
      leaf =
          new AuditLeaf(
              Instant.parse(values[0]), values[1], values[2], values[3], values[4], values[5]);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the instant is not ISO-8601: " + values[0], e);
    }
    if (!Arrays.equals(leaf.encode(), bytes)) {
      throw new IllegalArgumentException("not the canonical encoding of its fields");
    }
    return leaf;
  }

  private static final class Reader {
    private final byte[] bytes;
    private int at;

    Reader(byte[] bytes) {
      this.bytes = bytes;
    }

    String line() {
      int end = at;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (end == bytes.length) {
        throw new IllegalArgumentException("a line without its newline");
      }
      String line = utf8(at, end);
      at = end + 1;
      return line;
    }

    void expectLine(String expected) {
      if (!line().equals(expected)) {
        throw new IllegalArgumentException("not a " + expected + " leaf");
      }
    }

    String value(int length) {
      if (length > bytes.length - at - 1 || bytes[at + length] != '\n') {
        throw new IllegalArgumentException("a value shorter than its length");
      }
      String value = utf8(at, at + length);
      at += length + 1;
      return value;
    }

    boolean atEnd() {
      return at == bytes.length;
    }

    private String utf8(int from, int to) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(bytes, from, to - from))
            .toString();
      } catch (CharacterCodingException e) {
        throw new IllegalArgumentException("not UTF-8", e);
      }
    }
  }
}
