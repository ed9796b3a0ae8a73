package org.custodian.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A signed-in session ends after {@code custodian.session.max-lifetime} (default 12 hours, a long
 * shift) however busy it was, beside the idle timeout of web.xml: a stolen or forgotten session
 * does not live on by being used. The next request signs in again; nothing the user typed into a
 * form that is still open is saved.
 *
 * <p>The same for an API client known by the cookie of its first HTTP Basic call (STATEFUL_BASIC,
 * wildfly-config/security.cli): that sign-in ends after {@code custodian.api.sign-in-lifetime}
 * (default 15 minutes, however busy), so what it holds from a directory sign-in (roles, groups) is
 * read again at least that often; and a call whose Authorization header names another user than the
 * cookie's ends it too (a client that changed users but kept its cookie jar). Either way: 401 with
 * a Basic challenge, and the client's next call signs in with its credentials.
 */
public class SessionLifetimeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "custodian.session.max-lifetime", defaultValue = "PT12H")
  Duration maxLifetime;

  @Inject
  @ConfigProperty(name = "custodian.api.sign-in-lifetime", defaultValue = "PT15M")
  Duration apiSignInLifetime;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    if (session != null
        && System.currentTimeMillis() - session.getCreationTime() > maxLifetime.toMillis()) {
      boolean signedIn = request.getUserPrincipal() != null;
      session.invalidate();
      if (signedIn) {
        request.logout();
        if (CrossSiteRequestFilter.path(request).startsWith("/api/")) {
          ProblemResponse.write(
              response,
              HttpServletResponse.SC_UNAUTHORIZED,
              "Unauthorized",
              "Your session reached its longest lifetime; sign in again.",
              null);
        } else {
          response.sendRedirect(request.getContextPath() + "/");
        }
        return;
      }
    }
    String ended = ApiSignIn.ended(request, apiSignInLifetime);
    if (ended != null) {
      request.logout();
      ApiSignIn.challenge(response, ended);
      return;
    }
    chain.doFilter(request, response);
  }
}
