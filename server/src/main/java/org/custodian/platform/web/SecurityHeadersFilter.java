package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The response headers that keep a screen or an answer where it belongs, on every response:
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: the API's answers are data, never a document that runs or
 *       loads anything ({@code default-src 'none'}); a screen may not be framed, may post forms
 *       only to Custodian and loads no plugins. Which scripts a screen may run is PrimeFaces' CSP
 *       mode's policy (web.xml: a nonce per response, no inline script), a second header that the
 *       browser enforces as well.
 *   <li>{@code X-Frame-Options: DENY} for browsers that know only that; {@code nosniff}; no
 *       referrer (a ledger search's address names the person searched for); no camera, microphone,
 *       location or other powerful features.
 *   <li>{@code Strict-Transport-Security} when served over HTTPS.
 * </ul>
 */
public class SecurityHeadersFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String API_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

  static final String SCREEN_POLICY =
      "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

  static final String PERMISSIONS =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=(), "
          + "accelerometer=(), gyroscope=(), magnetometer=(), midi=(), interest-cohort=()";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean api = CrossSiteRequestFilter.path(request).startsWith("/api/");
    response.setHeader("Content-Security-Policy", api ? API_POLICY : SCREEN_POLICY);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Permissions-Policy", PERMISSIONS);
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
