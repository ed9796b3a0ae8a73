package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The benchmark's HTTP client: HTTP/1.1 with keep-alive (as a browser on plain http), either HTTP
 * Basic for the API or a cookie session for the screens. Each call reports its own duration, from
 * sending the request to having read the whole body.
 */
final class Http {

  static final String PASSWORD = "custodian-demo";

  record Reply(int status, String body, long nanos, String location) {
    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    double ms() {
      return nanos / 1e6;
    }
  }

  private final HttpClient client;
  private final URI base;
  private final String authorization;

  private Http(HttpClient client, URI base, String authorization) {
    this.client = client;
    this.base = base;
    this.authorization = authorization;
  }

  /** The deployment's URL as the URI the clients resolve paths against. */
  static URI uri(java.net.URL deployment) {
    try {
      return deployment.toURI();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final java.util.Map<String, HttpClient> API_CLIENTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The API as one user: HTTP Basic on every call, and the user's own cookie jar, as docs/api.md
   * advises a client, so the server checks the password on the first call and knows the client by
   * its cookie after that (STATEFUL_BASIC).
   */
  static Http api(URI deployment, String username) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpClient client =
        API_CLIENTS.computeIfAbsent(
            deployment + " " + username,
            k ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .cookieHandler(new CookieManager())
                    .build());
    return new Http(client, deployment.resolve("api/"), "Basic " + token);
  }

  /** A browser-like session for the screens: its own cookie jar, no credentials on the calls. */
  static Http session(URI deployment) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new Http(client, deployment, null);
  }

  /** A session signed in through the sign-in form, as a browser would be. */
  static Http signedIn(URI deployment, String username) {
    Http session = session(deployment);
    Reply login = session.get("inbox/index.xhtml");
    if (login.status() == 302 || login.status() == 303) {
      login = session.get(login.location());
    }
    if (!login.body().contains("j_security_check")) {
      throw new IllegalStateException("no sign-in form: " + login.status());
    }
    Reply signedIn =
        session.postForm(
            "j_security_check", Map.of("j_username", username, "j_password", PASSWORD));
    if (signedIn.status() != 302 && signedIn.status() != 303 && signedIn.status() != 200) {
      throw new IllegalStateException(username + " not signed in: " + signedIn.status());
    }
    return session;
  }

  Reply get(String path) {
    return send(request(path).GET());
  }

  Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply postForm(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(15));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    try {
      long start = System.nanoTime();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      return new Reply(
          response.statusCode(),
          response.body(),
          nanos,
          response.headers().firstValue("Location").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
