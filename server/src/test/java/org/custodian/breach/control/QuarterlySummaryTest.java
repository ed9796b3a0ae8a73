package org.custodian.breach.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quarterly summary's rules: small counts suppressed, quarters in New York time, CSV of counts
 * only.
 */
class QuarterlySummaryTest {

  @Test
  void countsFromOneToFourAreShownAsLessThanFive() {
    assertEquals("0", QuarterlySummary.shown(0));
    assertEquals("<5", QuarterlySummary.shown(1));
    assertEquals("<5", QuarterlySummary.shown(4));
    assertEquals("5", QuarterlySummary.shown(5));
    assertEquals("1234", QuarterlySummary.shown(1234));
  }

  @Test
  void everyCountOfTheSummaryIsSuppressedTheSameWay() {
    QuarterlySummary s =
        QuarterlySummary.of(
            "2026-Q3", 7, Map.of("cause", Map.of("HUMAN_ERROR", 5L, "LOST_OR_STOLEN", 2L)));
    assertEquals("7", s.total());
    assertEquals("5", s.counts().get("cause").get("HUMAN_ERROR"));
    assertEquals("<5", s.counts().get("cause").get("LOST_OR_STOLEN"));
    String csv = s.csv();
    assertEquals("quarter,dimension,value,count", csv.lines().findFirst().orElseThrow());
    assertFalse(csv.contains(",2\n"), "no small count leaks through the CSV");
  }

  @Test
  void quartersAreCalendarQuartersInNewYork() {
    ZoneId ny = ZoneId.of("America/New_York");
    assertEquals(ZonedDateTime.of(2026, 7, 1, 0, 0, 0, 0, ny), QuarterlySummary.start("2026-Q3"));
    assertEquals(ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, ny), QuarterlySummary.end("2026-Q3"));
    assertEquals("2026-Q4", QuarterlySummary.of(ZonedDateTime.of(2026, 11, 22, 12, 0, 0, 0, ny)));
    assertEquals(
        "2026-Q3",
        QuarterlySummary.previous(ZonedDateTime.of(2026, 10, 1, 7, 0, 0, 0, ny)),
        "the timer on Oct 1 compiles Q3");
    assertEquals(
        "2025-Q4", QuarterlySummary.previous(ZonedDateTime.of(2026, 1, 1, 7, 0, 0, 0, ny)));
    assertThrows(DateTimeParseException.class, () -> QuarterlySummary.start("2026-Q5"));
  }
}
