package org.custodian.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Personnel events through the API on MariaDB: access follows the member's assignment. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PersonnelEventApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  Scenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(url);
  }

  private static JsonObject event(
      long memberId, String type, String newCommand, Instant effectiveAt) {
    var body =
        Json.createObjectBuilder()
            .add("memberId", memberId)
            .add("type", type)
            .add("effectiveAt", effectiveAt.toString());
    if (newCommand != null) {
      body.add("newCommand", newCommand);
    }
    return body.build();
  }

  private JsonObject grant(long memberId, long grantId) {
    for (JsonValue value : Api.as(url, "admin").get("members/" + memberId + "/grants").array()) {
      if (value.asJsonObject().getJsonNumber("id").longValue() == grantId) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError("no grant " + grantId);
  }

  private long grantOf(long memberId, String level) {
    for (JsonValue value : Api.as(url, "admin").get("members/" + memberId + "/grants").array()) {
      if (value.asJsonObject().getString("accessLevel").equals(level)) {
        return value.asJsonObject().getJsonNumber("id").longValue();
      }
    }
    throw new AssertionError("no grant of " + level);
  }

  private static boolean contains(JsonArray ids, long id) {
    return ids.stream().anyMatch(v -> ((jakarta.json.JsonNumber) v).longValue() == id);
  }

  @Test
  void reassignmentEndsWhatTheNewCommandDoesNotPermitAndAsksTheNewCommandingOfficerForTheRest() {
    long member = scenario.newMember("INTEL");
    scenario.granted("co.intel", member, "CMS", "POLITICAL-ACTIVITY");
    scenario.granted("co.intel", member, "CMS", "VIEW");
    long political = grantOf(member, "POLITICAL-ACTIVITY");
    long view = grantOf(member, "VIEW");

    Api.Answer answer =
        Api.as(url, "admin")
            .post("personnel-events", event(member, "REASSIGNED", "PCT-040", Instant.now()));
    assertEquals(201, answer.status(), answer.body());
    JsonObject result = answer.json();
    assertTrue(
        contains(result.getJsonArray("endedGrants"), political), "Handschu level ends at once");
    assertTrue(contains(result.getJsonArray("grantsToConfirm"), view));
    assertEquals("INTEL", result.getString("previousCommand"));
    assertFalse(grant(member, political).isNull("endedAt"));
    assertTrue(
        grant(member, political).getString("endReason").contains("not permitted for PCT-040"));
    assertTrue(grant(member, view).isNull("endedAt"), "waits for the new Commanding Officer");

    String key = result.getString("businessKey");
    Api.Answer undecided =
        Api.as(url, "co.okafor")
            .post(
                "tasks/" + scenario.taskOf("co.okafor", key) + "/complete",
                Json.createObjectBuilder().build());
    assertEquals(400, undecided.status());
    assertEquals("grants." + view, undecided.field());
    Api.Answer keep =
        Api.as(url, "co.okafor")
            .post(
                "tasks/" + scenario.taskOf("co.okafor", key) + "/complete",
                Json.createObjectBuilder()
                    .add("grants", Json.createObjectBuilder().add(String.valueOf(view), "KEEP"))
                    .build());
    assertEquals(204, keep.status(), keep.body());
    assertTrue(grant(member, view).isNull("endedAt"), "kept");
    assertEquals(
        204,
        scenario.decide("co.intel", scenario.taskOf("co.intel", key), "ACKNOWLEDGE", null).status(),
        "the old command is told");
    assertTrue(
        Api.as(url, "admin").get("members?command=PCT-040").array().stream()
            .anyMatch(m -> m.asJsonObject().getJsonNumber("id").longValue() == member),
        "the member now belongs to the new command");
  }

  @Test
  void newCommandingOfficerMayEndAllAtOnce() {
    long member = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", member, "PED", "STANDARD");
    long ped = grantOf(member, "STANDARD");
    JsonObject result =
        Api.as(url, "admin")
            .post("personnel-events", event(member, "REASSIGNED", "PCT-040", Instant.now()))
            .json();
    assertTrue(contains(result.getJsonArray("grantsToConfirm"), ped));
    String task = scenario.taskOf("co.okafor", result.getString("businessKey"));
    assertEquals(
        403,
        scenario.decide("co.ramirez", task, "END_ALL", null).status(),
        "only the new command's Commanding Officer");
    assertEquals(204, scenario.decide("co.okafor", task, "END_ALL", null).status());
    assertTrue(grant(member, ped).getString("endReason").contains("ended by co.okafor"));
  }

  @Test
  void separationEndsEveryGrantAndARepeatAnswersTheFirstResult() {
    long member = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", member, "CAMERA", "STANDARD");
    long camera = grantOf(member, "STANDARD");
    // after the member's assignment began (never truncated: that could fall before it)
    Instant effective = Instant.now();
    Api.Answer first =
        Api.as(url, "admin").post("personnel-events", event(member, "SEPARATED", null, effective));
    assertEquals(201, first.status(), first.body());
    assertTrue(contains(first.json().getJsonArray("endedGrants"), camera));
    assertTrue(grant(member, camera).getString("endReason").contains("separated"));

    long mark = org.custodian.testing.AuditTrail.mark();
    Api.Answer repeat =
        Api.as(url, "admin").post("personnel-events", event(member, "SEPARATED", null, effective));
    assertEquals(200, repeat.status());
    assertEquals(first.json(), repeat.json(), "the first result, not a second revocation");
    assertEquals(
        java.util.List.of("PERSONNEL_EVENT_REPEATED"),
        org.custodian.testing.AuditTrail.actions(mark, "admin"),
        "the repeat shows the member's event again: a read, audited");
  }

  @Test
  void theSameEventPostedTwiceAtOnceIsAppliedOnceAndBothAnswerItsResult() throws Exception {
    long member = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", member, "CAMERA", "STANDARD");
    JsonObject body = event(member, "SEPARATED", null, Instant.now());
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<Api.Answer> post =
          () -> {
            together.await();
            return Api.as(url, "admin").post("personnel-events", body);
          };
      var a = pool.submit(post);
      var b = pool.submit(post);
      Api.Answer first = a.get();
      Api.Answer second = b.get();
      assertEquals(
          java.util.Set.of(200, 201),
          java.util.Set.of(first.status(), second.status()),
          first.body() + " / " + second.body());
      assertEquals(first.json(), second.json(), "both answer the one event's result");
    } finally {
      pool.shutdownNow();
    }
    long ended =
        Api.as(url, "admin").get("members/" + member + "/grants").array().stream()
            .filter(g -> g.asJsonObject().getString("endReason", "").contains("separated"))
            .count();
    assertEquals(1, ended, "one revocation");
  }

  @Test
  void openRequestOfTheOldCommandIsWithdrawnWithAReason() {
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit("co.ramirez", member, "CMS", "VIEW");
    String key = request.getString("businessKey");
    scenario.decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", null);
    JsonObject result =
        Api.as(url, "admin")
            .post("personnel-events", event(member, "REASSIGNED", "PCT-040", Instant.now()))
            .json();
    assertTrue(contains(result.getJsonArray("withdrawnRequests"), request.getInt("id")));
    JsonObject withdrawn =
        Api.as(url, "auditor.iab").get("access-requests/" + request.getInt("id")).json();
    assertEquals("WITHDRAWN", withdrawn.getString("status"));
    JsonArray decisions = withdrawn.getJsonArray("decisions");
    assertTrue(
        decisions
            .getJsonObject(decisions.size() - 1)
            .getString("comment")
            .contains("left PCT-075"));
    assertFalse(
        Api.as(url, "rev.two").get("tasks?scope=candidate&limit=200").body().contains(key),
        "its review is gone from the inbox");
  }

  @Test
  void refusesBadEventsNamingTheField() {
    long member = scenario.newMember("PCT-075");
    Api admin = Api.as(url, "admin");
    assertEquals(
        "memberId",
        admin
            .post("personnel-events", event(987_654_321L, "SEPARATED", null, Instant.now()))
            .field());
    assertEquals(
        "newCommand",
        admin
            .post("personnel-events", event(member, "REASSIGNED", "PCT-999", Instant.now()))
            .field());
    assertEquals(
        "newCommand",
        admin.post("personnel-events", event(member, "REASSIGNED", null, Instant.now())).field());
    Api.Answer stale =
        admin.post(
            "personnel-events",
            event(member, "REASSIGNED", "PCT-040", Instant.now().minus(3, ChronoUnit.DAYS)));
    assertEquals(400, stale.status());
    assertEquals("effectiveAt", stale.field());
    assertEquals(
        "effectiveAt",
        admin
            .post(
                "personnel-events",
                event(member, "SEPARATED", null, Instant.now().plus(30, ChronoUnit.DAYS)))
            .field());
    Api.Answer type =
        admin.post(
            "personnel-events",
            "{\"memberId\": "
                + member
                + ", \"type\": \"PROMOTED\", \"effectiveAt\": \"2026-01-01T00:00:00Z\"}");
    assertEquals(400, type.status());
    assertEquals("type", type.field());
    Api.Answer instant =
        admin.post(
            "personnel-events",
            "{\"memberId\": "
                + member
                + ", \"type\": \"SEPARATED\", \"effectiveAt\": \"yesterday\"}");
    assertEquals("effectiveAt", instant.field());
  }

  /**
   * Ends the grants an earlier run left in a command (the grant a run keeps stays active), so that
   * the campaign counts only this run's: the test passes again on the same database.
   */
  private void endGrantsLeftIn(String command) {
    Api admin = Api.as(url, "admin");
    for (JsonValue member : admin.get("members?command=" + command).array()) {
      long id = member.asJsonObject().getJsonNumber("id").longValue();
      boolean holdsAccess =
          admin.get("members/" + id + "/grants").array().stream()
              .anyMatch(g -> g.asJsonObject().isNull("endedAt"));
      if (holdsAccess && member.asJsonObject().getBoolean("active")) {
        Api.Answer separated =
            admin.post("personnel-events", event(id, "SEPARATED", null, Instant.now()));
        assertEquals(201, separated.status(), separated.body());
      }
    }
  }

  @Test
  void recertificationKeepsWhatTheCommandingOfficerCertifiesAndEndsTheRest() {
    endGrantsLeftIn("DB");
    String co = "co.db" + System.nanoTime() % 1_000_000;
    assertEquals(
        201,
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("username", co)
                    .add("password", "detective-bureau-secret")
                    .add("roles", Json.createArrayBuilder().add("commanding-officer"))
                    .add("command", "DB")
                    .build())
            .status());
    long member = scenario.newMember("DB");
    Api coApi = Api.as(url, co, "detective-bureau-secret");
    for (String[] access : new String[][] {{"CMS", "VIEW"}, {"ERMS", "BULK-EXPORT"}}) {
      Api.Answer submitted =
          coApi.post("access-requests", Scenario.request(member, access[0], access[1]));
      assertEquals(201, submitted.status(), submitted.body());
      String key = submitted.json().getString("businessKey");
      scenario.decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", null);
      scenario.decide("rev.two", scenario.taskOf("rev.two", key), "APPROVE", null);
    }
    long view = grantOf(member, "VIEW");
    long bulk = grantOf(member, "BULK-EXPORT");

    assertEquals(
        403,
        Api.as(url, "co.okafor")
            .post("recertification-campaigns", (jakarta.json.JsonStructure) null)
            .status());
    Api.Answer started =
        Api.as(url, "admin").post("recertification-campaigns", (jakarta.json.JsonStructure) null);
    assertEquals(201, started.status(), started.body());
    JsonObject campaign = started.json();
    JsonObject db = progress(campaign, "DB");
    assertEquals(2, db.getInt("outstanding"));

    String task = null;
    for (JsonValue value : coApi.get("tasks?scope=candidate&limit=200").array()) {
      if (campaign.getString("businessKey").equals(value.asJsonObject().getString("businessKey"))) {
        task = value.asJsonObject().getString("id");
        assertEquals("Recertify access for DB", value.asJsonObject().getString("name"));
      }
    }
    assertTrue(task != null, "the Commanding Officer has the campaign's task");
    assertEquals(
        403,
        scenario.decide("co.okafor", task, "KEEP_ALL", null).status(),
        "another command's CO may not");
    Api.Answer decided =
        coApi.post(
            "tasks/" + task + "/complete",
            Json.createObjectBuilder()
                .add(
                    "grants",
                    Json.createObjectBuilder()
                        .add(String.valueOf(view), "KEEP")
                        .add(String.valueOf(bulk), "END"))
                .build());
    assertEquals(204, decided.status(), decided.body());

    JsonObject after =
        progress(
            Api.as(url, "admin").get("recertification-campaigns/" + campaign.getInt("id")).json(),
            "DB");
    assertEquals(1, after.getInt("certified"));
    assertEquals(1, after.getInt("ended"));
    assertEquals(0, after.getInt("outstanding"));
    assertTrue(grant(member, view).isNull("endedAt"));
    assertTrue(grant(member, bulk).getString("endReason").contains("recertification"));
  }

  private static JsonObject progress(JsonObject campaign, String command) {
    return campaign.getJsonArray("commands").stream()
        .map(JsonValue::asJsonObject)
        .filter(c -> c.getString("command").equals(command))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line for " + command + " in " + campaign));
  }

  @Test
  void onlyTheAdminIntegrationAccountPostsEvents() {
    long member = scenario.newMember("PCT-075");
    assertEquals(
        403,
        Api.as(url, "co.ramirez")
            .post("personnel-events", event(member, "SEPARATED", null, Instant.now()))
            .status());
    assertEquals(
        401,
        Api.anonymous(url)
            .post("personnel-events", event(member, "SEPARATED", null, Instant.now()))
            .status());
  }
}
