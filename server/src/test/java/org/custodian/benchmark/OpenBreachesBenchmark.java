package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.breach.control.QuarterlySummary;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Breach reporting at the size of issue 5: with 10,000 open breach cases (2,000 of them waiting for
 * the City CPO), the CPO's inbox and the breach board (budget p95 ≤ 200 ms); the quarterly report
 * over 100,000 cases (≤ 5 s); how late a deadline timer fires under that load (≤ 30 s). Reports to
 * target/benchmark/breach-results.md. Run with {@code mvn -Pbenchmark verify}, alone with {@code
 * -Dit.test=OpenBreachesBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenBreachesBenchmark {

  static final int OPEN = Integer.getInteger("benchmark.openBreaches", 10_000);
  static final int TO_CPO = Integer.getInteger("benchmark.breachesAtCpo", 2_000);
  static final int CLOSED = Integer.getInteger("benchmark.closedBreaches", 100_000);
  static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);
  static final int TIMERS = Integer.getInteger("benchmark.timerSamples", 5);

  static final Report REPORT = new Report();
  static final List<Report.Row> ROWS = new ArrayList<>();
  static final Map<String, String> FACTS = new LinkedHashMap<>();
  static final Instant STARTED = Instant.now();
  static volatile boolean seeded;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkWar.war();
  }

  @ArquillianResource URL url;

  URI base() {
    return Http.uri(url);
  }

  @Test
  @Order(1)
  void seed() {
    Http.Reply reply =
        Http.api(base(), "admin")
            .post(
                "benchmark/seed-breaches",
                Json.createObjectBuilder()
                    .add("open", OPEN)
                    .add("toCpo", TO_CPO)
                    .add("closed", CLOSED)
                    .build()
                    .toString());
    assertEquals(200, reply.status(), reply.body());
    JsonObject env = Http.api(base(), "admin").get("benchmark/environment").json();
    REPORT.raw("seed", reply.json());
    FACTS.put(
        "date (UTC)",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(STARTED));
    FACTS.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores; server, database and load generator on the same machine");
    FACTS.put("database", env.getString("database") + ", " + env.getString("isolation"));
    FACTS.put(
        "seeded",
        String.format(
            Locale.ROOT,
            "%,d open breach cases through the service (each with its process, task and 3 timers; %,d assessed and reported, waiting for the City CPO) in %s s; %,d closed cases of this quarter in SQL",
            OPEN,
            TO_CPO,
            reply.json().getJsonNumber("openSeconds"),
            CLOSED));
    FACTS.put("open tasks in the database", String.valueOf(env.getJsonNumber("openTasks")));
    seeded = true;
  }

  @Test
  @Order(2)
  void inboxAndBoard() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    ROWS.add(
        measure(
            "`GET /api/tasks?scope=candidate&limit=50` as cpo.city (the City CPO's inbox)",
            Http.api(base(), "cpo.city"),
            "tasks?scope=candidate&limit=50"));
    ROWS.add(
        measure(
            "`/custodian/inbox/index.xhtml` as cpo.city (FORM session, whole HTML)",
            Http.signedIn(base(), "cpo.city"),
            "inbox/index.xhtml"));
    ROWS.add(
        measure(
            "`GET /api/breaches?limit=50` as apo.legal (the breach board)",
            Http.api(base(), "apo.legal"),
            "breaches?limit=50"));
    ROWS.add(
        measure(
            "`GET /api/breaches?limit=50` as cpo.city (the cases reported to them)",
            Http.api(base(), "cpo.city"),
            "breaches?limit=50"));
    ROWS.add(
        measure(
            "`/custodian/breach/index.xhtml` as apo.legal (the board screen, a page of 50 cases)",
            Http.signedIn(base(), "apo.legal"),
            "breach/index.xhtml"));
  }

  private Report.Row measure(String what, Http http, String path) {
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < WARMUP + SAMPLES; i++) {
      Http.Reply reply = http.get(path);
      assertEquals(
          200,
          reply.status(),
          path + ": " + reply.body().substring(0, Math.min(300, reply.body().length())));
      if (i >= WARMUP) {
        nanos[i - WARMUP] = reply.nanos();
      }
    }
    Stats stats = Stats.ofNanos(nanos);
    REPORT.raw(what, stats.json());
    return new Report.Row(what, stats, Report.target(stats, 200));
  }

  @Test
  @Order(3)
  void quarterlyReport() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    String quarter = QuarterlySummary.of(ZonedDateTime.now(ZoneId.of("America/New_York")));
    Http cpo = Http.api(base(), "cpo.city");
    long[] nanos = new long[10];
    String total = "";
    for (int i = 0; i < 12; i++) {
      Http.Reply reply = cpo.get("breach-reports/quarterly/preview?quarter=" + quarter);
      assertEquals(200, reply.status(), reply.body());
      total = reply.json().getString("total");
      if (i >= 2) {
        nanos[i - 2] = reply.nanos();
      }
    }
    assertTrue(Long.parseLong(total) >= CLOSED, "the quarter holds the seeded cases: " + total);
    Stats stats = Stats.ofNanos(nanos);
    REPORT.raw("quarterly", stats.json());
    ROWS.add(
        new Report.Row(
            "the quarterly summary of "
                + quarter
                + " over "
                + String.format(Locale.ROOT, "%,d", Long.parseLong(total))
                + " confirmed cases (`GET /api/breach-reports/quarterly/preview`)",
            stats,
            "≤ 5,000 ms: " + (stats.max() <= 5_000 ? "**met**" : "**NOT met**") + " (slowest)"));
  }

  /**
   * Deadlines set a few seconds ahead (awareAt moved earlier); the real async executor fires them.
   */
  @Test
  @Order(4)
  void deadlineTimersUnderLoad() throws Exception {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http member = Http.api(base(), "member.diaz");
    Http apo = Http.api(base(), "apo.legal");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < TIMERS; i++) {
      String body =
          Json.createObjectBuilder()
              .add("summary", "Timer sample " + i)
              .add("disclosedTo", "x")
              .add("discoveredHow", "x")
              .add("dataCategories", Json.createArrayBuilder().add("NAME"))
              .add("affectedIndividuals", Json.createObjectBuilder().add("count", 1))
              .build()
              .toString();
      JsonObject b = member.post("breaches", body).json();
      long id = b.getJsonNumber("id").longValue();
      Instant arrived = Instant.parse(b.getString("arrivedAt"));
      Instant awareAt = arrived.minus(Duration.ofHours(24)).plusSeconds(20 + 7L * i);
      Http.Reply moved =
          apo.post(
              "breaches/" + id + "/aware-at",
              Json.createObjectBuilder()
                  .add("awareAt", awareAt.toString())
                  .add("awareReason", "benchmark")
                  .build()
                  .toString());
      assertEquals(200, moved.status(), moved.body());
      ids.add(id);
    }
    List<Long> lateness = new ArrayList<>();
    Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
    List<Long> waiting = new ArrayList<>(ids);
    while (!waiting.isEmpty() && Instant.now().isBefore(giveUp)) {
      for (Long id : List.copyOf(waiting)) {
        JsonObject b = apo.get("breaches/" + id).json();
        if (!b.isNull("overdueAt")) {
          lateness.add(
              Duration.between(
                      Instant.parse(b.getString("cpoDeadline")),
                      Instant.parse(b.getString("overdueAt")))
                  .toNanos());
          waiting.remove(id);
        }
      }
      Thread.sleep(250); // a benchmark observing the real executor, not a test moving the clock
    }
    assertTrue(waiting.isEmpty(), "every deadline fired within 3 minutes");
    Stats stats = Stats.ofNanos(lateness);
    REPORT.raw("timerLateness", stats.json());
    ROWS.add(
        new Report.Row(
            "how late a deadline timer fires (its due time to the case marked overdue), "
                + TIMERS
                + " deadlines, the real async executor",
            stats,
            "≤ 30,000 ms: " + (stats.max() <= 30_000 ? "**met**" : "**NOT met**") + " (latest)"));
  }

  @AfterAll
  static void writeReport() {
    StringBuilder md = Report.facts("Breach reporting", FACTS);
    md.append('\n').append(Report.table(ROWS));
    REPORT.section(md.toString());
    REPORT.finish("breach-results", STARTED, "");
  }
}
