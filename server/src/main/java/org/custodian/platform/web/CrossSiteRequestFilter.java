package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Entities;

/**
 * Nothing another web site can trigger acts in a signed-in user's name: no state change, no audited
 * read. A browser says where a request comes from (Fetch Metadata's {@code Sec-Fetch-Site}; every
 * current browser sends it, and {@code Origin} on every POST); a request from another site:
 *
 * <ul>
 *   <li>to the public pages and their API (the published policies, the comment form): served, as
 *       anyone may link to them and they never use the visitor's identity;
 *   <li>a link followed to a screen (a top-level GET navigation): a page that names the screen and
 *       offers to continue; the screen itself, with whatever it reads and audits, opens only from
 *       Custodian's own page;
 *   <li>anything else (a form post, a script's request, an image or frame, any API call): 403.
 * </ul>
 *
 * Non-browser API clients (curl, the HR system) send neither header and are not affected; they
 * authenticate explicitly with HTTP Basic on every call.
 */
public class CrossSiteRequestFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** Paths (after the context path) that other sites may use: no identity is involved there. */
  static final List<String> OPEN_TO_OTHER_SITES =
      List.of(
          "/public/",
          "/api/public/",
          "/jakarta.faces.resource/",
          "/resources/",
          "/login.xhtml",
          "/login-error.xhtml");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!fromAnotherSite(request) || openToOtherSites(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = path(request);
    boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (safe && !path.startsWith("/api/") && isNavigation(request)) {
      continueFromOurOwnPage(request, response);
    } else if (path.startsWith("/api/")) {
      ProblemResponse.write(
          response,
          HttpServletResponse.SC_FORBIDDEN,
          "Forbidden",
          "A request from another web site may not use your Custodian session.",
          null);
    } else {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "A request from another web site may not act in your name.");
    }
  }

  /**
   * Whether the browser says the request comes from another site. {@code same-site} counts too: a
   * sibling host of the same domain is another application. Without Fetch Metadata (an older
   * browser), an {@code Origin} other than this host's decides; without either, it is not a
   * browser's cross-site request.
   */
  static boolean fromAnotherSite(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    if (site != null) {
      String s = site.strip().toLowerCase(Locale.ROOT);
      return s.equals("cross-site") || s.equals("same-site");
    }
    String origin = request.getHeader("Origin");
    if (origin == null) {
      return false;
    }
    return !sameOrigin(origin.strip(), request);
  }

  /** The Origin names the host (and port) this request was sent to; "null" never does. */
  static boolean sameOrigin(String origin, HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host == null || origin.equals("null")) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      String authority = uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
      return authority.equalsIgnoreCase(host.strip())
          || (uri.getPort() < 0 && defaultPortOf(uri, host));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code https://h} against {@code Host: h:443} (and http with 80) is the same origin. */
  private static boolean defaultPortOf(URI uri, String host) {
    String port = "https".equalsIgnoreCase(uri.getScheme()) ? ":443" : ":80";
    return (uri.getHost() + port).equalsIgnoreCase(host.strip());
  }

  static boolean openToOtherSites(HttpServletRequest request) {
    String path = path(request);
    return OPEN_TO_OTHER_SITES.stream().anyMatch(path::startsWith);
  }

  private static boolean isNavigation(HttpServletRequest request) {
    String mode = request.getHeader("Sec-Fetch-Mode");
    String dest = request.getHeader("Sec-Fetch-Dest");
    // without Fetch Metadata (Origin decided), a GET is taken for a navigation: it gets only this
    // page
    return mode == null
        || ("navigate".equalsIgnoreCase(mode)
            && (dest == null || "document".equalsIgnoreCase(dest)));
  }

  static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /**
   * A small page, written here and never by the screen, that says where the link leads; its link is
   * same-origin, so following it opens the screen as if from Custodian itself.
   */
  private static void continueFromOurOwnPage(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    String target =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    String escaped = Entities.escape(target);
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-store");
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Continue to Custodian</title></head><body>"
                + "<main>"
                + "<h1>You followed a link from another site</h1>"
                + "<p>It leads to <code>"
                + escaped
                + "</code> in Custodian. Nothing has been opened or recorded yet.</p>"
                + "<p><a id=\"continue\" href=\""
                + escaped
                + "\">Continue to this page</a></p></main></body></html>");
  }
}
