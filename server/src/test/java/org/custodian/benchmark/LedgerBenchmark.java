package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
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
 * The disclosure ledger at the size of issue 4: searching 1,000,000 released disclosures by data
 * subject (budget p95 ≤ 100 ms), and filing a request (p95 ≤ 100 ms). It reports
 * (target/benchmark/ledger-results.md) and fails only when something does not work. Run with {@code
 * mvn -Pbenchmark verify} (docs/performance.md), alone with {@code -Dit.test=LedgerBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LedgerBenchmark {

  static final int DISCLOSURES = Integer.getInteger("benchmark.disclosures", 1_000_000);
  static final int PEOPLE = Integer.getInteger("benchmark.people", 200_000);
  static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);

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

  Http api(String user) {
    return Http.api(Http.uri(url), user);
  }

  @Test
  @Order(1)
  void seed() {
    Http.Reply reply =
        api("admin")
            .post(
                "benchmark/seed-ledger",
                Json.createObjectBuilder()
                    .add("count", DISCLOSURES)
                    .add("people", PEOPLE)
                    .build()
                    .toString());
    assertEquals(200, reply.status(), reply.body());
    JsonObject result = reply.json();
    REPORT.raw("seed", result);
    assertTrue(result.getJsonNumber("released").longValue() >= DISCLOSURES, result.toString());
    JsonObject env = api("admin").get("benchmark/environment").json();
    REPORT.raw("environment", env);
    FACTS.put(
        "date (UTC)",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(STARTED));
    FACTS.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores; server, database and load generator on the same machine");
    FACTS.put(
        "server",
        "WildFly 39.0.1.Final, "
            + env.getString("serverJava")
            + ", heap max "
            + env.getJsonNumber("serverMaxHeapMiB")
            + " MiB");
    FACTS.put(
        "database",
        env.getString("database")
            + ", "
            + env.getString("isolation")
            + ", innodb_buffer_pool_size "
            + Long.parseLong(env.getString("innodb_buffer_pool_size")) / 1048576
            + " MiB");
    FACTS.put(
        "seeded",
        String.format(
            Locale.ROOT,
            "%,d released disclosures (%,d data subjects named, about %,d people, each in about %d disclosures) in %s s (SQL); database %s MiB",
            result.getJsonNumber("released").longValue(),
            result.getJsonNumber("subjects").longValue(),
            PEOPLE,
            Math.round(result.getJsonNumber("subjects").doubleValue() / PEOPLE),
            result.getJsonNumber("seconds"),
            env.getJsonNumber("databaseMiB")));
    seeded = true;
  }

  @Test
  @Order(2)
  void ledgerSearchBySubject() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http apo = api("apo.legal");
    Random random = new Random(42);
    ROWS.add(search(apo, "full name", "subject=%s", p -> DisclosureSeeder.name(p), random, 3));
    ROWS.add(
        search(
            apo,
            "license plate, written differently (\"bp 012345\")",
            "subject=%s",
            p -> "bp " + DisclosureSeeder.plate(p).substring(2),
            random,
            3));
    ROWS.add(
        search(
            apo,
            "the start of a name (\"Maria Family012\": up to 10 people)",
            "subject=%s",
            p -> DisclosureSeeder.name(p).substring(0, DisclosureSeeder.name(p).length() - 1),
            random,
            3));
    ROWS.add(
        search(
            apo,
            "full name, basis 3, released in the last 2 years",
            "subject=%s&basis=3&from=" + Instant.now().minusSeconds(730L * 86_400),
            p -> DisclosureSeeder.name(p),
            random,
            0));
  }

  private interface Query {
    String of(long person);
  }

  private Report.Row search(
      Http apo, String what, String pattern, Query query, Random random, int atLeast) {
    long[] nanos = new long[SAMPLES];
    int rows = 0;
    for (int i = 0; i < WARMUP + SAMPLES; i++) {
      long person = random.nextInt(PEOPLE);
      String path =
          "disclosures?"
              + String.format(pattern, URLEncoder.encode(query.of(person), StandardCharsets.UTF_8));
      Http.Reply reply = apo.get(path);
      assertEquals(200, reply.status(), reply.body());
      JsonArray found = reply.array();
      assertTrue(found.size() >= atLeast, path + ": " + found.size());
      if (i >= WARMUP) {
        nanos[i - WARMUP] = reply.nanos();
        rows += found.size();
      }
    }
    Stats stats = Stats.ofNanos(nanos);
    REPORT.raw("ledger " + what, stats.json());
    return new Report.Row(
        "`GET /api/disclosures?subject=…` by "
            + what
            + " as apo.legal (HTTP Basic; "
            + String.format(Locale.ROOT, "%.1f", rows / (double) SAMPLES)
            + " entries per answer)",
        stats,
        Report.target(stats, 100));
  }

  @Test
  @Order(3)
  void filingARequest() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http member = api("member.diaz");
    long[] nanos = new long[SAMPLES];
    for (int i = 0; i < WARMUP + SAMPLES; i++) {
      Http.Reply reply = member.post("disclosures", filing(i).toString());
      assertEquals(201, reply.status(), reply.body());
      assertEquals("PENDING_APPROVAL", reply.json().getString("status"));
      if (i >= WARMUP) {
        nanos[i - WARMUP] = reply.nanos();
      }
    }
    Stats stats = Stats.ofNanos(nanos);
    REPORT.raw("filing", stats.json());
    ROWS.add(
        new Report.Row(
            "`POST /api/disclosures` basis 3 as member.diaz (rules, 2 subjects, the process and the APO's inbox task, audit; one transaction; HTTP Basic)",
            stats,
            Report.target(stats, 100)));
  }

  static JsonObject filing(int i) {
    return Json.createObjectBuilder()
        .add(
            "recipient",
            Json.createObjectBuilder()
                .add("name", "ADA Kim Lee")
                .add("organization", "Kings County District Attorney")
                .add("kind", "PROSECUTOR"))
        .add(
            "recipientVerification",
            "Called the DA's main line and confirmed the ADA's assignment.")
        .add(
            "subjects",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("name", "Filed Person " + i)
                        .add(
                            "identifiers",
                            Json.createObjectBuilder().add("licensePlate", "FP" + i)))
                .add(Json.createObjectBuilder().add("name", "Second Person " + i)))
        .add("dataCategories", Json.createArrayBuilder().add("NAME").add("LICENSE_PLATE"))
        .add("sourceTechnology", "ERMS")
        .add("purposeCategory", "PROSECUTION")
        .add("purpose", "Trial preparation: the registered owner of the vehicle.")
        .add("basis", 3)
        .add(
            "evidence",
            Json.createObjectBuilder()
                .add("missionRationale", "Supports a prosecution the precinct investigated."))
        .build();
  }

  @AfterAll
  static void writeReport() {
    StringBuilder md = Report.facts("The disclosure ledger", FACTS);
    md.append('\n').append(Report.table(ROWS));
    REPORT.section(md.toString());
    REPORT.finish("ledger-results", STARTED, "");
  }
}
