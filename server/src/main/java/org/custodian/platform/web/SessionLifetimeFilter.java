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
 */
public class SessionLifetimeFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "custodian.session.max-lifetime", defaultValue = "PT12H")
  Duration maxLifetime;

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
    chain.doFilter(request, response);
  }
}
