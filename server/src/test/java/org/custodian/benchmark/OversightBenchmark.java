package org.custodian.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oversight over 5,000,000 access events (issue 13; named to run after InboxBenchmark, which counts
 * the open tasks it seeded, since this one opens misuse audits). The auditor's console (budget:
 * search by member or by subject ≤ 200 ms p95). Seeds the events in SQL with their audit entries,
 * sequenced into the tree by the integrator (AuditLogProbe), over a roster of 2,000 members and
 * 100,000 people; then times {@code GET /api/audit/search} as an auditor: by a random member, by a
 * random subject, by record, and a Commanding Officer's search of their whole command. Each call is
 * the page of 50 and its capped count, audited, through HTTP. Writes
 * target/benchmark/oversight-results.md; fails only when something does not work. Alone: {@code mvn
 * -Pbenchmark verify -Dit.test=OversightBenchmark}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OversightBenchmark {

  static final int EVENTS = Integer.getInteger("benchmark.searchEvents", 5_000_000);
  static final int SUBJECTS = Integer.getInteger("benchmark.searchSubjects", 100_000);
  static final int MEMBERS = Integer.getInteger("benchmark.searchMembers", 2_000);
  static final int SAMPLES = Integer.getInteger("benchmark.searchSamples", 200);
  static final int WARMUP = 30;

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

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Times n searches (after a warm-up), each checked to answer 200 with a page. */
  private Stats time(String user, IntFunction<String> path, List<String> notes) {
    List<Long> nanos = new ArrayList<>();
    int found = 0;
    for (int i = -WARMUP; i < SAMPLES; i++) {
      Http.Reply reply = api(user).get(path.apply(i));
      assertEquals(200, reply.status(), reply.body());
      JsonObject page = reply.json();
      if (i >= 0) {
        nanos.add(reply.nanos());
        found += page.getJsonArray("entries").size();
      }
    }
    notes.add(
        String.format(Locale.ROOT, "%.1f entries per page on average", found / (double) SAMPLES));
    return Stats.ofNanos(nanos);
  }

  @Test
  void searchOverFiveMillionEvents() {
    Http.Reply seeded =
        api("admin")
            .post(
                "benchmark/seed-access-events",
                Json.createObjectBuilder()
                    .add("count", EVENTS)
                    .add("subjects", SUBJECTS)
                    .add("members", MEMBERS)
                    .build()
                    .toString());
    assertEquals(200, seeded.status(), seeded.body());
    JsonObject seed = seeded.json();
    List<String> taxNumbers =
        api("admin").get("benchmark/member-tax-numbers?n=200").array().stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList();
    assertTrue(taxNumbers.size() >= 100, "a roster to pick from");
    Random random = new Random(42);

    List<String> memberNotes = new ArrayList<>();
    Stats byMember =
        time(
            "auditor.iab",
            i -> "audit/search?member=" + taxNumbers.get(random.nextInt(taxNumbers.size())),
            memberNotes);
    List<String> subjectNotes = new ArrayList<>();
    Stats bySubject =
        time(
            "auditor.iab",
            i ->
                "audit/search?subject="
                    + q(AuditLogProbe.subject(random.nextInt(SUBJECTS), SUBJECTS)),
            subjectNotes);
    List<String> recordNotes = new ArrayList<>();
    Stats byRecord =
        time(
            "auditor.iab",
            i -> "audit/search?record=" + q(String.format("CMS-%07d", random.nextInt(EVENTS / 10))),
            recordNotes);
    List<String> commandNotes = new ArrayList<>();
    Stats command = time("co.ramirez", i -> "audit/search", commandNotes);
    List<String> userNotes = new ArrayList<>();
    Stats byUser =
        time("auditor.iab", i -> "audit/search?user=auditor.iab&action=AUDIT_SEARCHED", userNotes);

    // the Commanding Officer's monthly misuse audit over the same log: last month's events
    long openStart = System.nanoTime();
    Http.Reply opened = api("auditor.iab").post("misuse-audits", "{}");
    double openMs = (System.nanoTime() - openStart) / 1e6;
    assertEquals(201, opened.status(), opened.body());
    String key =
        opened.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("command").equals("PCT-075"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no audit for PCT-075: " + opened.body()))
            .getString("businessKey");
    String task =
        api("co.ramirez").get("tasks?scope=candidate&limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> key.equals(t.getString("businessKey", null)))
            .findFirst()
            .orElseThrow()
            .getString("id");
    JsonObject standing =
        api("auditor.iab").get("misuse-audits").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("businessKey").equals(key))
            .findFirst()
            .orElseThrow();
    Http session = Http.signedIn(Http.uri(url), "co.ramirez");
    String page = "oversight/misuse-audit.xhtml?task=" + task;
    List<Long> pageNanos = new ArrayList<>();
    for (int i = -WARMUP; i < SAMPLES; i++) {
      Http.Reply reply = session.get(page);
      assertEquals(200, reply.status());
      assertTrue(reply.body().contains("data-ri=\"24\""), "the 25 sampled events rendered");
      if (i >= 0) {
        pageNanos.add(reply.nanos());
      }
    }
    Stats auditPage = Stats.ofNanos(pageNanos);

    JsonObject raw =
        Json.createObjectBuilder()
            .add("seed", seed)
            .add("openMisuseAuditsMs", openMs)
            .add("misuseAuditPopulation", standing.getInt("population"))
            .add("misuseAuditPage", auditPage.json())
            .add("byMember", byMember.json())
            .add("bySubject", bySubject.json())
            .add("byRecord", byRecord.json())
            .add("commandingOfficer", command.json())
            .add("byUser", byUser.json())
            .build();
    REPORT.raw("search", raw);
    StringBuilder md = new StringBuilder("## Audit log search over ");
    md.append(String.format(Locale.ROOT, "%,d access events\n\n", EVENTS));
    md.append(
        String.format(
            Locale.ROOT,
            "Seeded in SQL in %.0f s (events and their audit entries), then sequenced into the tree"
                + " by the integrator in %.0f s (%d batches); %,d members, %,d people as subjects."
                + " %d timed calls each after %d warm-up calls, through HTTP as the user named;"
                + " each call is a page of 50 newest first, its count (capped at 10,001) and its"
                + " own audit entry.\n\n",
            seed.getJsonNumber("insertSeconds").doubleValue(),
            seed.getJsonNumber("integrateSeconds").doubleValue(),
            seed.getInt("batches"),
            MEMBERS,
            SUBJECTS,
            SAMPLES,
            WARMUP));
    md.append("| search | median ms | p95 ms | p99 ms | page |\n|---|---:|---:|---:|---|\n");
    row(md, "by member (`?member=`), auditor", byMember, memberNotes);
    row(md, "by subject (`?subject=`), auditor", bySubject, subjectNotes);
    row(md, "by record (`?record=`), auditor", byRecord, recordNotes);
    row(md, "a Commanding Officer's whole command, no criteria", command, commandNotes);
    row(md, "Custodian's own entries by user and action", byUser, userNotes);
    md.append("\nBudget: by member and by subject ≤ 200 ms p95.\n");
    md.append(
        String.format(
            Locale.ROOT,
            "\n## The Commanding Officer's misuse audit over the same log\n\n"
                + "`POST /api/misuse-audits {}` (last month, every command) took %.0f ms; the"
                + " 75th Precinct's population was %,d events, of which 25 were drawn. The audit"
                + " page `oversight/misuse-audit.xhtml?task=…` as `co.ramirez` (FORM session, whole"
                + " HTML, 25 rows; each load reads the items and writes its audit entry), %d loads"
                + " after %d warm-up: median %s ms, p95 **%s** ms, p99 %s ms (budget ≤ 300 ms p95).\n",
            openMs,
            standing.getInt("population"),
            SAMPLES,
            WARMUP,
            Stats.fmt(auditPage.median()),
            Stats.fmt(auditPage.p95()),
            Stats.fmt(auditPage.p99())));
    REPORT.section(md.toString());
  }

  private static void row(StringBuilder md, String what, Stats s, List<String> notes) {
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(Stats.fmt(s.median()))
        .append(" | ")
        .append(Stats.fmt(s.p95()))
        .append(" | ")
        .append(Stats.fmt(s.p99()))
        .append(" | ")
        .append(String.join("; ", notes))
        .append(" |\n");
  }

  @AfterAll
  static void writeReport() {
    REPORT.finish("oversight-results", STARTED, "");
  }
}
