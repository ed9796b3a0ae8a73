package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A covered system reports its users' access (POST /api/access-events): each good event is kept
 * once and becomes an audit entry, a bad event is refused by its index without the others, a
 * re-sent event id is a duplicate; an event without a grant behind it, by a separated member or by
 * someone unknown becomes a finding that the member's Commanding Officer and the auditors see, and
 * another command's Commanding Officer does not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessEventApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  /** An event at the time of the call: after any grant the test made before it. */
  private static JsonObject event(String id, String tax, String action) {
    return Json.createObjectBuilder()
        .add("eventId", id)
        .add("at", java.time.Instant.now().toString())
        .add("memberTaxNumber", tax)
        .add("action", action)
        .add("subject", "Jordan Example")
        .add("record", "CMS-2026-0042")
        .add("purpose", "case follow-up")
        .build();
  }

  private static JsonObject batch(JsonValue... events) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (JsonValue e : events) {
      list.add(e);
    }
    return Json.createObjectBuilder().add("events", list).build();
  }

  private String taxNumberOf(long memberId) {
    return Api.as(url, "admin").get("members?command=PCT-075").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> m.getJsonNumber("id").longValue() == memberId)
        .map(m -> m.getString("taxNumber"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void goodEventsAreKeptOnceABadOneIsRefusedByIndexAndFindingsReachTheCommand() {
    Scenario scenario = new Scenario(url);
    long granted = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", granted, "CMS", "VIEW");
    long ungranted = scenario.newMember("PCT-075");
    long separated = scenario.newMember("PCT-075", false);
    String run = "it-" + System.nanoTime();
    long mark = AuditTrail.mark();

    JsonObject bad =
        Json.createObjectBuilder(event(run + "-bad", taxNumberOf(granted), "PEEK"))
            .add("at", "yesterday")
            .build();
    Api.Answer answer =
        Api.as(url, "system.cms")
            .post(
                "access-events",
                batch(
                    event(run + "-1", taxNumberOf(granted), "SEARCH"),
                    bad,
                    event(run + "-2", taxNumberOf(ungranted), "VIEW"),
                    event(run + "-3", taxNumberOf(separated), "EXPORT"),
                    event(run + "-4", "99999999", "LOGIN"),
                    event(run + "-1", taxNumberOf(granted), "SEARCH")));
    assertEquals(200, answer.status(), answer.body());
    JsonObject outcome = answer.json();
    assertEquals(4, outcome.getInt("accepted"), answer.body());
    assertEquals(1, outcome.getInt("duplicates"), "the same event id twice in one request");
    assertEquals(1, outcome.getJsonArray("rejected").size());
    JsonObject rejected = outcome.getJsonArray("rejected").getJsonObject(0);
    assertEquals(1, rejected.getInt("index"));
    List<String> fields =
        rejected.getJsonArray("errors").stream()
            .map(e -> e.asJsonObject().getString("field"))
            .sorted()
            .collect(Collectors.toList());
    assertEquals(List.of("action", "at"), fields, rejected.toString());
    assertTrue(
        rejected.toString().contains("at must be an ISO-8601 instant")
            && !rejected.toString().contains("at at "),
        "each message names its field once: " + rejected);

    // re-sent: nothing new
    Api.Answer again =
        Api.as(url, "system.cms")
            .post("access-events", batch(event(run + "-2", taxNumberOf(ungranted), "VIEW")));
    assertEquals(0, again.json().getInt("accepted"));
    assertEquals(1, again.json().getInt("duplicates"));

    // every accepted event is an entry of the audit log, in the system's name
    assertEquals(
        List.of(
            "ACCESS_EVENT_SEARCH",
            "ACCESS_EVENT_VIEW",
            "ACCESS_EVENT_EXPORT",
            "ACCESS_EVENT_LOGIN"),
        AuditTrail.actions(mark, "system.cms"));

    // findings: the ungranted and the separated member, for PCT-075's Commanding Officer
    List<JsonObject> mine =
        Api.as(url, "co.ramirez").get("access-findings?status=OPEN&limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(f -> f.getString("eventId").startsWith(run))
            .toList();
    assertEquals(
        List.of("EXPORT:SEPARATED_MEMBER", "VIEW:NO_GRANT"),
        mine.stream()
            .map(f -> f.getString("action") + ":" + f.getString("kind"))
            .sorted()
            .toList());
    assertTrue(mine.stream().allMatch(f -> f.getString("command").equals("PCT-075")));

    // the auditor also sees the unknown member's, which belongs to no command
    List<String> all =
        Api.as(url, "auditor.iab").get("access-findings?limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(f -> f.getString("eventId").startsWith(run))
            .map(f -> f.getString("kind"))
            .sorted()
            .toList();
    assertEquals(List.of("NO_GRANT", "SEPARATED_MEMBER", "UNKNOWN_MEMBER"), all);

    // another command's Commanding Officer sees none of them, and may not ask for PCT-075's
    assertFalse(
        Api.as(url, "co.okafor").get("access-findings?limit=200").array().stream()
            .anyMatch(f -> f.asJsonObject().getString("eventId").startsWith(run)));
    assertEquals(403, Api.as(url, "co.okafor").get("access-findings?command=PCT-075").status());
    // reading findings is audited
    assertTrue(AuditTrail.actions(mark, "co.ramirez").contains("ACCESS_FINDINGS_LISTED"));
  }

  @Test
  void onlyACoveredSystemReportsAndABatchHasAtMostAThousandEvents() {
    JsonObject one = batch(event("x-" + System.nanoTime(), "931001", "VIEW"));
    assertEquals(403, Api.as(url, "co.ramirez").post("access-events", one).status());
    assertEquals(403, Api.as(url, "admin").post("access-events", one).status());
    JsonArrayBuilder many = Json.createArrayBuilder();
    for (int i = 0; i < 1_001; i++) {
      many.add(event("big-" + i, "931001", "VIEW"));
    }
    Api.Answer tooMany =
        Api.as(url, "system.cms")
            .post("access-events", Json.createObjectBuilder().add("events", many).build());
    assertEquals(400, tooMany.status(), tooMany.body());
    assertEquals("events", tooMany.field());
    Api.Answer empty =
        Api.as(url, "system.cms")
            .post(
                "access-events",
                Json.createObjectBuilder().add("events", Json.createArrayBuilder()).build());
    assertEquals(400, empty.status());
  }

  @Test
  void aCoveredSystemsAccountIsMadeWithItsTechnologyAndNoOtherRole() {
    String name = "system.test" + System.nanoTime() % 100000;
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", name)
            .add("password", "a long enough password")
            .add("roles", Json.createArrayBuilder().add("covered-system"))
            .build();
    Api.Answer noTechnology = Api.as(url, "admin").post("users", user);
    assertEquals(400, noTechnology.status());
    assertEquals("technology", noTechnology.field());
    Api.Answer withOther =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder(user)
                    .add("technology", "CMS")
                    .add("roles", Json.createArrayBuilder().add("covered-system").add("member"))
                    .build());
    assertEquals(400, withOther.status());
    assertEquals("roles", withOther.field());
    Api.Answer made =
        Api.as(url, "admin")
            .post("users", Json.createObjectBuilder(user).add("technology", "CMS").build());
    assertEquals(201, made.status(), made.body());
  }

  /**
   * A system that can only export sends a file: CSV with a header row, or JSON lines. The same
   * intake; a refused event is named by its place in the file.
   */
  @Test
  void aSystemThatCanOnlyExportSendsAFile() {
    String run = "file-" + System.nanoTime();
    String csv =
        "eventId,at,memberTaxNumber,action,subject,record,purpose\n"
            + run
            + "-1,2026-12-05T09:00:00Z,931001,SEARCH,\"Doe, Jane\",CMS-1,\"follow-up, case 7\"\n"
            + run
            + "-2,not a time,931001,VIEW,,,\n"
            + run
            + "-3,2026-12-05T09:05:00Z,931002,PRINT,,CMS-2,\n";
    Api.Answer fromCsv = Api.as(url, "system.cms").post("access-events/import", "text/csv", csv);
    assertEquals(200, fromCsv.status(), fromCsv.body());
    assertEquals(2, fromCsv.json().getInt("accepted"), fromCsv.body());
    assertEquals(1, fromCsv.json().getJsonArray("rejected").getJsonObject(0).getInt("index"));

    String lines =
        "{\"eventId\": \""
            + run
            + "-4\", \"at\": \"2026-12-05T09:10:00Z\", \"memberTaxNumber\": \"931001\", \"action\": \"LOGIN\"}\n"
            + "this is not json\n"
            + "{\"eventId\": \""
            + run
            + "-1\", \"at\": \"2026-12-05T09:00:00Z\", \"memberTaxNumber\": \"931001\", \"action\": \"SEARCH\"}\n";
    Api.Answer fromLines =
        Api.as(url, "system.cms").post("access-events/import", "application/x-ndjson", lines);
    assertEquals(200, fromLines.status(), fromLines.body());
    assertEquals(1, fromLines.json().getInt("accepted"));
    assertEquals(1, fromLines.json().getInt("duplicates"), "event -1 came in the CSV");
    JsonObject refused = fromLines.json().getJsonArray("rejected").getJsonObject(0);
    assertEquals(1, refused.getInt("index"));
    assertEquals("line", refused.getJsonArray("errors").getJsonObject(0).getString("field"));

    Api.Answer wrongType =
        Api.as(url, "system.cms").post("access-events/import", "application/json", "{}");
    assertEquals(400, wrongType.status());
    assertEquals("body", wrongType.field());
    // a header with a blank column name (a spreadsheet's trailing comma) is named, not a 500
    Api.Answer blankColumn =
        Api.as(url, "system.cms")
            .post(
                "access-events/import",
                "text/csv",
                "eventId,at,memberTaxNumber,action,\n"
                    + run
                    + "-9,2026-12-05T09:00:00Z,931001,VIEW,\n");
    assertEquals(400, blankColumn.status(), blankColumn.body());
    assertEquals("body", blankColumn.field());

    // a time MariaDB cannot store (year 10000 in UTC) and an id with a trailing space (equal to
    // the one without under the database's collation) are those events' own errors
    Api.Answer edges =
        Api.as(url, "system.cms")
            .post(
                "access-events",
                batch(
                    Json.createObjectBuilder(event(run + "-5", "931001", "VIEW"))
                        .add("at", "9999-12-31T23:00:00-05:00")
                        .build(),
                    event(run + "-6 ", "931001", "VIEW"),
                    event(run + "-6", "931001", "VIEW")));
    assertEquals(200, edges.status(), edges.body());
    assertEquals(1, edges.json().getInt("accepted"), edges.body());
    List<String> refusedFields =
        edges.json().getJsonArray("rejected").stream()
            .map(r -> r.asJsonObject().getJsonArray("errors").getJsonObject(0).getString("field"))
            .toList();
    assertEquals(List.of("at", "eventId"), refusedFields, edges.body());
    assertEquals(
        403, Api.as(url, "co.ramirez").post("access-events/import", "text/csv", csv).status());
  }

  /**
   * A member of a command whose functions justify no level of the system: a finding of its own,
   * whatever grants exist. (The command is made here in SQL: no screen or endpoint makes commands
   * yet.)
   */
  @Test
  void useOutsideTheCommandsFunctionsIsAFinding() throws Exception {
    String code = "NOCMS-" + System.nanoTime() % 1_000_000;
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(
                System.getProperty("custodian.db.url"),
                System.getProperty("custodian.db.user"),
                System.getProperty("custodian.db.password"));
        java.sql.PreparedStatement insert =
            c.prepareStatement("INSERT INTO command (code, name, kind) VALUES (?, ?, 'BUREAU')")) {
      insert.setString(1, code);
      insert.setString(2, "A unit without case management");
      insert.executeUpdate();
    }
    long member = new Scenario(url).newMember(code);
    String tax =
        Api.as(url, "admin").get("members?command=" + code).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(m -> m.getJsonNumber("id").longValue() == member)
            .map(m -> m.getString("taxNumber"))
            .findFirst()
            .orElseThrow();
    String id = "outside-" + System.nanoTime();
    Api.Answer answer =
        Api.as(url, "system.cms").post("access-events", batch(event(id, tax, "SEARCH")));
    assertEquals(1, answer.json().getInt("accepted"), answer.body());
    List<JsonObject> findings =
        Api.as(url, "auditor.iab").get("access-findings?command=" + code).array().stream()
            .map(JsonValue::asJsonObject)
            .toList();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("OUTSIDE_FUNCTIONS", findings.get(0).getString("kind"));
    assertEquals(code, findings.get(0).getString("command"));
    assertEquals(id, findings.get(0).getString("eventId"));
  }
}
