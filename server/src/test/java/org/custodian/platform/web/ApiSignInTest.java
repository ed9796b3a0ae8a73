package org.custodian.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** When an API client's sign-in by its cookie stands for a call, and when it ends. */
class ApiSignInTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-12-05T10:00:00Z");
  private static final Duration LIFETIME = Duration.ofMinutes(15);

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withinItsLifetimeItStandsWithOrWithoutTheHeader() {
    Instant later = SIGNED_IN.plus(Duration.ofMinutes(14));
    assertNull(ApiSignIn.ended(SIGNED_IN, "rev.one", null, LIFETIME, later));
    assertNull(ApiSignIn.ended(SIGNED_IN, "rev.one", basic("rev.one", "x"), LIFETIME, later));
    assertNull(ApiSignIn.ended(SIGNED_IN, "rev.one", basic("REV.ONE", "x"), LIFETIME, later));
    assertNull(ApiSignIn.ended(SIGNED_IN, "rev.one", "Bearer abc", LIFETIME, later));
  }

  @Test
  void itEndsAfterItsLifetimeHoweverBusy() {
    assertNotNull(
        ApiSignIn.ended(
            SIGNED_IN, "rev.one", null, LIFETIME, SIGNED_IN.plus(Duration.ofMinutes(16))));
  }

  @Test
  void itEndsWhenTheCallNamesAnotherUser() {
    assertNotNull(
        ApiSignIn.ended(
            SIGNED_IN, "rev.one", basic("rev.two", "x"), LIFETIME, SIGNED_IN.plusSeconds(1)));
  }

  @Test
  void theUserABasicHeaderNames() {
    assertEquals("co.ramirez", ApiSignIn.basicUsername(basic("co.ramirez", "a:b")));
    assertEquals(
        "co.ramirez", ApiSignIn.basicUsername("basic " + basic("co.ramirez", "p").substring(6)));
    assertNull(ApiSignIn.basicUsername(null));
    assertNull(ApiSignIn.basicUsername("Basic !!!"));
    assertNull(ApiSignIn.basicUsername(basic("", "p")));
    assertNull(ApiSignIn.basicUsername("Bearer x"));
  }
}
