package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuditLogTest {

  @Test
  void detailsThatFitAreKeptAsTheyAre() {
    String details = "AR-2026-000001: layer 1 APPROVE";
    assertSame(details, AuditLog.fit(details, AuditLog.MAX_DETAILS));
  }

  @Test
  void longerDetailsAreCutToTheColumnWithAMarkRatherThanFailingTheWrite() {
    String cut = AuditLog.fit("x".repeat(10_000), AuditLog.MAX_DETAILS);
    assertEquals(AuditLog.MAX_DETAILS, cut.length());
    assertTrue(cut.endsWith("[cut at 4000 characters]"), cut.substring(3_950));
  }

  @Test
  void aCutNeverSplitsACharacterInTwo() {
    String emoji = "\uD83D\uDE93";
    String cut = AuditLog.fit(emoji.repeat(3_000), AuditLog.MAX_DETAILS);
    assertTrue(cut.length() <= AuditLog.MAX_DETAILS);
    String kept = cut.substring(0, cut.indexOf('…'));
    assertEquals(0, kept.length() % 2, "whole surrogate pairs only");
  }
}
