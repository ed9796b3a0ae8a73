package org.custodian.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The leaf encoding of docs/audit.md, byte for byte. */
class AuditLeafTest {

  static final AuditLeaf EXAMPLE =
      new AuditLeaf(
          Instant.parse("2026-12-05T01:59:26.123456Z"),
          "co.ramirez",
          "ACCESS_REQUEST_SUBMITTED",
          "AccessRequest",
          "41",
          "AR-2026-000041: CMS VIEW, 1 layer");

  @Test
  void encodesAsDocsAuditMdShows() {
    String expected =
        "custodian-audit-leaf/v1\n"
            + "at 27\n2026-12-05T01:59:26.123456Z\n"
            + "actor 10\nco.ramirez\n"
            + "action 24\nACCESS_REQUEST_SUBMITTED\n"
            + "object-type 13\nAccessRequest\n"
            + "object-id 2\n41\n"
            + "details 33\nAR-2026-000041: CMS VIEW, 1 layer\n";
    assertEquals(expected, new String(EXAMPLE.encode(), StandardCharsets.UTF_8));
    assertEquals(EXAMPLE, AuditLeaf.decode(EXAMPLE.encode()));
  }

  @Test
  void lengthsCountUtf8BytesSoAnyTextIsUnambiguous() {
    AuditLeaf tricky =
        new AuditLeaf(
            Instant.parse("2026-12-05T00:00:00Z"),
            "Łucja",
            "A\nactor 3\nxyz",
            "T",
            "",
            "details 0\n\n");
    byte[] bytes = tricky.encode();
    assertEquals(tricky, AuditLeaf.decode(bytes));
    assertEquals(
        true, new String(bytes, StandardCharsets.UTF_8).contains("actor 6\nŁucja\n"), "6 bytes");
  }

  @Test
  void onlyTheCanonicalEncodingIsALeaf() {
    String canonical = new String(EXAMPLE.encode(), StandardCharsets.UTF_8);
    for (String bad :
        new String[] {
          canonical.replace("custodian-audit-leaf/v1", "custodian-audit-leaf/v2"),
          canonical.replace("actor 10", "actor 010"),
          canonical.replace("actor 10", "actor 11"),
          canonical + "extra",
          canonical
              .replace("2026-12-05T01:59:26.123456Z", "2026-12-05T01:59:26.1234560Z")
              .replace("at 27", "at 28"),
          canonical.substring(0, canonical.length() - 1)
        }) {
      assertThrows(
          IllegalArgumentException.class,
          () -> AuditLeaf.decode(bad.getBytes(StandardCharsets.UTF_8)),
          bad);
    }
  }

  @Test
  void theLeafHashIsRfc9162s() {
    assertArrayEquals(Merkle.leafHash(EXAMPLE.encode()), EXAMPLE.leafHash());
  }
}
