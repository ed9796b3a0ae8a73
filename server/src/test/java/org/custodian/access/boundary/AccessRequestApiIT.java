package org.custodian.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** The access authorization API in the real server on MariaDB: the happy path and every refusal. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessRequestApiIT {

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

  /** The newest audit entry written so far (committed, whether or not yet in a checkpoint). */
  private long auditEntries() {
    return org.custodian.testing.AuditTrail.mark();
  }

  @Test
  void approvalByTwoLayersGrantsAccessAndRecordsEveryDecision() {
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit("co.ramirez", member, "CMS", "INVESTIGATOR");
    assertEquals("IN_REVIEW", request.getString("status"));
    assertTrue(request.getString("businessKey").matches("AR-\\d{4}-\\d{6}"));
    String key = request.getString("businessKey");

    assertEquals(
        204,
        scenario
            .decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", "Need confirmed")
            .status());
    assertEquals(
        204, scenario.decide("rev.two", scenario.taskOf("rev.two", key), "APPROVE", null).status());

    JsonObject approved =
        Api.as(url, "co.ramirez").get("access-requests/" + request.getInt("id")).json();
    assertEquals("APPROVED", approved.getString("status"));
    JsonArray decisions = approved.getJsonArray("decisions");
    assertEquals(2, decisions.size());
    assertEquals("rev.one", decisions.getJsonObject(0).getString("reviewer"));
    assertEquals(1, decisions.getJsonObject(0).getInt("layer"));
    assertEquals("rev.two", decisions.getJsonObject(1).getString("reviewer"));
    assertEquals(2, decisions.getJsonObject(1).getInt("layer"));

    JsonArray grants = Api.as(url, "co.ramirez").get("members/" + member + "/grants").array();
    assertEquals(1, grants.size());
    assertEquals("CMS", grants.getJsonObject(0).getString("technology"));
    assertEquals("INVESTIGATOR", grants.getJsonObject(0).getString("accessLevel"));
    assertTrue(grants.getJsonObject(0).isNull("endedAt"));
    assertTrue(Api.as(url, "auditor.iab").get("audit/verify").json().getBoolean("valid"));
  }

  @Test
  void namesInAnyScriptAreKeptAndShownInTheInbox() {
    String name = "Zoë Ñúñez-李 \uD83D\uDE93 " + System.nanoTime() % 10000;
    long member = scenario.newMember("PCT-075", true, name);
    String key = scenario.submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
    String inbox = Api.as(url, "rev.one").get("tasks?scope=candidate&limit=200").body();
    assertTrue(inbox.contains(name), "the inbox shows the member's name as written");
    assertTrue(scenario.taskOf("rev.one", key) != null);
  }

  @Test
  void commercialRecordSourceNeedsThreeLayers() {
    long member = scenario.newMember("PCT-075");
    String key =
        scenario.submit("co.ramirez", member, "ERMS-TLO", "SEARCH").getString("businessKey");
    scenario.decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", null);
    scenario.decide("rev.two", scenario.taskOf("rev.two", key), "APPROVE", null);
    assertEquals(
        0,
        Api.as(url, "co.ramirez").get("members/" + member + "/grants").array().size(),
        "not before layer 3");
    scenario.decide("rev.three", scenario.taskOf("rev.three", key), "APPROVE", null);
    assertEquals(1, Api.as(url, "co.ramirez").get("members/" + member + "/grants").array().size());
  }

  @Test
  void rejectionNeedsAReasonAndEndsTheRequest() {
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit("co.ramirez", member, "CMS", "VIEW");
    String task = scenario.taskOf("rev.one", request.getString("businessKey"));
    Api.Answer noReason = scenario.decide("rev.one", task, "REJECT", null);
    assertEquals(400, noReason.status());
    assertEquals("comment", noReason.field());
    assertEquals(
        204, scenario.decide("rev.one", task, "REJECT", "No articulable need shown").status());
    assertEquals(
        "REJECTED",
        Api.as(url, "co.ramirez")
            .get("access-requests/" + request.getInt("id"))
            .json()
            .getString("status"));
  }

  @Test
  void returnedRequestIsAnsweredAndReviewResumesAtTheSameLayer() {
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit("co.ramirez", member, "CMS", "VIEW");
    String key = request.getString("businessKey");
    scenario.decide(
        "rev.one",
        scenario.taskOf("rev.one", key),
        "RETURN",
        "Which cases will the member work on?");
    assertEquals(
        "RETURNED",
        Api.as(url, "co.ramirez")
            .get("access-requests/" + request.getInt("id"))
            .json()
            .getString("status"));
    assertEquals(
        204,
        scenario
            .decide(
                "co.ramirez", scenario.taskOf("co.ramirez", key), "ANSWER", "Sector B burglaries")
            .status());
    String resumed = scenario.taskOf("rev.one", key);
    assertEquals(204, scenario.decide("rev.one", resumed, "APPROVE", null).status());
    assertEquals(
        204, scenario.decide("rev.two", scenario.taskOf("rev.two", key), "APPROVE", null).status());
    assertEquals(
        "APPROVED",
        Api.as(url, "co.ramirez")
            .get("access-requests/" + request.getInt("id"))
            .json()
            .getString("status"));
  }

  @Test
  void refusesMemberOfAnotherCommandWith403AndStoresNothing() {
    long member = scenario.newMember("PCT-075");
    long before = auditEntries();
    Api.Answer answer =
        Api.as(url, "co.okafor").post("access-requests", Scenario.request(member, "CMS", "VIEW"));
    assertEquals(403, answer.status());
    assertTrue(answer.contentType().startsWith("application/problem+json"));
    assertEquals(before, auditEntries(), "nothing written");
  }

  @Test
  void refusesInactiveMember() {
    long member = scenario.newMember("PCT-075", false);
    Api.Answer answer =
        Api.as(url, "co.ramirez").post("access-requests", Scenario.request(member, "CMS", "VIEW"));
    assertEquals(400, answer.status());
    assertEquals("memberId", answer.field());
  }

  @Test
  void refusesLevelTheCommandsFunctionsDoNotJustify() {
    long member = scenario.newMember("PCT-075");
    Api.Answer answer =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "ERMS", "BULK-EXPORT"));
    assertEquals(400, answer.status());
    assertEquals("accessLevel", answer.field());
  }

  @Test
  void refusesIntelligenceOnlyLevelOutsideTheIntelligenceDivision() {
    long member = scenario.newMember("PCT-075");
    Api.Answer answer =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "CMS", "POLITICAL-ACTIVITY"));
    assertEquals(400, answer.status());
    assertEquals("accessLevel", answer.field());
    assertTrue(answer.json().getString("detail").contains("Handschu"));
  }

  @Test
  void intelligenceDivisionMayRequestAnIntelligenceOnlyLevel() {
    long member = scenario.newMember("INTEL");
    assertEquals(
        "IN_REVIEW",
        scenario.submit("co.intel", member, "CMS", "POLITICAL-ACTIVITY").getString("status"));
  }

  @Test
  void refusesSecondOpenRequestAndRequestForAnActiveGrantWith409() {
    long member = scenario.newMember("PCT-075");
    String key = scenario.submit("co.ramirez", member, "PED", "STANDARD").getString("businessKey");
    Api.Answer duplicate =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "PED", "STANDARD"));
    assertEquals(409, duplicate.status());
    scenario.decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", null);
    Api.Answer granted =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "PED", "STANDARD"));
    assertEquals(409, granted.status());
    assertTrue(granted.json().getString("detail").contains("already holds"));
  }

  @Test
  void refusesJustificationTooShortOrTooLong() {
    long member = scenario.newMember("PCT-075");
    JsonObject tooShort =
        Json.createObjectBuilder(Scenario.request(member, "CMS", "VIEW"))
            .add("justification", "needs it")
            .build();
    Api.Answer shortAnswer = Api.as(url, "co.ramirez").post("access-requests", tooShort);
    assertEquals(400, shortAnswer.status());
    assertEquals("justification", shortAnswer.field());
    JsonObject tooLong =
        Json.createObjectBuilder(Scenario.request(member, "CMS", "VIEW"))
            .add("justification", "x".repeat(4_001))
            .build();
    Api.Answer longAnswer = Api.as(url, "co.ramirez").post("access-requests", tooLong);
    assertEquals(400, longAnswer.status());
    assertEquals("justification", longAnswer.field());
  }

  @Test
  void refusesUnknownTechnologyAndUnknownLevel() {
    long member = scenario.newMember("PCT-075");
    Api.Answer technology =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "TELEPATHY", "VIEW"));
    assertEquals(400, technology.status());
    assertEquals("technology", technology.field());
    Api.Answer level =
        Api.as(url, "co.ramirez")
            .post("access-requests", Scenario.request(member, "CMS", "GOD-MODE"));
    assertEquals(400, level.status());
    assertEquals("accessLevel", level.field());
  }

  @Test
  void answersMalformedAndMistypedBodiesWith400NamingTheField() {
    Api co = Api.as(url, "co.ramirez");
    Api.Answer malformed = co.post("access-requests", "{\"memberId\": 1, ");
    assertEquals(400, malformed.status());
    assertTrue(malformed.contentType().startsWith("application/problem+json"));
    Api.Answer wrongType =
        co.post(
            "access-requests",
            "{\"memberId\": \"one\", \"technology\": 7, \"accessLevel\": \"VIEW\", \"justification\": \""
                + Scenario.JUSTIFICATION
                + "\"}");
    assertEquals(400, wrongType.status());
    List<String> fields = new ArrayList<>();
    wrongType
        .json()
        .getJsonArray("errors")
        .forEach(e -> fields.add(e.asJsonObject().getString("field")));
    assertEquals(List.of("memberId", "technology"), fields);
    Api.Answer oversized =
        co.post(
            "access-requests",
            Json.createObjectBuilder(Scenario.request(1, "CMS", "VIEW"))
                .add("technology", "C".repeat(100_000))
                .build());
    assertEquals(400, oversized.status());
    assertEquals("technology", oversized.field());
    Api.Answer notAnObject = co.post("access-requests", "[1,2]");
    assertEquals(400, notAnObject.status());
  }

  @Test
  void answersUnknownDecisionWith400() {
    long member = scenario.newMember("PCT-075");
    String key = scenario.submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
    Api.Answer answer = scenario.decide("rev.one", scenario.taskOf("rev.one", key), "MAYBE", null);
    assertEquals(400, answer.status());
    assertEquals("decision", answer.field());
  }

  @Test
  void onlyCommandingOfficersSubmitAndOnlySignedInUsersCall() {
    Api.Answer reviewer =
        Api.as(url, "rev.one").post("access-requests", Scenario.request(1, "CMS", "VIEW"));
    assertEquals(403, reviewer.status());
    Api.Answer anonymous = Api.anonymous(url).get("me");
    assertEquals(401, anonymous.status());
    assertTrue(anonymous.contentType().startsWith("application/problem+json"));
    assertEquals(401, Api.as(url, "co.ramirez", "wrong-password").get("me").status());
    assertEquals(403, Api.as(url, "co.ramirez").get("audit/verify").status());
  }

  @Test
  void sessionCookieIsHttpOnlyAndSameSite() throws Exception {
    var response =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(url.toURI().resolve("login.xhtml")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    String cookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID"))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Lax"), cookie);
  }

  @Test
  void anotherCommandsCommandingOfficerMayNotSeeTheRequestOrTheMembers() {
    long member = scenario.newMember("PCT-075");
    int id = scenario.submit("co.ramirez", member, "CMS", "VIEW").getInt("id");
    assertEquals(403, Api.as(url, "co.okafor").get("access-requests/" + id).status());
    assertEquals(403, Api.as(url, "co.okafor").get("members?command=PCT-075").status());
    assertEquals(403, Api.as(url, "co.okafor").get("members/" + member + "/grants").status());
  }

  @Test
  void nobodyDecidesTwoLayersOfOneRequest() {
    long member = scenario.newMember("PCT-075");
    String key = scenario.submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
    assertEquals(
        204,
        scenario.decide("rev.both", scenario.taskOf("rev.both", key), "APPROVE", null).status());
    String layerTwo = scenario.taskOf("rev.two", key);
    Api.Answer second = scenario.decide("rev.both", layerTwo, "APPROVE", null);
    assertEquals(403, second.status());
    assertEquals(
        403,
        Api.as(url, "rev.both")
            .post("tasks/" + layerTwo + "/claim", (jakarta.json.JsonStructure) null)
            .status());
    assertEquals(204, scenario.decide("rev.two", layerTwo, "APPROVE", null).status());
  }

  @Test
  void reviewerOfAnotherLayerMayNotClaimOrDecide() {
    long member = scenario.newMember("PCT-075");
    String key = scenario.submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
    String layerOne = scenario.taskOf("rev.one", key);
    assertEquals(
        403,
        Api.as(url, "rev.two")
            .post("tasks/" + layerOne + "/claim", (jakarta.json.JsonStructure) null)
            .status());
    assertEquals(403, scenario.decide("rev.two", layerOne, "APPROVE", null).status());
  }

  @Test
  void claimAndUnclaimMoveTheTaskBetweenInboxes() {
    long member = scenario.newMember("PCT-075");
    String key = scenario.submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
    String task = scenario.taskOf("rev.one", key);
    assertEquals(
        204,
        Api.as(url, "rev.one")
            .post("tasks/" + task + "/claim", (jakarta.json.JsonStructure) null)
            .status());
    assertTrue(Api.as(url, "rev.one").get("tasks?scope=mine").body().contains(task));
    assertTrue(
        !Api.as(url, "rev.both").get("tasks?scope=candidate&limit=200").body().contains(task),
        "claimed: off the group list");
    assertEquals(409, scenario.decide("rev.both", task, "APPROVE", null).status());
    assertEquals(
        204,
        Api.as(url, "rev.one")
            .post("tasks/" + task + "/unclaim", (jakarta.json.JsonStructure) null)
            .status());
    assertTrue(
        Api.as(url, "rev.both").get("tasks?scope=candidate&limit=200").body().contains(task));
  }

  @Test
  void adminAddsAUserWhoCanSignInAtOnceWithoutServerConfiguration() {
    String username = "co.new" + System.nanoTime() % 1_000_000;
    JsonObject user =
        Json.createObjectBuilder()
            .add("username", username)
            .add("displayName", "Capt. New")
            .add("password", "a-long-enough-secret")
            .add("roles", Json.createArrayBuilder().add("commanding-officer"))
            .add("command", "PCT-040")
            .build();
    assertEquals(
        403, Api.as(url, "co.ramirez").post("users", user).status(), "only an admin adds users");
    assertEquals(201, Api.as(url, "admin").post("users", user).status());
    assertEquals(
        409, Api.as(url, "admin").post("users", user).status(), "no second user of that name");
    JsonObject me = Api.as(url, username, "a-long-enough-secret").get("me").json();
    assertEquals("PCT-040", me.getString("command"));
    assertEquals("commanding-officer", me.getJsonArray("roles").getString(0));
    assertEquals(401, Api.as(url, username, "wrong-secret-entirely").get("me").status());
    Api.Answer weak =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder(user)
                    .add("username", username + "x")
                    .add("password", "short")
                    .build());
    assertEquals(400, weak.status());
    assertEquals("password", weak.field());
    Api.Answer unknownRole =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder(user)
                    .add("username", username + "y")
                    .add("roles", Json.createArrayBuilder().add("sheriff"))
                    .build());
    assertEquals("roles", unknownRole.field());
  }

  @Test
  void twoReviewersCompletingTheSameTaskAtOnceExactlyOneWins() throws Exception {
    long member = scenario.newMember("PCT-075");
    JsonObject request = scenario.submit("co.ramirez", member, "CMS", "VIEW");
    String task = scenario.taskOf("rev.one", request.getString("businessKey"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (String reviewer : List.of("rev.one", "rev.both")) {
        Callable<Integer> decide =
            () -> {
              start.await();
              return scenario.decide(reviewer, task, "APPROVE", null).status();
            };
        results.add(pool.submit(decide));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      statuses.sort(null);
      assertEquals(List.of(204, 409), statuses);
    } finally {
      pool.shutdownNow();
    }
    // the task was completed without a claim: the engine's history still names who completed it
    Api.Answer late = scenario.decide("rev.one", task, "APPROVE", null);
    assertEquals(409, late.status());
    assertTrue(
        late.body().matches("(?s).*already completed by rev\\.(one|both)\\..*"), late.body());
    JsonObject after =
        Api.as(url, "co.ramirez").get("access-requests/" + request.getInt("id")).json();
    assertEquals(1, after.getJsonArray("decisions").size(), "one decision, never two");
    assertEquals(2, after.getInt("currentLayer"));
    assertTrue(Api.as(url, "auditor.iab").get("audit/verify").json().getBoolean("valid"));
  }
}
