package org.custodian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A browser's session, without the browser: signed in through the sign-in form (a session cookie,
 * as the screens have it), then requests with the headers a browser sends, e.g. the Fetch Metadata
 * of a form on another web site.
 */
public final class Session {

  /** What a browser says about a request it sends. */
  public record From(String site, String mode, String dest, String origin) {
    /** A form on another web site, posted by the browser (top-level navigation). */
    public static From anotherSitesForm(String origin) {
      return new From("cross-site", "navigate", "document", origin);
    }

    /** A link on another web site, followed. */
    public static final From ANOTHER_SITES_LINK =
        new From("cross-site", "navigate", "document", null);

    /** A script on another web site (fetch, XHR). */
    public static From anotherSitesScript(String origin) {
      return new From("cross-site", "cors", "empty", origin);
    }

    /** Custodian's own page: a link or a form of its own. */
    public static final From OWN_PAGE = new From("same-origin", "navigate", "document", null);
  }

  public record Reply(int status, String body, java.net.http.HttpHeaders headers) {}

  private final HttpClient http;
  private final URI base;

  private Session(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Nobody signed in (yet). */
  public static Session anonymous(URL deployment) {
    return new Session(URI.create(deployment.toString()));
  }

  /** Signed in as the demo user through the screens' sign-in form. */
  public static Session signedIn(URL deployment, String username) {
    return signedIn(deployment, username, Api.DEMO_PASSWORD);
  }

  /** Signed in through the screens' sign-in form with that password. */
  public static Session signedIn(URL deployment, String username, String password) {
    Session session = new Session(URI.create(deployment.toString()));
    session.send("GET", "index.xhtml", null, null, From.OWN_PAGE);
    Reply signIn =
        session.send(
            "POST",
            "j_security_check",
            "application/x-www-form-urlencoded",
            "j_username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8),
            new From("same-origin", "navigate", "document", session.origin()));
    if (signIn.status() != 302 && signIn.status() != 303) {
      throw new IllegalStateException("sign-in as " + username + " answered " + signIn.status());
    }
    return session;
  }

  /** This application's origin, as a browser would send it. */
  public String origin() {
    return base.getScheme()
        + "://"
        + base.getHost()
        + (base.getPort() < 0 ? "" : ":" + base.getPort());
  }

  /**
   * Posts a form of the page as the browser would: its fields (hidden ones included: the view
   * state, and the CSP nonce PrimeFaces' script adds), the given values on top, and the button.
   */
  public Reply submit(Reply page, String formId, Map<String, String> values, String button) {
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(page.body());
    org.jsoup.nodes.Element form = html.getElementById(formId);
    if (form == null) {
      throw new IllegalStateException("no form " + formId + " on the page");
    }
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (org.jsoup.nodes.Element input : form.select("input[name]")) {
      String type = input.attr("type");
      if (type.equals("hidden")
          || ((type.equals("radio") || type.equals("checkbox")) && input.hasAttr("checked"))
          || type.equals("text")) {
        fields.put(input.attr("name"), input.val());
      }
    }
    org.jsoup.nodes.Element script = html.selectFirst("script[nonce]");
    if (script != null) {
      fields.put("primefaces.nonce", script.attr("nonce"));
    }
    fields.putAll(values);
    if (button != null) {
      fields.put(button, button);
    }
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
    String action = form.attr("action");
    String path =
        action.startsWith(base.getPath()) ? action.substring(base.getPath().length()) : action;
    return post(
        path,
        "application/x-www-form-urlencoded",
        body.toString(),
        new From("same-origin", "navigate", "document", origin()));
  }

  public Reply get(String path, From from) {
    return send("GET", path, null, null, from);
  }

  public Reply post(String path, String contentType, String body, From from) {
    return send("POST", path, contentType, body, from);
  }

  public Reply send(String method, String path, String contentType, String body, From from) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (from != null) {
      Map<String, String> fetch = new java.util.LinkedHashMap<>();
      fetch.put("Sec-Fetch-Site", from.site());
      fetch.put("Sec-Fetch-Mode", from.mode());
      fetch.put("Sec-Fetch-Dest", from.dest());
      fetch.forEach(
          (name, value) -> {
            if (value != null) {
              request.header(name, value);
            }
          });
      if (from.origin() != null) {
        request.header("Origin", from.origin());
      }
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
