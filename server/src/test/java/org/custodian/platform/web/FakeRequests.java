package org.custodian.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/** Just enough of a servlet request, response and chain for a filter's unit test. */
final class FakeRequests {

  private FakeRequests() {}

  /** A request; headers by name, plus "method", "uri", "query" and "principal" pseudo-headers. */
  static HttpServletRequest request(Map<String, String> values, HttpSession session) {
    Map<String, String> headers = new HashMap<>();
    values.forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v));
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            FakeRequests.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getHeader" ->
                      headers.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                  case "getMethod" -> headers.getOrDefault("method", "GET");
                  case "getRequestURI" -> headers.getOrDefault("uri", "/custodian/index.xhtml");
                  case "getContextPath" -> "/custodian";
                  case "getQueryString" -> headers.get("query");
                  case "getSession" -> session;
                  case "getUserPrincipal" ->
                      headers.containsKey("principal")
                          ? (Principal) () -> headers.get("principal")
                          : null;
                  case "logout" -> null;
                  case "getAuthType" -> headers.getOrDefault("authType", "FORM");
                  case "isSecure" -> false;
                  case "getContentLengthLong" ->
                      Long.parseLong(headers.getOrDefault("content-length", "-1"));
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /** A response that keeps its status, headers and body. */
  static final class Response {
    int status = 200;
    String redirect;
    final Map<String, String> headers = new HashMap<>();
    final StringWriter body = new StringWriter();

    HttpServletResponse proxy() {
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              FakeRequests.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (p, method, args) -> {
                switch (method.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "sendError" -> status = (Integer) args[0];
                  case "sendRedirect" -> {
                    status = 302;
                    redirect = (String) args[0];
                  }
                  case "setHeader", "addHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                  case "setCharacterEncoding" -> {}
                  case "getWriter" -> {
                    return new PrintWriter(body);
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
              });
    }
  }

  /** A chain that remembers whether the request went on to the application. */
  static final class Chain implements FilterChain {
    boolean passed;

    @Override
    public void doFilter(
        jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
      passed = true;
    }
  }

  /** A session created {@code ageMillis} ago. */
  static HttpSession session(long ageMillis, boolean[] invalidated) {
    long created = System.currentTimeMillis() - ageMillis;
    return (HttpSession)
        Proxy.newProxyInstance(
            FakeRequests.class.getClassLoader(),
            new Class<?>[] {HttpSession.class},
            (p, method, args) ->
                switch (method.getName()) {
                  case "getCreationTime" -> created;
                  case "invalidate" -> {
                    invalidated[0] = true;
                    yield null;
                  }
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
