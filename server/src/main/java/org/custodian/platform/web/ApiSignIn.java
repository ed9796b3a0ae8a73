package org.custodian.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;

/**
 * An API client's sign-in by the cookie of its first HTTP Basic call (Elytron's STATEFUL_BASIC):
 * when it was made, and whether it still stands for this call.
 */
public final class ApiSignIn {

  /** The mechanism's name, as {@link HttpServletRequest#getAuthType()} gives it. */
  static final String MECHANISM = "STATEFUL_BASIC";

  private ApiSignIn() {}

  /**
   * When the identity of this request signed in, if it came by the API's Basic mechanism (a fresh
   * sign-in: now; by its cookie: the first call's time); empty for a screen's session or nobody.
   */
  public static java.util.Optional<Instant> signedInAt(HttpServletRequest request) {
    if (!MECHANISM.equals(request.getAuthType())) {
      return java.util.Optional.empty();
    }
    SecurityDomain domain = SecurityDomain.getCurrent();
    SecurityIdentity identity = domain == null ? null : domain.getCurrentSecurityIdentity();
    return identity == null || identity.isAnonymous()
        ? java.util.Optional.empty()
        : java.util.Optional.of(identity.getCreationTime());
  }

  /**
   * Why the cookie's sign-in no longer stands for this call; null if it does (or there is none).
   */
  static String ended(HttpServletRequest request, Duration lifetime) {
    java.util.Optional<Instant> at = signedInAt(request);
    return at.isEmpty()
        ? null
        : ended(
            at.get(),
            request.getUserPrincipal().getName(),
            request.getHeader("Authorization"),
            lifetime,
            Instant.now());
  }

  /**
   * Why a sign-in at {@code signedInAt} as {@code principal} does not stand for a call made at
   * {@code now} with that Authorization header; null if it does.
   */
  static String ended(
      Instant signedInAt, String principal, String authorization, Duration lifetime, Instant now) {
    if (signedInAt.plus(lifetime).isBefore(now)) {
      return "This client's sign-in reached its longest lifetime; sign in again.";
    }
    String named = basicUsername(authorization);
    if (named != null && !named.equalsIgnoreCase(principal)) {
      return "This call names another user than the sign-in its cookie stands for; sign in again.";
    }
    return null;
  }

  /** The user an HTTP Basic Authorization header names (its password is not looked at). */
  static String basicUsername(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon <= 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** 401, a Basic challenge and the reason, as a problem document. */
  static void challenge(HttpServletResponse response, String detail) throws IOException {
    response.setHeader(
        "WWW-Authenticate", org.custodian.platform.SignInAgainException.BASIC_CHALLENGE);
    ProblemResponse.write(
        response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail, null);
  }
}
