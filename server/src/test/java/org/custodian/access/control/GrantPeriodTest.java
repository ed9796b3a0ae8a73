package org.custodian.access.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A grant's period as intake judges an event against it: held from the approval until it ends, and
 * not usable while a misuse case has it suspended; it resumes by itself when the suspension ends.
 */
class GrantPeriodTest {

  private static final Instant GRANTED = Instant.parse("2026-01-05T14:00:00Z");
  private static final Instant SUSPENDED = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant RESUMES = Instant.parse("2026-04-01T04:00:00Z");
  private static final Instant ENDED = Instant.parse("2026-06-30T20:00:00Z");

  private final Grants.Period period =
      new Grants.Period(GRANTED, ENDED, List.of(new Grants.Interval(SUSPENDED, RESUMES)));

  @Test
  void anEventBeforeTheSuspensionIsCovered() {
    assertTrue(period.covers(GRANTED));
    assertTrue(period.covers(SUSPENDED.minusMillis(1)));
  }

  @Test
  void anEventInTheSuspensionIsHeldButNotCovered() {
    assertTrue(period.held(SUSPENDED));
    assertFalse(period.covers(SUSPENDED));
    assertFalse(period.covers(RESUMES.minusMillis(1)));
  }

  @Test
  void theGrantResumesWhenTheSuspensionEnds() {
    assertTrue(period.covers(RESUMES));
  }

  @Test
  void anEventOutsideTheGrantIsNeitherHeldNorCovered() {
    assertFalse(period.held(GRANTED.minusMillis(1)));
    assertFalse(period.held(ENDED));
    assertFalse(period.covers(ENDED));
  }

  @Test
  void aGrantStillHeldHasNoEnd() {
    Grants.Period open = new Grants.Period(GRANTED, null, List.of());
    assertTrue(open.covers(Instant.parse("2099-01-01T00:00:00Z")));
  }
}
