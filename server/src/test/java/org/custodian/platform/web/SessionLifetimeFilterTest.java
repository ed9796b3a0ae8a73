package org.custodian.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionLifetimeFilterTest {

  private static SessionLifetimeFilter filter() {
    SessionLifetimeFilter filter = new SessionLifetimeFilter();
    filter.maxLifetime = Duration.ofHours(12);
    return filter;
  }

  @Test
  void aSessionWithinItsLifetimeGoesOn() throws Exception {
    boolean[] invalidated = {false};
    FakeRequests.Chain chain = new FakeRequests.Chain();
    filter()
        .doFilter(
            FakeRequests.request(
                Map.of("principal", "co.ramirez"),
                FakeRequests.session(Duration.ofHours(11).toMillis(), invalidated)),
            new FakeRequests.Response().proxy(),
            chain);
    assertTrue(chain.passed);
    assertFalse(invalidated[0]);
  }

  @Test
  void aSignedInSessionOlderThanItsLifetimeEndsHoweverBusyItWas() throws Exception {
    boolean[] invalidated = {false};
    FakeRequests.Chain chain = new FakeRequests.Chain();
    FakeRequests.Response screen = new FakeRequests.Response();
    filter()
        .doFilter(
            FakeRequests.request(
                Map.of("principal", "co.ramirez", "uri", "/custodian/inbox/index.xhtml"),
                FakeRequests.session(Duration.ofHours(13).toMillis(), invalidated)),
            screen.proxy(),
            chain);
    assertFalse(chain.passed);
    assertTrue(invalidated[0]);
    assertEquals(302, screen.status, "the screen signs in again");

    boolean[] apiInvalidated = {false};
    FakeRequests.Response api = new FakeRequests.Response();
    filter()
        .doFilter(
            FakeRequests.request(
                Map.of("principal", "co.ramirez", "uri", "/custodian/api/tasks"),
                FakeRequests.session(Duration.ofHours(13).toMillis(), apiInvalidated)),
            api.proxy(),
            new FakeRequests.Chain());
    assertEquals(401, api.status);
  }
}
