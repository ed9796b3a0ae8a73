package org.custodian.platform.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * {@code HttpOnly} on the cookie of Elytron's STATEFUL_BASIC mechanism.
 *
 * <p>An API client that keeps the cookie the server sets after its first HTTP Basic call is known
 * by it on its next calls, so its password is checked once, not on every call (SHA-512-crypt, 5,000
 * rounds). WildFly 39's mechanism ({@code org.wildfly.security.http.sfbasic}) writes that cookie
 * without {@code HttpOnly} and {@code Secure}, and Undertow has a handler for {@code Secure} and
 * {@code SameSite} (WEB-INF/undertow-handlers.conf: {@code secure-cookie}, {@code
 * samesite-cookie(mode=Strict, ...)}) but none for {@code HttpOnly}. This adds it the way those
 * handlers add theirs, just before the response is committed, so no script of a page can read the
 * cookie.
 *
 * <p>Registered as an Undertow servlet extension (META-INF/services), so it wraps every request of
 * the application, the authentication mechanisms' responses included.
 */
public class AuthCookieAttributes implements ServletExtension {

  /** The cookie of {@code org.wildfly.security.http.sfbasic.BasicMechanismFactory}. */
  public static final String COOKIE = "ELYTRON_AUTH_SESSION";

  @Override
  public void handleDeployment(DeploymentInfo deploymentInfo, ServletContext servletContext) {
    deploymentInfo.addOuterHandlerChainWrapper(
        next ->
            exchange -> {
              exchange.addResponseCommitListener(AuthCookieAttributes::harden);
              next.handleRequest(exchange);
            });
  }

  static void harden(HttpServerExchange exchange) {
    for (Cookie cookie : exchange.responseCookies()) {
      if (COOKIE.equals(cookie.getName())) {
        cookie.setHttpOnly(true);
      }
    }
  }
}
