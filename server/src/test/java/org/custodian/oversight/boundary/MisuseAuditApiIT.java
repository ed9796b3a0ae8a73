package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.custodian.oversight.control.MisuseAudits;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Commanding Officer's periodic misuse audit, through the API: an auditor opens the month's
 * audits; the 75th Precinct's CO gets a sample of its members' events, drawn reproducibly from the
 * recorded seed, plus its open findings; bad verdicts are refused by field; another command's CO
 * and the ICO (before the due date) may not act; past due the audit escalates to the ICO, who
 * completes it; Internal Affairs sees how it stands.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MisuseAuditApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource URL url;

  private String member(String command) {
    return new Scenario(url).added(command, "Audited Member " + System.nanoTime()).taxNumber();
  }

  private static final java.time.format.DateTimeFormatter UTC =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
          .withZone(java.time.ZoneOffset.UTC);

  /** The command's events of the New York month that had arrived when the audit opened. */
  private static List<Long> population(long commandId, YearMonth month, Instant openedAt)
      throws Exception {
    java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
    List<Long> ids = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("custodian.db.url"),
                System.getProperty("custodian.db.user"),
                System.getProperty("custodian.db.password"));
        PreparedStatement s =
            c.prepareStatement(
                "SELECT id FROM access_event WHERE command_id = ? AND at >= ? AND at < ?"
                    + " AND received_at <= ? ORDER BY id")) {
      s.setLong(1, commandId);
      s.setString(2, UTC.format(month.atDay(1).atStartOfDay(ny)));
      s.setString(3, UTC.format(month.plusMonths(1).atDay(1).atStartOfDay(ny)));
      s.setString(4, UTC.format(openedAt));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static long commandId(String code) throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                System.getProperty("custodian.db.url"),
                System.getProperty("custodian.db.user"),
                System.getProperty("custodian.db.password"));
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT id FROM command WHERE code = '" + code + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static JsonObject verdicts(List<JsonObject> items, String questionableNote) {
    JsonObjectBuilder map = Json.createObjectBuilder();
    for (int i = 0; i < items.size(); i++) {
      JsonObjectBuilder v = Json.createObjectBuilder();
      if (i == 0 && questionableNote != null) {
        v.add("verdict", "QUESTIONABLE");
        if (!questionableNote.isEmpty()) {
          v.add("note", questionableNote);
        }
      } else {
        v.add("verdict", "REVIEWED");
      }
      map.add(String.valueOf(items.get(i).getJsonNumber("id").longValue()), v);
    }
    return Json.createObjectBuilder().add("items", map).build();
  }

  @Test
  void aCommandsMonthIsSampledReproduciblyReviewedEscalatedAndSeenByInternalAffairs()
      throws Exception {
    String run = "ma" + System.nanoTime();
    // a month of its own, so the test can run again on the same database
    YearMonth month =
        YearMonth.of(1901 + (int) (System.nanoTime() % 48), 1 + (int) (System.nanoTime() / 7 % 12));
    String one = member("PCT-075");
    String two = member("PCT-075");
    JsonArrayBuilder events = Json.createArrayBuilder();
    for (int i = 0; i < 30; i++) {
      events.add(
          Json.createObjectBuilder()
              .add("eventId", run + "-" + i)
              .add("at", month.atDay(1 + i % 28) + "T14:00:00Z")
              .add("memberTaxNumber", i % 2 == 0 ? one : two)
              .add("action", "VIEW")
              .add("subject", "Sampled Person " + i)
              .add("record", "CMS-" + run + "-" + i));
    }
    Api.Answer reported =
        Api.as(url, "system.cms")
            .post("access-events", Json.createObjectBuilder().add("events", events).build());
    assertEquals(30, reported.json().getInt("accepted"), reported.body());
    long mark = AuditTrail.mark();

    // only auditors and Internal Affairs open a round, or read how the commands stand
    assertEquals(
        403,
        Api.as(url, "co.ramirez")
            .post(
                "misuse-audits", Json.createObjectBuilder().add("period", month.toString()).build())
            .status());
    assertEquals(403, Api.as(url, "co.ramirez").get("misuse-audits").status());
    assertEquals(
        "period",
        Api.as(url, "auditor.iab")
            .post("misuse-audits", Json.createObjectBuilder().add("period", "2025-13").build())
            .field());
    Api.Answer opened =
        Api.as(url, "auditor.iab")
            .post(
                "misuse-audits",
                Json.createObjectBuilder().add("period", month.toString()).build());
    assertEquals(201, opened.status(), opened.body());
    JsonObject ours =
        opened.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("command").equals("PCT-075"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(opened.body()));
    long auditId = ours.getJsonNumber("id").longValue();
    String key = ours.getString("businessKey");
    assertEquals(
        0,
        Api.as(url, "auditor.iab")
            .post(
                "misuse-audits", Json.createObjectBuilder().add("period", month.toString()).build())
            .array()
            .stream()
            .filter(a -> a.asJsonObject().getString("command").equals("PCT-075"))
            .count(),
        "one open audit per command and month");

    // the CO's task, with the sample and the open findings
    String task = Api.as(url, "co.ramirez").taskOf(key, "Task_AuditSystemUse");
    assertNotNull(task, "the audit is in the CO's inbox");
    Api.Answer itemsAnswer = Api.as(url, "co.ramirez").get("misuse-audits/" + auditId + "/items");
    assertEquals(200, itemsAnswer.status(), itemsAnswer.body());
    List<JsonObject> items = itemsAnswer.array().stream().map(JsonValue::asJsonObject).toList();
    List<Long> sampled =
        items.stream()
            .filter(i -> i.getBoolean("sampled"))
            .map(i -> i.getJsonNumber("eventId").longValue())
            .toList();
    assertEquals(25, sampled.size(), "25 of the 30 events drawn");
    assertTrue(
        items.stream().filter(i -> !i.getBoolean("sampled")).allMatch(i -> !i.isNull("findingId")),
        "the rest are open findings");
    assertEquals(403, Api.as(url, "co.okafor").get("misuse-audits/" + auditId + "/items").status());
    assertEquals(403, Api.as(url, "ico.walsh").get("misuse-audits/" + auditId + "/items").status());

    // Internal Affairs draws the same sample from the recorded seed
    JsonObject standing =
        Api.as(url, "iab.santos").get("misuse-audits?period=" + month).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getJsonNumber("id").longValue() == auditId)
            .findFirst()
            .orElseThrow();
    assertEquals(30, standing.getInt("population"));
    List<Long> population =
        population(commandId("PCT-075"), month, Instant.parse(standing.getString("openedAt")));
    assertEquals(30, population.size());
    assertEquals(
        sampled,
        MisuseAudits.sample(population, standing.getJsonNumber("seed").longValue(), 25),
        "the seed reproduces the sample, in order");

    // verdicts: every event, and a note for a questionable one
    Api.Answer missing =
        Api.as(url, "co.ramirez")
            .post("tasks/" + task + "/complete", verdicts(items.subList(1, items.size()), null));
    assertEquals(400, missing.status(), missing.body());
    assertEquals("items." + items.get(0).getJsonNumber("id").longValue(), missing.field());
    Api.Answer noNote =
        Api.as(url, "co.ramirez").post("tasks/" + task + "/complete", verdicts(items, ""));
    assertEquals(400, noNote.status(), noNote.body());
    assertEquals("items." + items.get(0).getJsonNumber("id").longValue() + ".note", noNote.field());
    assertEquals(
        403,
        Api.as(url, "ico.walsh")
            .post("tasks/" + task + "/complete", verdicts(items, "x"))
            .status());

    // past due: escalated to the 75th Precinct's Integrity Control Officer, who completes it
    Instant due = Instant.parse(standing.getString("dueAt"));
    Api.Answer fired =
        Api.as(url, "admin")
            .post("test-engine-clock/fire?businessKey=" + key + "&at=" + due.plusSeconds(1), "");
    assertEquals(200, fired.status(), fired.body());
    assertTrue(fired.body().contains("Timer_MisuseAuditOverdue"), fired.body());
    assertTrue(fired.body().contains("Timer_MisuseAuditReminder"), fired.body());
    assertEquals(task, Api.as(url, "ico.walsh").taskOf(key, "Task_AuditSystemUse"));
    Api.Answer done =
        Api.as(url, "ico.walsh")
            .post(
                "tasks/" + task + "/complete",
                verdicts(items, "Viewed a record outside any case the member works."));
    assertEquals(204, done.status(), done.body());

    JsonObject after =
        Api.as(url, "iab.santos").get("misuse-audits?period=" + month).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getJsonNumber("id").longValue() == auditId)
            .findFirst()
            .orElseThrow();
    assertEquals("COMPLETED", after.getString("status"));
    assertEquals(1, after.getInt("questionable"));
    assertEquals(items.size() - 1, after.getInt("reviewed"));
    assertEquals("ico.walsh", after.getString("completedBy"));
    assertFalse(after.isNull("escalatedAt"));
    assertNull(Api.as(url, "co.ramirez").taskOf(key, null), "nothing left in the CO's inbox");

    assertTrue(AuditTrail.actions(mark, "auditor.iab").contains("MISUSE_AUDIT_OPENED"));
    assertTrue(AuditTrail.actions(mark, "system").contains("MISUSE_AUDIT_OVERDUE"));
    assertTrue(AuditTrail.actions(mark, "ico.walsh").contains("MISUSE_AUDIT_COMPLETED"));
  }
}
