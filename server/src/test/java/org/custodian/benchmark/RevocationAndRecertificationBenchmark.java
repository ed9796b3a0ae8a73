package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.testing.Browser;
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
 * Access following the assignment, at the sizes of issue 3: a separation of a member with 50 grants
 * (budget p95 ≤ 200 ms), a recertification campaign over 10,000 active grants in 100 commands
 * (starts in ≤ 10 s), and each Commanding Officer's recertification page (≤ 300 ms). It reports
 * (target/benchmark/assignment-results.md) and fails only when something does not work. Run with
 * {@code mvn -Pbenchmark verify} (docs/performance.md), alone with {@code
 * -Dit.test=RevocationAndRecertificationBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RevocationAndRecertificationBenchmark {

  static final int COMMANDS = Integer.getInteger("benchmark.commands", 100);
  static final int MEMBERS_PER_COMMAND = Integer.getInteger("benchmark.membersPerCommand", 100);
  static final int GRANTS_EACH = Integer.getInteger("benchmark.grantsEach", 50);
  static final int SEPARATIONS = Integer.getInteger("benchmark.separations", 100);
  static final int SEPARATION_WARMUP = Integer.getInteger("benchmark.separationWarmup", 10);
  static final int CAMPAIGNS = Integer.getInteger("benchmark.campaigns", 3);
  static final int PAGE_WARMUP = Integer.getInteger("benchmark.pageWarmup", 20);
  static final int BROWSER_SAMPLES = Integer.getInteger("benchmark.browserSamples", 30);

  static final Report REPORT = new Report();
  static final List<Report.Row> ROWS = new ArrayList<>();
  static final Map<String, String> FACTS = new LinkedHashMap<>();
  static final Instant STARTED = Instant.now();
  static volatile JsonArray separating;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return BenchmarkWar.war();
  }

  @ArquillianResource URL url;

  URI base() {
    return Http.uri(url);
  }

  Http api(String user) {
    return Http.api(base(), user);
  }

  static String coOf(int command) {
    return String.format(Locale.ROOT, "co.bm%03d", command);
  }

  static String codeOf(int command) {
    return String.format(Locale.ROOT, "BM-%03d", command);
  }

  @Test
  @Order(1)
  void seed() {
    JsonObject sizes =
        Json.createObjectBuilder()
            .add("commands", COMMANDS)
            .add("membersPerCommand", MEMBERS_PER_COMMAND)
            .add("separating", SEPARATION_WARMUP + SEPARATIONS)
            .add("grantsEach", GRANTS_EACH)
            .build();
    Http.Reply reply = api("admin").post("benchmark/seed-grants", sizes.toString());
    assertEquals(200, reply.status(), reply.body());
    JsonObject seeded = reply.json();
    REPORT.raw("seed", seeded);
    int expected = COMMANDS * MEMBERS_PER_COMMAND + (SEPARATION_WARMUP + SEPARATIONS) * GRANTS_EACH;
    assertEquals(expected, seeded.getInt("grantsSeeded"));
    separating = seeded.getJsonArray("separatingMembers");
    assertEquals(SEPARATION_WARMUP + SEPARATIONS, separating.size());
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
    FACTS.put("database", env.getString("database") + ", " + env.getString("isolation"));
    FACTS.put(
        "seeded",
        String.format(
            Locale.ROOT,
            "%,d commands × %,d members with one active grant each; %,d members with %,d active grants each; in %s s (SQL)",
            COMMANDS,
            MEMBERS_PER_COMMAND,
            SEPARATION_WARMUP + SEPARATIONS,
            GRANTS_EACH,
            seeded.getJsonNumber("seconds")));
    FACTS.put(
        "open tasks in the database beforehand", String.valueOf(env.getJsonNumber("openTasks")));
  }

  /**
   * POST /api/personnel-events, SEPARATED, for a member with 50 active grants: all 50 end at once.
   */
  @Test
  @Order(2)
  void separationOfAMemberWithFiftyGrants() {
    assertTrue(separating != null, "the seeding step failed: see seed()");
    Http admin = api("admin");
    long[] nanos = new long[SEPARATIONS];
    for (int i = 0; i < separating.size(); i++) {
      long member = separating.getJsonNumber(i).longValue();
      String body =
          Json.createObjectBuilder()
              .add("memberId", member)
              .add("type", "SEPARATED")
              .add("effectiveAt", Instant.now().toString())
              .build()
              .toString();
      Http.Reply reply = admin.post("personnel-events", body);
      assertEquals(201, reply.status(), reply.body());
      assertEquals(
          GRANTS_EACH, reply.json().getJsonArray("endedGrants").size(), "every grant ended");
      if (i >= SEPARATION_WARMUP) {
        nanos[i - SEPARATION_WARMUP] = reply.nanos();
      }
    }
    long last = separating.getJsonNumber(separating.size() - 1).longValue();
    for (JsonValue grant : admin.get("members/" + last + "/grants").array()) {
      assertTrue(
          grant.asJsonObject().getString("endReason", "").contains("separated"),
          "ended with its reason: " + grant);
    }
    Stats stats = Stats.ofNanos(nanos);
    REPORT.raw("separation", stats.json());
    ROWS.add(
        new Report.Row(
            "`POST /api/personnel-events` SEPARATED, member with "
                + GRANTS_EACH
                + " active grants (all end, "
                + GRANTS_EACH
                + " audit entries, one transaction; HTTP Basic)",
            stats,
            Report.target(stats, 200)));
  }

  /**
   * An admin starts a campaign over every active grant ({@code POST /api/recertification-campaigns}
   * answers when every command's task exists); the first round also measures the Commanding
   * Officers' pages; every round ends with each Commanding Officer keeping all, so the next starts
   * from the same state and nothing is left open.
   */
  @Test
  @Order(3)
  void recertificationCampaigns() {
    assertTrue(separating != null, "the seeding step failed: see seed()");
    long[] starts = new long[CAMPAIGNS];
    List<Long> keepAll = new ArrayList<>();
    List<Long> inbox = new ArrayList<>();
    long grants = 0;
    for (int round = 0; round < CAMPAIGNS; round++) {
      Http.Reply started = api("admin").post("recertification-campaigns", "");
      assertEquals(201, started.status(), started.body());
      starts[round] = started.nanos();
      JsonObject campaign = started.json();
      String key = campaign.getString("businessKey");
      long benchmarkCommands = 0;
      grants = 0;
      for (JsonValue value : campaign.getJsonArray("commands")) {
        JsonObject progress = value.asJsonObject();
        grants += progress.getJsonNumber("outstanding").longValue();
        if (progress.getString("command").startsWith("BM-")) {
          benchmarkCommands++;
          assertEquals(
              MEMBERS_PER_COMMAND,
              progress.getJsonNumber("outstanding").longValue(),
              progress.toString());
        }
      }
      assertEquals(COMMANDS, benchmarkCommands, "one task per command");

      Map<Integer, String> tasks = new LinkedHashMap<>();
      for (int command = 1; command <= COMMANDS; command++) {
        Http.Reply list = api(coOf(command)).get("tasks?scope=candidate&limit=50");
        assertEquals(200, list.status(), list.body());
        inbox.add(list.nanos());
        tasks.put(command, taskOf(list.array(), key));
      }
      if (round == 0) {
        taskPages(tasks);
      }
      for (Map.Entry<Integer, String> task : tasks.entrySet()) {
        Http.Reply done =
            api(coOf(task.getKey()))
                .post("tasks/" + task.getValue() + "/complete", "{\"decision\":\"KEEP_ALL\"}");
        assertEquals(204, done.status(), done.body());
        keepAll.add(done.nanos());
      }
    }
    Stats start = Stats.ofNanos(starts);
    REPORT.raw("campaignStart", start.json());
    ROWS.add(
        new Report.Row(
            String.format(
                Locale.ROOT,
                "`POST /api/recertification-campaigns`: a campaign over %,d active grants in %d commands (items, %d tasks, inbox rows; one transaction), %d campaigns",
                grants,
                COMMANDS,
                COMMANDS,
                CAMPAIGNS),
            start,
            "≤ 10,000 ms: "
                + (start.max() <= 10_000 ? "**met**" : "**NOT met**")
                + " (slowest of "
                + CAMPAIGNS
                + ")"));
    Stats list = Stats.ofNanos(inbox);
    REPORT.raw("coInbox", list.json());
    ROWS.add(
        new Report.Row(
            "`GET /api/tasks?scope=candidate&limit=50` as each Commanding Officer, the campaign just started",
            list,
            null));
    Stats keep = Stats.ofNanos(keepAll);
    REPORT.raw("keepAll", keep.json());
    ROWS.add(
        new Report.Row(
            "`POST /api/tasks/{id}/complete` `KEEP_ALL`: a Commanding Officer certifies "
                + MEMBERS_PER_COMMAND
                + " grants (items, audit, task; one transaction)",
            keep,
            null));
  }

  /** Each Commanding Officer's "Recertify access for BM-nnn" page, 100 rows of keep/end. */
  private void taskPages(Map<Integer, String> tasks) {
    List<Long> first = new ArrayList<>();
    List<Long> again = new ArrayList<>();
    String expectedRow = "data-ri=\"" + (MEMBERS_PER_COMMAND - 1) + "\"";
    Http warm = Http.signedIn(base(), coOf(1));
    for (int i = 0; i < PAGE_WARMUP; i++) {
      assertEquals(200, warm.get("access/recertify.xhtml?task=" + tasks.get(1)).status());
    }
    for (Map.Entry<Integer, String> task : tasks.entrySet()) {
      Http session = Http.signedIn(base(), coOf(task.getKey()));
      String page = "access/recertify.xhtml?task=" + task.getValue();
      for (int i = 0; i < 2; i++) {
        Http.Reply reply = session.get(page);
        assertEquals(200, reply.status());
        assertTrue(
            reply.body().contains("Recertify access for " + codeOf(task.getKey())),
            "the command's task");
        assertTrue(reply.body().contains(expectedRow), "every grant rendered");
        (i == 0 ? first : again).add(reply.nanos());
      }
    }
    Stats firstOpen = Stats.ofNanos(first);
    Stats reload = Stats.ofNanos(again);
    REPORT.raw("taskPageFirst", firstOpen.json());
    REPORT.raw("taskPageAgain", reload.json());
    ROWS.add(
        new Report.Row(
            "`/custodian/access/recertify.xhtml?task=…` as each of the "
                + COMMANDS
                + " Commanding Officers, first open (FORM session, whole HTML, "
                + MEMBERS_PER_COMMAND
                + " rows)",
            firstOpen,
            Report.target(firstOpen, 300)));
    ROWS.add(
        new Report.Row("the same page opened a second time", reload, Report.target(reload, 300)));
    if (BROWSER_SAMPLES > 0 && PageLoads.browserAvailable()) {
      try (Browser browser = new Browser(url)) {
        browser.signIn(coOf(2));
        Stats load =
            PageLoads.measure(
                browser, "access/recertify.xhtml?task=" + tasks.get(2), 5, BROWSER_SAMPLES);
        REPORT.raw("taskPageBrowser", load.json());
        ROWS.add(
            new Report.Row(
                "the same page in headless Chromium: navigation start → load event (scripts and styles cached)",
                load,
                Report.target(load, 300)));
      } catch (RuntimeException e) {
        REPORT.raw("taskPageBrowser", Json.createValue("not measured: " + e));
      }
    }
  }

  private static String taskOf(JsonArray tasks, String businessKey) {
    for (JsonValue value : tasks) {
      JsonObject task = value.asJsonObject();
      if (businessKey.equals(task.getString("businessKey", null))) {
        return task.getString("id");
      }
    }
    throw new IllegalStateException(
        "no task of " + businessKey + " in the Commanding Officer's inbox");
  }

  @AfterAll
  static void writeReport() {
    StringBuilder md = Report.facts("Access follows the assignment", FACTS);
    md.append('\n').append(Report.table(ROWS));
    REPORT.section(md.toString());
    REPORT.finish("assignment-results", STARTED, "");
  }
}
