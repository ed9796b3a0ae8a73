package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
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
 * Misuse allegations through the API: the member's CO opens one with the event it is about and the
 * member's grant; another command's CO may not; Internal Affairs keeps the case, and while it does
 * the CO gets 404; the investigator's steps; a grant ends only with a substantiated outcome, and
 * then at once. A case sent to the command is the CO's and ICO's to investigate. A substantiated
 * case may instead suspend the grant until a date: the member still holds it, but an event in the
 * suspension is a finding.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MisuseAllegationApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  /** A PCT-075 member with a CMS grant, and one event of theirs: {tax, memberId, eventId}. */
  private String[] grantedMemberWithAnEvent(String run) {
    Scenario.Added added = new Scenario(url).added("PCT-075", "Alleged Member " + run);
    String tax = added.taxNumber();
    long memberId = added.id();
    new Scenario(url).granted("co.ramirez", memberId, "CMS", "VIEW");
    Scenario scenario = new Scenario(url);
    scenario.reported(
        Json.createObjectBuilder()
            .add("eventId", run)
            .add("at", java.time.Instant.now().toString())
            .add("memberTaxNumber", tax)
            .add("action", "VIEW")
            .add("subject", "Neighbor of " + run)
            .add("purpose", "none given")
            .build());
    String eventId = scenario.newestEventOf(tax);
    return new String[] {tax, String.valueOf(memberId), eventId};
  }

  private static JsonObject allegation(String tax, String eventId) {
    return Json.createObjectBuilder()
        .add("memberTaxNumber", tax)
        .add("summary", "Viewed a neighbor's record with no case behind it, per the monthly audit.")
        .add("eventIds", Json.createArrayBuilder().add(Long.parseLong(eventId)))
        .build();
  }

  @Test
  void internalAffairsKeepsTheCaseHidesItFromTheCommandAndASubstantiatedCaseEndsTheGrant() {
    String run = "al" + System.nanoTime();
    String[] m = grantedMemberWithAnEvent(run);
    long mark = AuditTrail.mark();

    assertEquals(
        403, Api.as(url, "co.okafor").post("misuse-allegations", allegation(m[0], m[2])).status());
    assertEquals(
        403,
        Api.as(url, "member.diaz").post("misuse-allegations", allegation(m[0], m[2])).status());
    assertEquals(403, Api.as(url, "member.diaz").get("misuse-allegations").status());
    Api.Answer tooShort =
        Api.as(url, "co.ramirez")
            .post(
                "misuse-allegations",
                Json.createObjectBuilder()
                    .add("memberTaxNumber", m[0])
                    .add("summary", "short")
                    .build());
    assertEquals("summary", tooShort.field());
    Api.Answer notTheirs =
        Api.as(url, "co.ramirez")
            .post(
                "misuse-allegations",
                Json.createObjectBuilder()
                    .add("memberTaxNumber", "931001")
                    .add("summary", "Viewed a neighbor's record with no case behind it.")
                    .add("eventIds", Json.createArrayBuilder().add(Long.parseLong(m[2])))
                    .build());
    assertEquals("eventIds", notTheirs.field(), notTheirs.body());

    Api.Answer filed = Api.as(url, "co.ramirez").post("misuse-allegations", allegation(m[0], m[2]));
    assertEquals(201, filed.status(), filed.body());
    JsonObject view = filed.json();
    long id = view.getJsonNumber("id").longValue();
    String key = view.getString("businessKey");
    assertEquals("TRIAGE", view.getString("status"));
    assertEquals(1, view.getJsonArray("events").size());
    JsonObject grant = view.getJsonArray("grants").getJsonObject(0);
    assertTrue(grant.getBoolean("active"));
    long grantId = grant.getJsonNumber("id").longValue();

    // Internal Affairs triages; the CO may not
    String triage = Api.as(url, "iab.santos").taskOf(key, "Task_TriageAllegation");
    assertNotNull(triage);
    assertEquals(
        403,
        Api.as(url, "co.ramirez")
            .post(
                "tasks/" + triage + "/complete",
                Json.createObjectBuilder().add("route", "COMMAND").build())
            .status());
    assertEquals(
        204,
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + triage + "/complete",
                Json.createObjectBuilder()
                    .add("route", "IAB")
                    .add("note", "A pattern across commands.")
                    .build())
            .status());

    // while IAB holds it, the command is not told it exists
    assertEquals(404, Api.as(url, "co.ramirez").get("misuse-allegations/" + id).status());
    assertEquals(404, Api.as(url, "ico.walsh").get("misuse-allegations/" + id).status());
    assertFalse(Api.as(url, "co.ramirez").get("misuse-allegations").body().contains(key));
    assertTrue(Api.as(url, "auditor.iab").get("misuse-allegations").body().contains(key));
    assertEquals(
        404,
        Api.as(url, "co.ramirez")
            .post(
                "misuse-allegations/" + id + "/steps",
                Json.createObjectBuilder().add("text", "x").build())
            .status());
    assertEquals(
        201,
        Api.as(url, "iab.santos")
            .post(
                "misuse-allegations/" + id + "/steps",
                Json.createObjectBuilder()
                    .add("text", "Interviewed the member; no case explains the view.")
                    .build())
            .status());

    String investigate = Api.as(url, "iab.santos").taskOf(key, "Task_InvestigateAllegation");
    assertNotNull(investigate);
    Api.Answer endWithoutSubstance =
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + investigate + "/complete",
                Json.createObjectBuilder()
                    .add("outcome", "UNSUBSTANTIATED")
                    .add("conclusion", "The evidence neither proves nor disproves it.")
                    .add("grants", Json.createObjectBuilder().add(String.valueOf(grantId), "END"))
                    .build());
    assertEquals(400, endWithoutSubstance.status(), endWithoutSubstance.body());
    assertEquals("grants." + grantId, endWithoutSubstance.field());
    Api.Answer concluded =
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + investigate + "/complete",
                Json.createObjectBuilder()
                    .add("outcome", "SUBSTANTIATED")
                    .add("conclusion", "The member viewed the record for a personal reason.")
                    .add("grants", Json.createObjectBuilder().add(String.valueOf(grantId), "END"))
                    .build());
    assertEquals(204, concluded.status(), concluded.body());

    JsonObject after = Api.as(url, "iab.santos").get("misuse-allegations/" + id).json();
    assertEquals("CLOSED", after.getString("status"));
    assertEquals("SUBSTANTIATED", after.getString("outcome"));
    assertFalse(
        after.getJsonArray("grants").getJsonObject(0).getBoolean("active"), "the grant ended");
    assertEquals(2, after.getJsonArray("steps").size(), "the triage note and the interview");
    List<String> iab = AuditTrail.actions(mark, "iab.santos");
    assertTrue(iab.contains("MISUSE_ALLEGATION_TRIAGED"), iab.toString());
    assertTrue(iab.contains("ACCESS_GRANT_ENDED"), iab.toString());
    assertTrue(iab.contains("MISUSE_ALLEGATION_CONCLUDED"), iab.toString());
    // closed, no longer held by IAB: the command sees the outcome
    assertEquals(200, Api.as(url, "co.ramirez").get("misuse-allegations/" + id).status());
  }

  @Test
  void aCaseSentToTheCommandIsItsCommandingOfficersAndIntegrityControlOfficersToInvestigate() {
    String run = "ac" + System.nanoTime();
    String[] m = grantedMemberWithAnEvent(run);
    Api.Answer filed = Api.as(url, "iab.santos").post("misuse-allegations", allegation(m[0], m[2]));
    assertEquals(201, filed.status(), filed.body());
    String key = filed.json().getString("businessKey");
    long id = filed.json().getJsonNumber("id").longValue();
    String triage = Api.as(url, "iab.santos").taskOf(key, "Task_TriageAllegation");
    assertEquals(
        204,
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + triage + "/complete",
                Json.createObjectBuilder().add("route", "COMMAND").build())
            .status());
    String task = Api.as(url, "co.ramirez").taskOf(key, "Task_InvestigateAllegation");
    assertNotNull(task, "in the CO's inbox");
    // the list is paged in the query, scoped to what the caller may see
    Api.Answer newest = Api.as(url, "co.ramirez").get("misuse-allegations?limit=1");
    assertEquals(1, newest.array().size(), newest.body());
    assertEquals(key, newest.array().getJsonObject(0).getString("businessKey"));
    assertTrue(newest.totalCount() >= 1, "X-Total-Count: " + newest.totalCount());
    Api.Answer second = Api.as(url, "co.ramirez").get("misuse-allegations?offset=1&limit=1");
    assertFalse(second.body().contains(key), second.body());
    assertFalse(
        Api.as(url, "co.okafor").get("misuse-allegations?limit=200").body().contains(key),
        "another command's case");
    assertEquals("limit", Api.as(url, "co.ramirez").get("misuse-allegations?limit=0").field());
    assertEquals(
        task, Api.as(url, "ico.walsh").taskOf(key, "Task_InvestigateAllegation"), "and the ICO's");
    assertEquals(403, Api.as(url, "co.okafor").get("misuse-allegations/" + id).status());
    assertEquals(
        403,
        Api.as(url, "iab.santos")
            .post(
                "misuse-allegations/" + id + "/steps",
                Json.createObjectBuilder().add("text", "x").build())
            .status(),
        "the command investigates now");
    assertEquals(
        204,
        Api.as(url, "ico.walsh")
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder()
                    .add("outcome", "UNFOUNDED")
                    .add("conclusion", "The member was assigned the case the record belongs to.")
                    .build())
            .status());
    JsonObject after = Api.as(url, "co.ramirez").get("misuse-allegations/" + id).json();
    assertEquals("UNFOUNDED", after.getString("outcome"));
    assertTrue(
        after.getJsonArray("grants").stream()
            .map(JsonValue::asJsonObject)
            .allMatch(g -> g.getBoolean("active")),
        "an unfounded case ends nothing");
  }

  @Test
  void aSubstantiatedCaseSuspendsTheGrantUntilADateAndAnEventMeanwhileIsAFinding() {
    String run = "as" + System.nanoTime();
    String[] m = grantedMemberWithAnEvent(run);
    Api.Answer filed = Api.as(url, "iab.santos").post("misuse-allegations", allegation(m[0], m[2]));
    assertEquals(201, filed.status(), filed.body());
    String key = filed.json().getString("businessKey");
    long id = filed.json().getJsonNumber("id").longValue();
    long grantId =
        filed.json().getJsonArray("grants").getJsonObject(0).getJsonNumber("id").longValue();
    String triage = Api.as(url, "iab.santos").taskOf(key, "Task_TriageAllegation");
    assertEquals(
        204,
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + triage + "/complete",
                Json.createObjectBuilder().add("route", "COMMAND").build())
            .status());
    String task = Api.as(url, "co.ramirez").taskOf(key, "Task_InvestigateAllegation");
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/New_York"));
    String resumeOn = today.plusDays(30).toString();

    Api.Answer noDate = conclude(task, "SUBSTANTIATED", grantId, null);
    assertEquals(400, noDate.status(), noDate.body());
    assertEquals("resumeOn", noDate.field());
    Api.Answer pastDate = conclude(task, "SUBSTANTIATED", grantId, today.minusDays(1).toString());
    assertEquals(400, pastDate.status(), pastDate.body());
    assertEquals("resumeOn", pastDate.field());
    Api.Answer notSubstantiated = conclude(task, "UNSUBSTANTIATED", grantId, resumeOn);
    assertEquals(400, notSubstantiated.status(), notSubstantiated.body());
    assertEquals("grants." + grantId, notSubstantiated.field());
    Api.Answer badDate =
        Api.as(url, "co.ramirez")
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder()
                    .add("outcome", "SUBSTANTIATED")
                    .add("conclusion", "The member viewed the record for a personal reason.")
                    .add("resumeOn", "next month")
                    .build());
    assertEquals(400, badDate.status(), badDate.body());

    long mark = AuditTrail.mark();
    Api.Answer concluded = conclude(task, "SUBSTANTIATED", grantId, resumeOn);
    assertEquals(204, concluded.status(), concluded.body());
    assertTrue(AuditTrail.actions(mark, "co.ramirez").contains("ACCESS_GRANT_SUSPENDED"));

    JsonObject grant =
        Api.as(url, "co.ramirez")
            .get("misuse-allegations/" + id)
            .json()
            .getJsonArray("grants")
            .getJsonObject(0);
    assertTrue(grant.getBoolean("active"), "a suspended grant is still held");
    assertTrue(grant.getString("suspendedUntil").startsWith(resumeOn), grant.toString());
    JsonObject held =
        Api.as(url, "co.ramirez").get("members/" + m[1] + "/grants").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(g -> g.getJsonNumber("id").longValue() == grantId)
            .findFirst()
            .orElseThrow();
    assertTrue(held.isNull("endedAt"));
    assertTrue(held.getString("suspendedUntil").startsWith(resumeOn), held.toString());
    assertTrue(held.getString("suspensionReason").contains(key), held.toString());

    // the member uses the system while suspended: a finding for the command
    Scenario scenario = new Scenario(url);
    scenario.reported(
        Json.createObjectBuilder()
            .add("eventId", run + "-suspended")
            .add("at", java.time.Instant.now().toString())
            .add("memberTaxNumber", m[0])
            .add("action", "SEARCH")
            .add("subject", "Another neighbor")
            .build());
    List<JsonObject> findings =
        Api.as(url, "co.ramirez").get("access-findings?status=OPEN&limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(f -> f.getString("memberTaxNumber").equals(m[0]))
            .toList();
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("SUSPENDED_GRANT", findings.get(0).getString("kind"));
  }

  private Api.Answer conclude(String task, String outcome, long grantId, String resumeOn) {
    var body =
        Json.createObjectBuilder()
            .add("outcome", outcome)
            .add("conclusion", "The member viewed the record for a personal reason.")
            .add("grants", Json.createObjectBuilder().add(String.valueOf(grantId), "SUSPEND"));
    if (resumeOn != null) {
      body.add("resumeOn", resumeOn);
    }
    return Api.as(url, "co.ramirez").post("tasks/" + task + "/complete", body.build());
  }
}
