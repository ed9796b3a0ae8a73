package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Intake of the covered systems' access events (issue 13, budget: ≥ 5,000 events/s sustained in
 * batches of 1,000, every one an audit entry). A covered system's account posts batch after batch
 * of 1,000 distinct events through the API, by the demo members (some with a grant, most without,
 * so findings are raised too); the rate is events over the wall-clock time of the measured batches.
 * Writes target/benchmark/access-event-results.md; fails only when something does not work. Alone:
 * {@code mvn -Pbenchmark verify -Dit.test=AccessEventBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessEventBenchmark {

  static final int BATCHES = Integer.getInteger("benchmark.eventBatches", 60);
  static final int WARMUP = 3;
  static final int BATCH = 1_000;
  static final String[] MEMBERS = {
    "931001", "931002", "931003", "931004", "931005", "931006", "931007", "931008"
  };
  static final String[] ACTIONS = {"SEARCH", "VIEW", "VIEW", "VIEW", "LOGIN", "EXPORT", "PRINT"};

  static final Report REPORT = new Report();
  static final Instant STARTED = Instant.now();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkWar.war();
  }

  @ArquillianResource URL url;

  Http api(String user) {
    return Http.api(Http.uri(url), user);
  }

  private static String batch(String run, int number) {
    JsonArrayBuilder events = Json.createArrayBuilder();
    Instant at = Instant.parse("2026-12-05T08:00:00Z").plusSeconds(number);
    for (int i = 0; i < BATCH; i++) {
      events.add(
          Json.createObjectBuilder()
              .add("eventId", run + "-" + number + "-" + i)
              .add("at", at.plusMillis(i).toString())
              .add("memberTaxNumber", MEMBERS[i % MEMBERS.length])
              .add("action", ACTIONS[i % ACTIONS.length])
              .add("subject", "Subject " + (i % 97))
              .add("record", "CMS-2026-" + (i % 1013))
              .add("purpose", "case work"));
    }
    return Json.createObjectBuilder().add("events", events).build().toString();
  }

  @Test
  void intakeInBatchesOfAThousand() {
    String run = "bench-" + System.nanoTime();
    for (int w = 0; w < WARMUP; w++) {
      Http.Reply warm = api("system.cms").post("access-events", batch(run + "w", w));
      assertEquals(200, warm.status(), warm.body());
    }
    long before = api("admin").get("benchmark/audit-mark").json().getJsonNumber("mark").longValue();
    // the bodies are built before the clock starts: the client's JSON is not the server's time
    List<String> bodies = new ArrayList<>();
    for (int b = 0; b < BATCHES; b++) {
      bodies.add(batch(run, b));
    }
    List<Long> nanos = new ArrayList<>();
    int accepted = 0;
    long start = System.nanoTime();
    for (String body : bodies) {
      Http.Reply reply = api("system.cms").post("access-events", body);
      assertEquals(200, reply.status(), reply.body());
      accepted += reply.json().getInt("accepted");
      nanos.add(reply.nanos());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long after = api("admin").get("benchmark/audit-mark").json().getJsonNumber("mark").longValue();
    assertEquals(BATCHES * BATCH, accepted, "every event accepted");
    Stats perBatch = Stats.ofNanos(nanos);
    double rate = accepted / seconds;
    JsonObject raw =
        Json.createObjectBuilder()
            .add("batches", BATCHES)
            .add("events", accepted)
            .add("seconds", seconds)
            .add("eventsPerSecond", rate)
            .add("auditEntriesWritten", after - before)
            .add("perBatch", perBatch.json())
            .build();
    REPORT.raw("intake", raw);
    REPORT.section(
        String.format(
            Locale.ROOT,
            "## Access event intake\n\n%d batches of %,d events posted one after another by"
                + " `system.cms` (`POST /api/access-events`), after %d warm-up batches: %,d events"
                + " in %.2f s, **%,.0f events/s** (budget ≥ 5,000). Per batch: median %s ms, p95"
                + " %s ms. Audit entries written meanwhile: %,d (every event is one; the ids also"
                + " count the admin's two reads of the mark).\n",
            BATCHES,
            BATCH,
            WARMUP,
            accepted,
            seconds,
            rate,
            Stats.fmt(perBatch.median()),
            Stats.fmt(perBatch.p95()),
            after - before));
    assertTrue(after - before >= accepted, "every accepted event is an audit entry");
  }

  @AfterAll
  static void writeReport() {
    REPORT.finish("access-event-results", STARTED, "");
  }
}
