package org.custodian.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What anyone may send without signing in (a public comment, the public comment form) is small: a
 * body must declare its length, and one longer than {@code custodian.public.max-body-bytes}
 * (default 64 KiB) is refused before anything reads it. A comment is at most 5,000 characters.
 */
public class PublicBodyLimitFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Inject
  @ConfigProperty(name = "custodian.public.max-body-bytes", defaultValue = "65536")
  long maxBytes;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    long length = request.getContentLengthLong();
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      refuse(
          request,
          response,
          HttpServletResponse.SC_LENGTH_REQUIRED,
          "Send the request body with its Content-Length.");
    } else if (length > maxBytes) {
      refuse(
          request, response, 413, "The request body is larger than " + maxBytes / 1024 + " KiB.");
    } else {
      chain.doFilter(new Capped(request, Math.max(length, 0)), response);
    }
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    response.setHeader("Connection", "close");
    if (CrossSiteRequestFilter.path(request).startsWith("/api/")) {
      ProblemResponse.write(
          response,
          status,
          status == 413 ? "Content Too Large" : "Length Required",
          detail,
          "body");
    } else {
      response.sendError(status, detail);
    }
  }

  /** The body as declared, and not a byte more, whoever reads it. */
  private static final class Capped extends HttpServletRequestWrapper {
    private final long limit;
    private ServletInputStream stream;

    Capped(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                if (read >= limit) {
                  return -1;
                }
                int b = in.read();
                if (b >= 0) {
                  read++;
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                if (read >= limit) {
                  return -1;
                }
                int n = in.read(buffer, offset, (int) Math.min(length, limit - read));
                if (n > 0) {
                  read += n;
                }
                return n;
              }

              @Override
              public boolean isFinished() {
                return read >= limit || in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
