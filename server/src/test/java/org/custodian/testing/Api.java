package org.custodian.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** A small HTTP client for the REST API, signed in as one demo user. */
public final class Api {

  public static final String DEMO_PASSWORD = "custodian-demo";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final AtomicLong TAX_NUMBERS =
      new AtomicLong(System.currentTimeMillis() % 10_000_000L * 10);

  /** An answer; {@code totalCount} is a paged list's X-Total-Count header (-1: none). */
  public record Answer(int status, String contentType, String body, long totalCount) {
    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    /** The first field an RFC 9457 problem document names. */
    public String field() {
      JsonArray errors = json().getJsonArray("errors");
      return errors.isEmpty() ? null : errors.getJsonObject(0).getString("field");
    }
  }

  private final URI base;
  private final String authorization;

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Api as(URL deployment, String username) {
    return as(deployment, username, DEMO_PASSWORD);
  }

  public static Api as(URL deployment, String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api(URI.create(deployment.toString()).resolve("api/"), "Basic " + token);
  }

  public static Api anonymous(URL deployment) {
    return new Api(URI.create(deployment.toString()).resolve("api/"), null);
  }

  /** A tax number no other test run has used. */
  public static String newTaxNumber() {
    return String.valueOf(100_000_000L + TAX_NUMBERS.incrementAndGet() % 900_000_000L);
  }

  /**
   * The id of this user's open task of a case (of that task key; null: any), or null when the inbox
   * has none.
   */
  public String taskOf(String businessKey, String taskKey) {
    for (var value : get("tasks?scope=all&limit=200").array()) {
      jakarta.json.JsonObject task = value.asJsonObject();
      if (businessKey.equals(task.getString("businessKey", null))
          && (taskKey == null || taskKey.equals(task.getString("taskKey")))) {
        return task.getString("id");
      }
    }
    return null;
  }

  public Answer get(String path) {
    return send(request(path).GET());
  }

  public Answer post(String path, JsonStructure body) {
    return post(path, body == null ? "" : body.toString());
  }

  public Answer post(String path, String rawBody) {
    return post(path, "application/json", rawBody);
  }

  public Answer put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Answer put(String path, JsonStructure body) {
    return put(path, body.toString());
  }

  /** A POST of text in the given media type (a CSV or JSON-lines file). */
  public Answer post(String path, String contentType, String rawBody) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(rawBody)));
  }

  /** A multipart/form-data upload with one part named "file". */
  public Answer upload(String path, String fileName, String contentType, byte[] content) {
    String boundary = "custodian-" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** The raw bytes of a download, with status and type. */
  public record Download(int status, String contentType, byte[] body) {}

  public Download download(String path) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private static Answer send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValueAsLong("X-Total-Count").orElse(-1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
