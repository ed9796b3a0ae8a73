package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;
import org.custodian.breach.boundary.BreachApiIT;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an operator watches, on the server the suite runs: readiness and liveness with Custodian's
 * checks (management port 9990), the custodian_* Prometheus metrics moving with the work (the
 * suite's server refreshes the gauges every second: the test waits for a number, it never sleeps a
 * fixed time), and the OpenAPI document holding every resource method.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ObservabilityIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final URI MANAGEMENT = URI.create("http://127.0.0.1:9990/");

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void readinessAndLivenessHoldCustodiansChecks() {
    HttpResponse<String> ready = get(MANAGEMENT.resolve("health/ready"));
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject readiness = json(ready.body());
    assertEquals("UP", readiness.getString("status"), ready.body());
    Set<String> checks = names(readiness);
    assertTrue(
        checks.containsAll(List.of("database", "job-executor", "audit-integrator")),
        "readiness checks: " + checks);

    HttpResponse<String> live = get(MANAGEMENT.resolve("health/live"));
    assertEquals(200, live.statusCode(), live.body());
    assertTrue(names(json(live.body())).contains("audit-integrator-schedule"), live.body());
  }

  @Test
  void theMetricsMoveWithTheWork() {
    double underFourHours = metric("custodian_breach_clocks_under_4h", "");
    // a breach the APO became aware of 21 hours ago: three hours left on its clock
    JsonObject breach =
        Api.as(url, "member.diaz").post("breaches", BreachApiIT.report().build()).json();
    Instant arrived = Instant.parse(breach.getString("arrivedAt"));
    Api.Answer moved =
        Api.as(url, "apo.legal")
            .post(
                "breaches/" + breach.getJsonNumber("id").longValue() + "/aware-at",
                Json.createObjectBuilder()
                    .add("awareAt", arrived.minus(Duration.ofHours(21)).toString())
                    .add("awareReason", "The precinct phoned the APO yesterday morning.")
                    .build());
    assertEquals(200, moved.status(), moved.body());
    awaitMetric("custodian_breach_clocks_under_4h", "", v -> v >= underFourHours + 1);
    awaitMetric("custodian_tasks_open", "process=\"BreachReportingProcess\"", v -> v >= 1);

    // decisions: an access request reviewed through every layer
    String access = "process=\"AccessAuthorizationProcess\"";
    double decisions = metric("custodian_decisions_total", access);
    double timed = metric("custodian_time_to_decision_seconds_count", access);
    long member = new Scenario(url).newMember("PCT-075");
    new Scenario(url).granted("co.ramirez", member, "CMS", "VIEW");
    awaitMetric("custodian_decisions_total", access, v -> v > decisions);
    awaitMetric("custodian_time_to_decision_seconds_count", access, v -> v > timed);

    String text = get(MANAGEMENT.resolve("metrics")).body();
    assertTrue(text.contains("custodian_audit_integrator_lag_seconds"), "integrator lag");
    assertTrue(text.contains("custodian_audit_entries_waiting"), "integrator queue");
    assertTrue(text.contains("custodian_tasks_overdue"), "overdue tasks");
    assertTrue(text.contains("custodian_breach_clocks_expired"), "expired breach clocks");
  }

  @Test
  void theOpenApiDocumentHoldsEveryResourceMethod() {
    HttpResponse<String> answer = get(URI.create(url.toString()).resolve("/openapi?format=JSON"));
    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject document = json(answer.body());
    assertEquals("Custodian API", document.getJsonObject("info").getString("title"));
    JsonObject paths = document.getJsonObject("paths");
    Set<String> missing = new TreeSet<>();
    for (String endpoint : AuthorizationTableIT.endpoints()) {
      String verb = endpoint.substring(0, endpoint.indexOf(' '));
      String path = endpoint.substring(endpoint.indexOf(' ') + 1);
      JsonObject item = paths.getJsonObject("/custodian" + path);
      if (item == null || !item.containsKey(verb.toLowerCase())) {
        missing.add(endpoint);
      }
    }
    assertTrue(missing.isEmpty(), "not in /openapi: " + missing + "; it has " + paths.keySet());
  }

  private static Set<String> names(JsonObject health) {
    return health.getJsonArray("checks").stream()
        .map(JsonValue::asJsonObject)
        .map(c -> c.getString("name"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The sum of a metric's samples whose labels contain {@code labels} (0 when none). */
  private static double metric(String name, String labels) {
    double sum = 0;
    for (String line : get(MANAGEMENT.resolve("metrics")).body().split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        String sampleLabels =
            line.startsWith(name + "{") ? line.substring(0, line.indexOf('}')) : "";
        if (sampleLabels.contains(labels)) {
          sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    }
    return sum;
  }

  /** Polls (every quarter second, up to 20 s) until the metric satisfies the condition. */
  private static void awaitMetric(String name, String labels, DoublePredicate condition) {
    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double value;
    while (!condition.test(value = metric(name, labels))) {
      if (System.nanoTime() > until) {
        String custodian =
            java.util.Arrays.stream(get(MANAGEMENT.resolve("metrics")).body().split("\n"))
                .filter(l -> l.startsWith("custodian_"))
                .collect(Collectors.joining("\n"));
        throw new AssertionError(
            name + "{" + labels + "} is still " + value + "; custodian_* now:\n" + custodian);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  private static HttpResponse<String> get(URI uri) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
