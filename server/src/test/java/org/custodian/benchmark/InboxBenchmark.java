package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.testing.Browser;
import org.custodian.testing.smtp.MailServer;
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
 * The inbox with 100,000 open review tasks, Custodian's read model against the engine's own query,
 * and the lifecycle through the API against the raw engine, on one MariaDB in one run. Not a test
 * with time limits: it reports (target/benchmark/results.md) and fails only when something does not
 * work. Run with {@code mvn -Pbenchmark verify} (docs/performance.md); the normal build never runs
 * it (failsafe's default includes are *IT).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxBenchmark {

  // Sizes; each can be changed with -Dbenchmark.<name>=...
  static final int TASKS = Integer.getInteger("benchmark.tasks", 100_000);
  static final double LAYER_ONE_SHARE =
      Double.parseDouble(System.getProperty("benchmark.layer1Share", "0.98"));
  static final int SAMPLES = Integer.getInteger("benchmark.samples", 200);
  static final int WARMUP = Integer.getInteger("benchmark.warmup", 50);
  static final int BROWSER_SAMPLES = Integer.getInteger("benchmark.browserSamples", 30);
  static final int ENGINE_SAMPLES = Integer.getInteger("benchmark.engineSamples", 30);
  static final int ENGINE_COUNT_SAMPLES = Integer.getInteger("benchmark.engineCountSamples", 5);
  static final int LATENCY_SAMPLES = Integer.getInteger("benchmark.latencySamples", 50);
  static final double SECONDS = Double.parseDouble(System.getProperty("benchmark.seconds", "15"));
  static final List<Integer> THREADS =
      java.util.Arrays.stream(System.getProperty("benchmark.threads", "1,4").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();
  static final int MEMBERS = Integer.getInteger("benchmark.members", 300);
  static final long BACKLOG_DAYS = 28;

  static final String CO = "co.ramirez";
  static final String LAYER_ONE = "rev.one";
  static final String LAYER_TWO = "rev.two";
  static final String GROUP_ONE = "access-review-1";
  static final String JUSTIFICATION =
      "Assigned to the precinct detective squad; investigates the burglary pattern in sector B.";

  /** The PCT-075 levels that need exactly two review layers: one request each per member. */
  static final List<String[]> TWO_LAYER_LEVELS =
      List.of(
          new String[] {"CMS", "VIEW"},
          new String[] {"CMS", "INVESTIGATOR"},
          new String[] {"CMS", "SUPERVISOR"},
          new String[] {"ERMS", "SEARCH"},
          new String[] {"ERMS-GOV", "SEARCH"});

  record Need(long memberId, String technology, String level) {}

  /** Member and level pairs no request has used yet. */
  static final ConcurrentLinkedQueue<Need> NEEDS = new ConcurrentLinkedQueue<>();

  static final Report REPORT = new Report();
  static final List<Report.Row> INBOX_ROWS = Collections.synchronizedList(new ArrayList<>());
  static volatile boolean seeded;
  static final Instant STARTED = Instant.now();
  static final String LOAD_AT_START = CpuShares.loadAverage();

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

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void seedOpenReviewTasks() throws Exception {
    long start = System.nanoTime();
    createMembers();
    // Two real cases through the API: one waiting at layer 1, one approved at layer 1 (waiting at
    // layer 2)
    JsonObject layerOne = submit(NEEDS.poll());
    JsonObject layerTwo = submit(NEEDS.poll());
    String task = findTask(LAYER_ONE, layerTwo.getString("businessKey"));
    assertEquals(
        204,
        api(LAYER_ONE).post("tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}").status());

    int layerOneTasks = (int) Math.round(TASKS * LAYER_ONE_SHARE);
    int layerTwoTasks = TASKS - layerOneTasks;
    long span = BACKLOG_DAYS * 86_400;
    JsonObject body =
        Json.createObjectBuilder()
            .add(
                "templates",
                Json.createArrayBuilder()
                    .add(template(layerOne.getInt("id"), layerOneTasks - 1, "AR-2025-", span))
                    .add(template(layerTwo.getInt("id"), layerTwoTasks - 1, "AR-2024-", span)))
            .build();
    Http.Reply seed = api("admin").post("benchmark/seed", body.toString());
    assertEquals(200, seed.status(), seed.body());
    JsonObject seedResult = seed.json();
    REPORT.raw("seed", seedResult);

    Http.Reply env = api("admin").get("benchmark/environment");
    assertEquals(200, env.status(), env.body());
    JsonObject environment = env.json();
    REPORT.raw("environment", environment);
    assertEquals(
        TASKS, environment.getJsonNumber("openTasks").longValue(), "open tasks in ACT_RU_TASK");
    assertEquals(
        TASKS, environment.getJsonNumber("inboxTasks").longValue(), "open tasks in inbox_task");
    assertEquals(
        layerOneTasks, environment.getJsonObject("engineCandidateLinks").getInt(GROUP_ONE));
    assertEquals(layerOneTasks, environment.getJsonObject("inboxCandidates").getInt(GROUP_ONE));

    Http.Reply explain = api("admin").get("benchmark/explain?group=" + GROUP_ONE);
    assertEquals(200, explain.status(), explain.body());
    REPORT.raw("explain", explain.json());

    double seconds = (System.nanoTime() - start) / 1e9;
    REPORT.section(
        environmentSection(environment, seedResult, layerOneTasks, layerTwoTasks, seconds));
    REPORT.section(planSection(explain.json()));
    seeded = true;
  }

  @Test
  @Order(2)
  void inboxPageThroughTheApi() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http rev = api(LAYER_ONE);
    String path = "tasks?scope=candidate&limit=50";
    JsonArray first = rev.get(path).array();
    assertEquals(50, first.size());
    assertTrue(first.getJsonObject(0).getString("businessKey").startsWith("AR-20"));
    for (int i = 1; i < first.size(); i++) {
      Instant previous = Instant.parse(first.getJsonObject(i - 1).getString("createdAt"));
      assertFalse(
          Instant.parse(first.getJsonObject(i).getString("createdAt")).isAfter(previous),
          "newest first");
    }
    String[] work = new String[1];
    Stats stats =
        sample(
            () -> {
              Http.Reply reply = rev.get(path);
              assertEquals(200, reply.status(), reply.body());
              return reply.nanos();
            },
            WARMUP,
            SAMPLES,
            work);
    REPORT.raw("apiInbox", stats.json());
    INBOX_ROWS.add(
        new Report.Row(
            "`GET /api/tasks?scope=candidate&limit=50` as rev.one (HTTP Basic, 50 rows of JSON)",
            stats,
            Report.target(stats, 50),
            work[0]));

    Stats me =
        sample(
            () -> {
              Http.Reply reply = rev.get("me");
              assertEquals(200, reply.status(), reply.body());
              return reply.nanos();
            },
            WARMUP,
            SAMPLES,
            work);
    REPORT.raw("apiMe", me.json());
    INBOX_ROWS.add(
        new Report.Row(
            "for scale: `GET /api/me` as rev.one (HTTP Basic and the signed-in user only, no inbox)",
            me,
            null,
            work[0]));

    Http.Reply direct =
        api("admin")
            .post(
                "benchmark/inbox-direct?user="
                    + LAYER_ONE
                    + "&samples="
                    + SAMPLES
                    + "&warmup="
                    + WARMUP,
                "");
    assertEquals(200, direct.status(), direct.body());
    JsonObject d = direct.json();
    REPORT.raw("inboxDirect", d);
    INBOX_ROWS.add(
        new Report.Row(
            "in-server `Inbox.page(CANDIDATE, 0, 50)` (the API's query, no HTTP)",
            Stats.of(d.getJsonObject("candidatePage50")),
            null));
    INBOX_ROWS.add(
        new Report.Row(
            "in-server `Inbox.page(ALL, 0, 25)` (the screen's query)",
            Stats.of(d.getJsonObject("allPage25")),
            null));
    INBOX_ROWS.add(
        new Report.Row(
            "in-server `Inbox.count(ALL)` (the screen's paginator count: "
                + d.getJsonNumber("count")
                + ")",
            Stats.of(d.getJsonObject("countAll")),
            null));
  }

  @Test
  @Order(3)
  void inboxScreen() throws Exception {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http session = Http.signedIn(base(), LAYER_ONE);
    String page = "inbox/index.xhtml";
    Http.Reply first = session.get(page);
    assertEquals(200, first.status());
    assertTrue(first.body().contains("signed-in-as"), "signed in");
    assertEquals(25, rows(first.body()), "a page of 25 tasks");
    String[] work = new String[1];
    Stats stats =
        sample(
            () -> {
              Http.Reply reply = session.get(page);
              assertEquals(200, reply.status());
              assertTrue(reply.body().contains("data-ri=\"24\""), "25 rows rendered");
              return reply.nanos();
            },
            WARMUP,
            SAMPLES,
            work);
    REPORT.raw("screenHttp", stats.json());
    INBOX_ROWS.add(
        new Report.Row(
            "`/custodian/inbox/index.xhtml` as rev.one, FORM session (HTTP GET, whole HTML, "
                + first.body().length() / 1024
                + " KiB)",
            stats,
            Report.target(stats, 200),
            work[0]));
    browserTimings();

    Http.Reply counts =
        api("admin").post("benchmark/count-alternatives?group=" + GROUP_ONE + "&samples=20", "");
    assertEquals(200, counts.status(), counts.body());
    JsonObject c = counts.json();
    REPORT.raw("countAlternatives", c);
    List<Report.Row> rows = new ArrayList<>();
    rows.add(
        new Report.Row(
            "exact, as the screen counted before the cap: `COUNT(DISTINCT task_id) ... WHERE group_name IN (:groups)` = "
                + c.getJsonObject("countDistinct").getJsonNumber("result"),
            Stats.of(c.getJsonObject("countDistinct").getJsonObject("stats")),
            null));
    rows.add(
        new Report.Row(
            "`COUNT(*) ... WHERE group_name = ?` (one group: no task twice) = "
                + c.getJsonObject("countRows").getJsonNumber("result"),
            Stats.of(c.getJsonObject("countRows").getJsonObject("stats")),
            null));
    rows.add(
        new Report.Row(
            "capped, as `Inbox.count` counts now: `COUNT(*) FROM (SELECT 1 ... WHERE group_name = ? LIMIT 1001)` = "
                + c.getJsonObject("countCapped1001").getJsonNumber("result")
                + " (\"1,000+\")",
            Stats.of(c.getJsonObject("countCapped1001").getJsonObject("stats")),
            null));
    countSection =
        ("## The screen's paginator count\n\n"
            + "The inbox screen asks for a count on every render (PrimeFaces lazy `count()` → `Inbox.count`). An exact count reads "
            + "every candidate row of the reviewer's groups; a capped one at most 1,001 per group. Plain SQL, in-server, on the seeded database:\n\n"
            + Report.table(rows));
  }

  static volatile String countSection = "";

  /** The same screen in headless Chromium: navigation start to the load event, resources cached. */
  private void browserTimings() {
    if (BROWSER_SAMPLES <= 0 || !PageLoads.browserAvailable()) {
      REPORT.raw("screenBrowser", Json.createValue("not measured: no chromium / chromedriver"));
      return;
    }
    try (Browser browser = new Browser(url)) {
      browser.signIn(LAYER_ONE);
      Stats load = PageLoads.measure(browser, "inbox/index.xhtml", 5, BROWSER_SAMPLES);
      REPORT.raw("screenBrowserLoad", load.json());
      INBOX_ROWS.add(
          new Report.Row(
              "same screen in headless Chromium: navigation start → load event (scripts and styles cached)",
              load,
              Report.target(load, 200)));
    } catch (RuntimeException e) {
      REPORT.raw("screenBrowser", Json.createValue("not measured: " + e));
    }
  }

  @Test
  @Order(4)
  void engineOwnInboxQuery() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    String[] work = new String[1];
    JsonObject page = engineQuery("page", ENGINE_SAMPLES, 3, work);
    assertEquals(50, page.getInt("result"));
    INBOX_ROWS.add(
        new Report.Row(
            "raw engine, in-server: `taskCandidateGroup(\"access-review-1\").orderByTaskCreateTime().desc().listPage(0, 50)`",
            Stats.of(page.getJsonObject("stats")),
            "STACK.md: 864 ms median (10.11), 757 ms (11.4)",
            work[0]));
    JsonObject count = engineQuery("count", ENGINE_COUNT_SAMPLES, 1, work);
    INBOX_ROWS.add(
        new Report.Row(
            "raw engine, in-server: the same query's `count()` ("
                + count.getInt("result")
                + " tasks)",
            Stats.of(count.getJsonObject("stats")),
            "STACK.md: 2.3 s (10.11), 2.1 s (11.4)",
            work[0]));
    REPORT.raw("engineInboxPage", page);
    REPORT.raw("engineInboxCount", count);
    REPORT.section(
        "## Inbox: the first page for a layer-1 reviewer, "
            + String.format(Locale.ROOT, "%,d", TASKS)
            + " open review tasks\n\n"
            + Report.table(INBOX_ROWS));
    REPORT.section(countSection);
  }

  /**
   * One of the engine's queries, samples times; the database work per call from the global
   * counters.
   */
  private JsonObject engineQuery(String query, int samples, int warmup, String[] work) {
    JsonObject before = api("admin").get("benchmark/db-status").json();
    Http.Reply reply =
        api("admin")
            .post(
                "benchmark/engine-inbox?group="
                    + GROUP_ONE
                    + "&query="
                    + query
                    + "&samples="
                    + samples
                    + "&warmup="
                    + warmup,
                "");
    assertEquals(200, reply.status(), reply.body());
    JsonObject after = api("admin").get("benchmark/db-status").json();
    int calls = samples + warmup + 1;
    long read = 0;
    for (String key :
        List.of(
            "Handler_read_key",
            "Handler_read_next",
            "Handler_read_prev",
            "Handler_read_rnd_next",
            "Handler_read_first",
            "Handler_read_last")) {
      read += delta(before, after, key);
    }
    work[0] =
        String.format(
            Locale.ROOT,
            "%.1f / %,d",
            delta(before, after, "Com_select") / (double) calls,
            read / calls);
    return reply.json();
  }

  @Test
  @Order(5)
  void submitToFirstTask() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http co = api(CO);
    Http rev = api(LAYER_ONE);
    List<Long> submits = new ArrayList<>();
    List<Long> totals = new ArrayList<>();
    int extraPolls = 0;
    for (int i = 0; i < 5 + LATENCY_SAMPLES; i++) {
      Need need = NEEDS.poll();
      assertTrue(need != null, "not enough unused member/level pairs: raise benchmark.members");
      long start = System.nanoTime();
      Http.Reply submitted = co.post("access-requests", requestBody(need));
      assertEquals(201, submitted.status(), submitted.body());
      String key = submitted.json().getString("businessKey");
      int polls = 0;
      while (true) {
        polls++;
        Http.Reply list = rev.get("tasks?scope=candidate&limit=50");
        if (list.body().contains("\"" + key + "\"")) {
          break;
        }
        assertTrue(polls < 200, "task of " + key + " never appeared");
      }
      long total = System.nanoTime() - start;
      if (i >= 5) {
        submits.add(submitted.nanos());
        totals.add(total);
        extraPolls += polls - 1;
      }
    }
    Stats submit = Stats.ofNanos(submits);
    Stats total = Stats.ofNanos(totals);
    REPORT.raw("submitLatency", submit.json());
    REPORT.raw("submitToFirstTask", total.json());
    REPORT.raw("submitToFirstTaskExtraPolls", Json.createValue(extraPolls));
    REPORT.section(
        "## Submit to first task\n\n"
            + "A Commanding Officer submits (`POST /api/access-requests`); the clock stops when rev.one's "
            + "`GET /api/tasks?scope=candidate&limit=50` first lists the new review. Polls needed beyond the first: "
            + extraPolls
            + " (the inbox row is written in the submitting transaction).\n\n"
            + Report.table(
                List.of(
                    new Report.Row(
                        "`POST /api/access-requests` (request, process, first task, inbox rows, audit: one transaction)",
                        submit,
                        null),
                    new Report.Row(
                        "submit → task visible in rev.one's inbox (POST + first GET that lists it)",
                        total,
                        null))));
  }

  @Test
  @Order(6)
  void lifecycleThroughput() throws Exception {
    assertTrue(seeded, "the seeding step failed: see seed()");
    List<JsonObject> api = new ArrayList<>();
    long auditMark =
        api("admin").get("benchmark/audit-mark").json().getJsonNumber("mark").longValue();
    for (int threads : THREADS) {
      JsonObject before = lockStats();
      CpuShares.Sample cpu = CpuShares.sample();
      api.add(withCpu(withLocks(apiLifecycle(threads, SECONDS), before), cpu, 3));
    }
    // every entry the API runs wrote: how long until a signed checkpoint included it
    JsonObject inclusion = api("admin").get("benchmark/audit-inclusion?after=" + auditMark).json();
    List<JsonObject> floor = new ArrayList<>();
    for (int threads : THREADS) {
      JsonObject before = lockStats();
      CpuShares.Sample cpu = CpuShares.sample();
      floor.add(withCpu(withLocks(floorLifecycle(threads, SECONDS), before), cpu, 3));
    }
    List<JsonObject> raw = rawEngineRuns("two-task");
    // for scale: the same raw engine running Custodian's own access process
    List<JsonObject> rawCustodian = rawEngineRuns("custodian");
    for (JsonObject r : rawCustodian) {
      assertEquals(0, r.getJsonNumber("failed").longValue(), r.toString());
    }
    REPORT.raw("apiLifecycle", Json.createArrayBuilder(api).build());
    REPORT.raw("engineLifecycle", Json.createArrayBuilder(raw).build());
    REPORT.raw("engineLifecycleCustodianProcess", Json.createArrayBuilder(rawCustodian).build());
    REPORT.raw("httpFloor", Json.createArrayBuilder(floor).build());
    REPORT.raw("auditInclusion", inclusion);
    StringBuilder md = new StringBuilder("## Full lifecycle throughput\n\n");
    md.append(
        "| path | threads | seconds | lifecycles | lifecycles/s | lifecycle median / p95 ms | failed | InnoDB row-lock waits (total wait) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonObject r : api) {
      md.append(
          throughputRow("Custodian API (submit, list, approve, list, approve: 5 HTTP calls)", r));
    }
    for (JsonObject r : floor) {
      md.append(
          throughputRow(
              "HTTP floor: 5 signed-in calls that do no work (GET /api/me as the CO, rev.one twice, rev.two twice)",
              r));
    }
    for (JsonObject r : raw) {
      md.append(throughputRow("raw engine in-server (start, query, complete, query, complete)", r));
    }
    for (JsonObject r : rawCustodian) {
      md.append(
          throughputRow(
              "for scale: the raw engine running Custodian's access process (2 layers approved, no-op delegates)",
              r));
    }
    md.append("\nPer step (median / p95 / p99 ms):\n\n");
    md.append(
        "| path | threads | step 1 | step 2 | step 3 | step 4 | step 5 |\n|---|---:|---|---|---|---|---|\n");
    md.append(
        lines(
            api,
            "| API: submit · list rev.one · approve · list rev.two · approve | ",
            " | ",
            r -> steps(r, "submit", "list1", "complete1", "list2", "complete2")));
    md.append(
        lines(
            raw,
            "| raw engine: start · query · complete · query · complete | ",
            " | ",
            r -> steps(r, "start", "query1", "complete1", "query2", "complete2")));
    md.append(
        lines(
            rawCustodian,
            "| raw engine, Custodian's access process: the same five | ",
            " | ",
            r -> steps(r, "start", "query1", "complete1", "query2", "complete2")));
    md.append(
        "\nSQL statements per lifecycle (MariaDB's global counters over the run, divided by the lifecycles):\n\n");
    Function<JsonObject, String> statements = r -> r.getString("statementsPerLifecycle");
    md.append(lines(api, "- API, ", " thread(s): ", statements));
    md.append(lines(raw, "- raw engine, ", " thread(s): ", statements));
    md.append(
        lines(
            rawCustodian,
            "- raw engine on Custodian's access process, ",
            " thread(s): ",
            statements));
    md.append("\nMail to a real SMTP server (GreenMail in the benchmark's JVM):\n\n");
    md.append(
        lines(
            api,
            "- API, ",
            " thread(s): ",
            r ->
                r.getInt("mailReceived")
                    + " mails received during the run, "
                    + String.format(
                        Locale.ROOT,
                        "%.1f",
                        r.getInt("mailReceived") / r.getJsonNumber("lifecycles").doubleValue())
                    + " per lifecycle"));
    md.append(
        "\nCPU per lifecycle (the processes' CPU time over the run, warm-up lifecycles included, divided by the lifecycles; ms):\n\n");
    md.append("| path | threads | server | database |\n|---|---:|---:|---:|\n");
    for (JsonObject r : api) {
      md.append(cpuRow("API", r));
    }
    for (JsonObject r : floor) {
      md.append(cpuRow("HTTP floor", r));
    }
    for (JsonObject r : raw) {
      md.append(cpuRow("raw engine", r));
    }
    for (JsonObject r : rawCustodian) {
      md.append(cpuRow("raw engine on Custodian's access process", r));
    }
    for (JsonObject r : api) {
      JsonObject waits = r.getJsonObject("lockWaits");
      md.append("\nRow locks waited for during the API run with ")
          .append(r.getInt("threads"))
          .append(" thread(s): ")
          .append(waits.getInt("samplesWithWaits"))
          .append(" of ")
          .append(waits.getInt("samples"))
          .append(" samples (every 150 ms) saw a wait");
      if (waits.containsKey("problem")) {
        md.append(" (could not look: ").append(waits.getString("problem")).append(")");
      }
      md.append('\n');
      waits
          .getJsonObject("waitedFor")
          .forEach((lock, n) -> md.append("- ").append(lock).append(": ").append(n).append('\n'));
    }
    for (JsonObject r : api) {
      if (!r.getJsonArray("errors").isEmpty()) {
        md.append("\nAPI errors (")
            .append(r.getInt("threads"))
            .append(" threads, first few): ")
            .append(r.getJsonArray("errors"))
            .append('\n');
      }
    }
    for (JsonObject r : raw) {
      if (!r.getJsonArray("errors").isEmpty()) {
        md.append("\nRaw engine errors (")
            .append(r.getInt("threads"))
            .append(" threads, first few): ")
            .append(r.getJsonArray("errors"))
            .append('\n');
      }
    }
    for (int i = 0; i < floor.size(); i++) {
      md.append("\nHTTP floor / raw engine with ")
          .append(floor.get(i).getInt("threads"))
          .append(" thread(s): ")
          .append(ratio(floor.get(i), raw.get(i)))
          .append(" (no five-call lifecycle through the API can beat its floor)\n");
    }
    for (int i = 0; i < api.size(); i++) {
      md.append("\nAPI / raw engine with ")
          .append(api.get(i).getInt("threads"))
          .append(" thread(s): **")
          .append(ratio(api.get(i), raw.get(i)))
          .append("**\n");
    }
    for (int i = 0; i < api.size(); i++) {
      md.append("\nFor scale, API / raw engine on Custodian's access process with ")
          .append(api.get(i).getInt("threads"))
          .append(" thread(s): ")
          .append(ratio(api.get(i), rawCustodian.get(i)))
          .append(" (the issue's budget is against the two-task process above)\n");
    }
    Stats delay = Stats.of(inclusion.getJsonObject("delay"));
    md.append("\n## Commit to inclusion\n\nThe ")
        .append(inclusion.getInt("entries"))
        .append(" audit entries the API runs wrote, from the instant each was written (before its")
        .append(" transaction committed) to the publication of the first signed checkpoint that")
        .append(" includes it: median **")
        .append(Stats.fmt(delay.median()))
        .append("** ms, p95 ")
        .append(Stats.fmt(delay.p95()))
        .append(" ms, p99 ")
        .append(Stats.fmt(delay.p99()))
        .append(" ms (")
        .append(inclusion.getInt("notYetIncluded"))
        .append(" not yet included when measured).\n");
    REPORT.section(md.toString());
    for (JsonObject r : api) {
      assertTrue(r.getInt("lifecycles") > 0, "some lifecycles completed");
    }
  }

  /** The audit integrator alone: entries written while it is held still, then sequenced. */
  @Test
  @Order(7)
  void auditIntegratorThroughput() {
    assertTrue(seeded, "the seeding step failed: see seed()");
    Http.Reply reply = api("admin").post("benchmark/audit-integrator?events=50000", "");
    assertEquals(200, reply.status(), reply.body());
    JsonObject r = reply.json();
    REPORT.raw("auditIntegrator", r);
    REPORT.section(
        "## Audit integrator\n\n"
            + r.getInt("events")
            + " entries written through AuditLog (1,000 per transaction) while the benchmark held"
            + " the integrator's lease: "
            + String.format("%.0f", r.getJsonNumber("writtenPerSecond").doubleValue())
            + " entries/s written. Then sequenced, hashed into the tree and signed in "
            + r.getInt("batches")
            + " batches of up to "
            + r.getInt("batchSize")
            + ", each its own transaction: **"
            + String.format("%.0f", r.getJsonNumber("integratedPerSecond").doubleValue())
            + " entries/s** ("
            + String.format("%.2f", r.getJsonNumber("integrateSeconds").doubleValue())
            + " s).\n");
  }

  @AfterAll
  static void writeReport() {
    REPORT.finish(
        "results",
        STARTED,
        " of benchmark time (server start not included); load average at the start "
            + LOAD_AT_START
            + ", at the end "
            + CpuShares.loadAverage());
  }

  // ---------------------------------------------------------------------------------------------

  /** A line per run (thread count): {@code prefix}, the threads, {@code between}, the value. */
  private static String lines(
      List<JsonObject> runs, String prefix, String between, Function<JsonObject, String> value) {
    StringBuilder lines = new StringBuilder();
    for (JsonObject r : runs) {
      lines
          .append(prefix)
          .append(r.getInt("threads"))
          .append(between)
          .append(value.apply(r))
          .append('\n');
    }
    return lines.toString();
  }

  private JsonObject apiLifecycle(int threads, double seconds) throws Exception {
    for (int i = 0; i < 3; i++) {
      lifecycleOnce(null, NEEDS.poll());
    }
    JsonObject status = api("admin").get("benchmark/db-status").json();
    int mailBefore = MailServer.received().size();
    api("admin").post("benchmark/lock-sampler/start", "");
    @SuppressWarnings("unchecked")
    List<Long>[] steps = new List[5];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = Collections.synchronizedList(new ArrayList<>());
    }
    List<Long> whole = Collections.synchronizedList(new ArrayList<>());
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    boolean[] ranOut = {false};
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  Need need = NEEDS.poll();
                  if (need == null) {
                    ranOut[0] = true;
                    return;
                  }
                  long s = System.nanoTime();
                  try {
                    lifecycleOnce(steps, need);
                    whole.add(System.nanoTime() - s);
                    done.incrementAndGet();
                  } catch (RuntimeException | AssertionError e) {
                    failed.incrementAndGet();
                    if (errors.size() < 5) {
                      errors.add(e.getMessage());
                    }
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    JsonObject lockWaits = api("admin").post("benchmark/lock-sampler/stop", "").json();
    var errorList = Json.createArrayBuilder();
    errors.forEach(errorList::add);
    if (ranOut[0]) {
      errorList.add("ran out of unused member/level pairs: raise -Dbenchmark.members");
    }
    JsonObject result =
        Json.createObjectBuilder()
            .add("threads", threads)
            .add("seconds", Math.round(elapsed * 100) / 100.0)
            .add("lifecycles", done.get())
            .add("failed", failed.get())
            .add("perSecond", Math.round(done.get() / elapsed * 10) / 10.0)
            .add("lifecycle", Stats.ofNanos(whole).json())
            .add("submit", Stats.ofNanos(steps[0]).json())
            .add("list1", Stats.ofNanos(steps[1]).json())
            .add("complete1", Stats.ofNanos(steps[2]).json())
            .add("list2", Stats.ofNanos(steps[3]).json())
            .add("complete2", Stats.ofNanos(steps[4]).json())
            .add("errors", errorList)
            .add("lockWaits", lockWaits)
            // the mail the run's notices became, as the SMTP server received it (sent within a
            // second of each commit: the last lifecycles' mail may fall after the count)
            .add("mailReceived", MailServer.received().size() - mailBefore)
            .build();
    // the sampler's own SELECTs are not the lifecycle's
    return withStatements(result, status, 0, lockWaits.getInt("samples"));
  }

  /**
   * The floor under any lifecycle of five API calls: five signed-in calls as the lifecycle's users
   * that do no work ({@code GET /api/me}: HTTP, HTTP Basic sign-in, the signed-in user's roles and
   * groups, JSON), as many as the threads can make in the time.
   */
  private JsonObject floorLifecycle(int threads, double seconds) throws Exception {
    String[] users = {CO, LAYER_ONE, LAYER_ONE, LAYER_TWO, LAYER_TWO};
    for (int i = 0; i < 3; i++) {
      for (String user : users) {
        check(200, api(user).get("me"), "me");
      }
    }
    List<Long> whole = Collections.synchronizedList(new ArrayList<>());
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long s = System.nanoTime();
                  try {
                    for (String user : users) {
                      check(200, api(user).get("me"), "me");
                    }
                    whole.add(System.nanoTime() - s);
                    done.incrementAndGet();
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return Json.createObjectBuilder()
        .add("threads", threads)
        .add("seconds", Math.round(elapsed * 100) / 100.0)
        .add("lifecycles", done.get())
        .add("failed", failed.get())
        .add("perSecond", Math.round(done.get() / elapsed * 10) / 10.0)
        .add("lifecycle", Stats.ofNanos(whole).json())
        .build();
  }

  /**
   * SQL statements per lifecycle, from the global counters (extra: lifecycles run besides the
   * counted ones).
   */
  private JsonObject withStatements(
      JsonObject result, JsonObject before, int extra, int otherSelects) {
    JsonObject after = api("admin").get("benchmark/db-status").json();
    double n = result.getJsonNumber("lifecycles").doubleValue() + extra;
    return Json.createObjectBuilder(result)
        .add(
            "statementsPerLifecycle",
            String.format(
                Locale.ROOT,
                "%.0f SELECT, %.0f INSERT, %.0f UPDATE, %.0f DELETE, %.0f COMMIT",
                (delta(before, after, "Com_select") - otherSelects) / n,
                delta(before, after, "Com_insert") / n,
                delta(before, after, "Com_update") / n,
                delta(before, after, "Com_delete") / n,
                delta(before, after, "Com_commit") / n))
        .build();
  }

  /** submit as the CO, list and approve as rev.one, list and approve as rev.two. */
  private void lifecycleOnce(List<Long>[] steps, Need need) {
    Http.Reply submitted = api(CO).post("access-requests", requestBody(need));
    check(201, submitted, "submit");
    String key = submitted.json().getString("businessKey");
    Http.Reply[] found = new Http.Reply[1];
    String first = taskIn(api(LAYER_ONE), key, found);
    Http.Reply list1 = found[0];
    Http.Reply approve1 =
        api(LAYER_ONE).post("tasks/" + first + "/complete", "{\"decision\":\"APPROVE\"}");
    check(204, approve1, "approve layer 1");
    String second = taskIn(api(LAYER_TWO), key, found);
    Http.Reply list2 = found[0];
    Http.Reply approve2 =
        api(LAYER_TWO).post("tasks/" + second + "/complete", "{\"decision\":\"APPROVE\"}");
    check(204, approve2, "approve layer 2");
    if (steps != null) {
      steps[0].add(submitted.nanos());
      steps[1].add(list1.nanos());
      steps[2].add(approve1.nanos());
      steps[3].add(list2.nanos());
      steps[4].add(approve2.nanos());
    }
  }

  private static void check(int expected, Http.Reply reply, String step) {
    if (reply.status() != expected) {
      throw new IllegalStateException(step + ": HTTP " + reply.status() + " " + reply.body());
    }
  }

  /** The id of the request's open task in the user's first candidate page. */
  private static String taskIn(Http user, String businessKey, Http.Reply[] reply) {
    reply[0] = user.get("tasks?scope=candidate&limit=50");
    check(200, reply[0], "list");
    for (JsonValue value : reply[0].array()) {
      JsonObject task = value.asJsonObject();
      if (businessKey.equals(task.getString("businessKey", null))) {
        return task.getString("id");
      }
    }
    throw new IllegalStateException("no task of " + businessKey + " on the first page");
  }

  private String findTask(String user, String businessKey) {
    return taskIn(api(user), businessKey, new Http.Reply[1]);
  }

  private JsonObject submit(Need need) {
    Http.Reply reply = api(CO).post("access-requests", requestBody(need));
    assertEquals(201, reply.status(), reply.body());
    return reply.json();
  }

  private static String requestBody(Need need) {
    return Json.createObjectBuilder()
        .add("memberId", need.memberId())
        .add("technology", need.technology())
        .add("accessLevel", need.level())
        .add("justification", JUSTIFICATION)
        .build()
        .toString();
  }

  /** Fresh PCT-075 members through the admin API; each may have one request per level. */
  private void createMembers() throws Exception {
    long seed = System.currentTimeMillis() % 1_000_000;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Long>> ids = new ArrayList<>();
    for (int i = 0; i < MEMBERS; i++) {
      String tax = String.valueOf(700_000_000L + seed * 100 + i);
      int n = i;
      ids.add(
          pool.submit(
              () -> {
                Http.Reply reply =
                    api("admin")
                        .post(
                            "members",
                            Json.createObjectBuilder()
                                .add("taxNumber", tax)
                                .add("name", "Benchmark Member " + n)
                                .add("rank", "Police Officer")
                                .add("command", "PCT-075")
                                .build()
                                .toString());
                check(201, reply, "add member");
                return reply.json().getJsonNumber("id").longValue();
              }));
    }
    List<Long> members = new ArrayList<>();
    for (Future<Long> id : ids) {
      members.add(id.get());
    }
    pool.shutdown();
    for (String[] level : TWO_LAYER_LEVELS) {
      for (long member : members) {
        NEEDS.add(new Need(member, level[0], level[1]));
      }
    }
  }

  private static JsonObject template(
      long requestId, int copies, String keyPrefix, long spanSeconds) {
    return Json.createObjectBuilder()
        .add("requestId", requestId)
        .add("copies", copies)
        .add("keyPrefix", keyPrefix)
        .add("spacingSeconds", Math.max(1, spanSeconds / Math.max(1, copies)))
        .build();
  }

  private static int rows(String html) {
    Matcher m = Pattern.compile("data-ri=\"\\d+\"").matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private interface Call {
    long nanos();
  }

  private static Stats sample(Call call, int warmup, int samples) {
    for (int i = 0; i < warmup; i++) {
      call.nanos();
    }
    long[] nanos = new long[samples];
    for (int i = 0; i < samples; i++) {
      nanos[i] = call.nanos();
    }
    return Stats.ofNanos(nanos);
  }

  /**
   * Also reports the database work per call, from MariaDB's global counters around windows of 50
   * calls: the least per-call value of the windows, since the engine's background polling (a full
   * scan of the timer jobs every minute) adds to whichever window it falls in.
   */
  private Stats sample(Call call, int warmup, int samples, String[] dbWork) {
    for (int i = 0; i < warmup; i++) {
      call.nanos();
    }
    long[] nanos = new long[samples];
    double leastSelects = Double.MAX_VALUE;
    long leastRead = Long.MAX_VALUE;
    for (int start = 0; start < samples; start += 50) {
      int end = Math.min(samples, start + 50);
      JsonObject before = api("admin").get("benchmark/db-status").json();
      for (int i = start; i < end; i++) {
        nanos[i] = call.nanos();
      }
      JsonObject after = api("admin").get("benchmark/db-status").json();
      long read = 0;
      for (String key :
          List.of(
              "Handler_read_key",
              "Handler_read_next",
              "Handler_read_prev",
              "Handler_read_rnd_next",
              "Handler_read_first",
              "Handler_read_last")) {
        read += delta(before, after, key);
      }
      if (read / (end - start) < leastRead) {
        leastRead = read / (end - start);
        leastSelects = delta(before, after, "Com_select") / (double) (end - start);
      }
    }
    dbWork[0] = String.format(Locale.ROOT, "%.1f / %,d", leastSelects, leastRead);
    return Stats.ofNanos(nanos);
  }

  /**
   * The raw engine's lifecycle in the server (RawEngine) at each thread count, with its statements,
   * locks and CPU; process: two-task (the baseline) or custodian (Custodian's access process).
   */
  private List<JsonObject> rawEngineRuns(String process) {
    List<JsonObject> runs = new ArrayList<>();
    for (int threads : THREADS) {
      JsonObject before = lockStats();
      JsonObject status = api("admin").get("benchmark/db-status").json();
      CpuShares.Sample cpu = CpuShares.sample();
      Http.Reply reply =
          api("admin")
              .post(
                  "benchmark/engine-lifecycle?process="
                      + process
                      + "&threads="
                      + threads
                      + "&seconds="
                      + SECONDS,
                  "");
      assertEquals(200, reply.status(), reply.body());
      runs.add(withCpu(withStatements(withLocks(reply.json(), before), status, 20, 0), cpu, 20));
    }
    return runs;
  }

  /** One run's rate over another's, two decimals. */
  private static String ratio(JsonObject run, JsonObject baseline) {
    return String.format(
        Locale.ROOT,
        "%.2f",
        run.getJsonNumber("perSecond").doubleValue()
            / baseline.getJsonNumber("perSecond").doubleValue());
  }

  /**
   * The server's and the database's CPU time per lifecycle over a run (extra: lifecycles run
   * besides the counted ones): what a lifecycle costs, steadier than its rate on a shared machine.
   */
  private static JsonObject withCpu(JsonObject result, CpuShares.Sample before, int extra) {
    CpuShares.Sample after = CpuShares.sample();
    double n = result.getJsonNumber("lifecycles").doubleValue() + extra;
    var out = Json.createObjectBuilder(result);
    if (before.server() >= 0 && after.server() >= 0) {
      out.add(
          "serverCpuMs", Math.round((after.server() - before.server()) / 1e6 / n * 100) / 100.0);
    }
    if (before.database() >= 0 && after.database() >= 0) {
      out.add(
          "databaseCpuMs",
          Math.round((after.database() - before.database()) / 1e6 / n * 100) / 100.0);
    }
    return out.build();
  }

  private static String cpuRow(String what, JsonObject r) {
    return "| "
        + what
        + " | "
        + r.getInt("threads")
        + " | "
        + (r.containsKey("serverCpuMs") ? r.getJsonNumber("serverCpuMs").toString() : "?")
        + " | "
        + (r.containsKey("databaseCpuMs") ? r.getJsonNumber("databaseCpuMs").toString() : "?")
        + " |\n";
  }

  private static long delta(JsonObject before, JsonObject after, String key) {
    return after.getJsonNumber(key).longValue() - before.getJsonNumber(key).longValue();
  }

  private static String throughputRow(String what, JsonObject r) {
    Stats lifecycle = Stats.of(r.getJsonObject("lifecycle"));
    return "| "
        + what
        + " | "
        + r.getInt("threads")
        + " | "
        + r.getJsonNumber("seconds")
        + " | "
        + r.getJsonNumber("lifecycles")
        + " | **"
        + r.getJsonNumber("perSecond")
        + "** | "
        + Stats.fmt(lifecycle.median())
        + " / "
        + Stats.fmt(lifecycle.p95())
        + " | "
        + r.getJsonNumber("failed")
        + " | "
        + r.getJsonNumber("rowLockWaits")
        + " ("
        + r.getJsonNumber("rowLockWaitMs")
        + " ms) |\n";
  }

  private JsonObject lockStats() {
    Http.Reply reply = api("admin").get("benchmark/lock-stats");
    assertEquals(200, reply.status(), reply.body());
    return reply.json();
  }

  /** The run's result plus the InnoDB row-lock waits it caused. */
  private JsonObject withLocks(JsonObject result, JsonObject before) {
    JsonObject after = lockStats();
    return Json.createObjectBuilder(result)
        .add(
            "rowLockWaits",
            after.getJsonNumber("Innodb_row_lock_waits").longValue()
                - before.getJsonNumber("Innodb_row_lock_waits").longValue())
        .add(
            "rowLockWaitMs",
            after.getJsonNumber("Innodb_row_lock_time").longValue()
                - before.getJsonNumber("Innodb_row_lock_time").longValue())
        .add(
            "deadlocks", after.getInt("Innodb_deadlocks", 0) - before.getInt("Innodb_deadlocks", 0))
        .build();
  }

  private static String steps(JsonObject r, String... names) {
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      out.append(Stats.of(r.getJsonObject(name)).summary()).append(" | ");
    }
    return out.toString().trim();
  }

  private static String environmentSection(
      JsonObject env, JsonObject seed, int layerOne, int layerTwo, double seconds) {
    long memory = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          memory = Long.parseLong(line.replaceAll("\\D", "")) / 1024 / 1024;
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    String cpu = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).trim())
              .orElse("");
    } catch (Exception ignored) {
      // not Linux
    }
    return "## Run\n\n"
        + "| | |\n|---|---|\n"
        + "| date (UTC) | "
        + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(STARTED)
        + " |\n"
        + "| machine | "
        + Runtime.getRuntime().availableProcessors()
        + " cores"
        + (cpu.isEmpty() ? "" : " (" + cpu + ")")
        + ", "
        + memory
        + " GiB; server, database and load generator on the same machine |\n"
        + "| server | WildFly 39.0.1.Final, "
        + env.getString("serverJava")
        + ", heap max "
        + env.getJsonNumber("serverMaxHeapMiB")
        + " MiB |\n"
        + "| client | "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.version")
        + ", java.net.http, HTTP/1.1 keep-alive |\n"
        + "| database | "
        + env.getString("database")
        + ", innodb_buffer_pool_size "
        + Long.parseLong(env.getString("innodb_buffer_pool_size")) / 1048576
        + " MiB, innodb_flush_log_at_trx_commit "
        + env.getString("innodb_flush_log_at_trx_commit")
        + ", "
        + env.getString("isolation")
        + ", optimizer_switch default |\n"
        + "| driver | "
        + env.getString("driver")
        + " |\n"
        + "| open review tasks | "
        + String.format(Locale.ROOT, "%,d", env.getJsonNumber("openTasks").longValue())
        + " ("
        + String.format(Locale.ROOT, "%,d", layerOne)
        + " for access-review-1, "
        + String.format(Locale.ROOT, "%,d", layerTwo)
        + " for access-review-2), created over the last "
        + BACKLOG_DAYS
        + " days |\n"
        + "| seeding | "
        + String.format(Locale.ROOT, "%,d", seed.getJsonNumber("totalRows").longValue())
        + " rows copied in "
        + seed.getJsonNumber("seconds")
        + " s; database "
        + env.getJsonNumber("databaseMiB")
        + " MiB; whole setup "
        + Math.round(seconds)
        + " s |\n";
  }

  private static String planSection(JsonObject explain) {
    return "## Query plans (EXPLAIN on the seeded database)\n\n"
        + "Custodian's inbox page (then one primary-key lookup of the 50 ids in `inbox_task`):\n\n"
        + Report.plan(explain, "inboxPage")
        + "\n"
        + "Custodian's paginator count (per group, capped at 1,001):\n\n"
        + Report.plan(explain, "inboxCount")
        + "\n"
        + "The engine's candidate-group page (the SQL of Flowable 8's `Task.xml` for this query):\n\n"
        + Report.plan(explain, "enginePage")
        + "\n"
        + "The engine's count:\n\n"
        + Report.plan(explain, "engineCount")
        + "\n"
        + "In the background, the engine's async executor polls the timer jobs (one per open review: the overdue "
        + "timer). Acquisition of due timers (every 10 s by default):\n\n"
        + Report.plan(explain, "timerAcquisition")
        + "\n"
        + "Reset of expired timer-job locks (every 60 s by default):\n\n"
        + Report.plan(explain, "expiredTimerReset");
  }
}
