package org.custodian.breach.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Session;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Breach reports through the API on MariaDB: the 24-hour clock, who may do what, bad input. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class BreachApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  /** A breach report as a member files it (also used by the observability test). */
  public static JsonObjectBuilder report() {
    return Json.createObjectBuilder()
        .add(
            "summary",
            "A detective e-mailed an arrest report with two victims' addresses to the wrong distribution list.")
        .add("disclosedTo", "A neighbourhood association's mailing list")
        .add("recipientKind", "COMMUNITY_OR_MEDIA")
        .add("disclosedAt", Instant.now().minus(Duration.ofHours(30)).toString())
        .add("discoveredHow", "A list member called the precinct.")
        .add(
            "dataCategories",
            Json.createArrayBuilder().add("NAME").add("ADDRESS").add("VICTIM_OR_WITNESS_STATUS"))
        .add(
            "affectedIndividuals",
            Json.createObjectBuilder()
                .add("count", 2)
                .add("names", Json.createArrayBuilder().add("R. Alvarez").add("T. Moss")));
  }

  private Api as(String user) {
    return Api.as(url, user);
  }

  private String taskOf(String user, String businessKey) {
    for (JsonValue v : as(user).get("tasks?scope=candidate&limit=200").array()) {
      if (businessKey.equals(v.asJsonObject().getString("businessKey", null))) {
        return v.asJsonObject().getString("id");
      }
    }
    return null;
  }

  private String subjectOf(String user, String businessKey) {
    for (JsonValue v : as(user).get("tasks?scope=candidate&limit=200").array()) {
      if (businessKey.equals(v.asJsonObject().getString("businessKey", null))) {
        return v.asJsonObject().getString("subject");
      }
    }
    return null;
  }

  @Test
  void memberReportsApoConfirmsAndReportsInTimeCityCpoAcknowledges() {
    Api.Answer filed = as("member.diaz").post("breaches", report().build());
    assertEquals(201, filed.status(), filed.body());
    JsonObject b = filed.json();
    assertEquals("ASSESSING", b.getString("status"));
    Instant aware = Instant.parse(b.getString("awareAt"));
    assertEquals(
        aware.plus(Duration.ofHours(24)),
        Instant.parse(b.getString("cpoDeadline")),
        "24 hours from the arrival in the APO's inbox");
    assertFalse(b.getBoolean("overdue"));
    long id = b.getJsonNumber("id").longValue();
    String key = b.getString("businessKey");

    String assess = taskOf("apo.legal", key);
    assertNotNull(assess, "Assess breach is in the APO's inbox");
    assertEquals(
        403,
        as("member.diaz")
            .post(
                "tasks/" + assess + "/complete",
                "{\"decision\":\"NOT_A_VIOLATION\",\"notes\":\"I think it was fine after all.\"}")
            .status());
    assertEquals(
        403,
        as("cpo.city").get("breaches/" + id).status(),
        "the City CPO sees a case once it is reported to them");
    Api.Answer noCause =
        as("apo.legal").post("tasks/" + assess + "/complete", "{\"decision\":\"CONFIRM\"}");
    assertEquals(400, noCause.status());
    assertEquals("cause", noCause.field());
    assertEquals(
        204,
        as("apo.legal")
            .post(
                "tasks/" + assess + "/complete",
                "{\"decision\":\"CONFIRM\",\"cause\":\"HUMAN_ERROR\",\"notes\":\"Internal: the detective used autocomplete; retraining ordered.\"}")
            .status());

    String report = taskOf("apo.legal", key);
    assertNotNull(report, "Report to the City CPO");
    assertEquals(
        403,
        as("member.diaz")
            .post(
                "tasks/" + report + "/complete",
                "{\"summary\":\"A member trying to report to the City CPO.\"}")
            .status(),
        "only the APO reports");
    assertEquals(
        204,
        as("apo.legal")
            .post(
                "tasks/" + report + "/complete",
                "{\"summary\":\"Two crime victims' names and addresses were e-mailed to a community mailing list; the list owner deleted the message.\"}")
            .status());

    JsonObject cpoView = as("cpo.city").get("breaches/" + id).json();
    assertEquals("REPORTED_TO_CPO", cpoView.getString("status"));
    assertTrue(
        cpoView.isNull("assessmentNotes"), "the City CPO does not see the agency's internal notes");
    assertTrue(cpoView.getString("cpoSummary").startsWith("Two crime victims"));
    assertFalse(cpoView.getBoolean("overdue"), "reported within 24 hours");
    for (String field : List.of("summary", "disclosedTo", "discoveredHow", "reportedBy")) {
      assertTrue(
          cpoView.isNull(field),
          field
              + ": the reporter's own words may name people; the City CPO reads the APO's summary");
    }
    assertTrue(
        cpoView.isNull("reportedToCpoBy"),
        "the office reported to the City CPO; which of the agency's staff is internal");
    assertEquals(
        "apo.legal", as("apo.legal").get("breaches/" + id).json().getString("reportedToCpoBy"));
    assertEquals("COMMUNITY_OR_MEDIA", cpoView.getString("recipientKind"));
    assertEquals(
        "A neighbourhood association's mailing list",
        as("apo.legal").get("breaches/" + id).json().getString("disclosedTo"));
    assertEquals(
        "member.diaz",
        as("member.diaz").get("breaches/" + id).json().getString("reportedBy"),
        "the reporter sees their own report");
    assertEquals(
        "Internal: the detective used autocomplete; retraining ordered.",
        as("apo.legal").get("breaches/" + id).json().getString("assessmentNotes"));

    String acknowledge = taskOf("cpo.city", key);
    assertNotNull(acknowledge, "Acknowledge breach report is in the City CPO's inbox");
    String cpoSubject = subjectOf("cpo.city", key);
    assertFalse(
        cpoSubject.contains("neighbourhood association"),
        "the City CPO's inbox names the kind of recipient, not the reporter's words: "
            + cpoSubject);
    assertTrue(cpoSubject.startsWith("Disclosed to "), cpoSubject);
    assertEquals(
        403,
        as("apo.legal").post("tasks/" + acknowledge + "/complete", "{}").status(),
        "only the City CPO acknowledges");
    assertEquals(204, as("cpo.city").post("tasks/" + acknowledge + "/complete", "{}").status());
    assertEquals(
        "ACKNOWLEDGED",
        as("member.diaz").get("breaches/" + id).json().getString("status"),
        "the reporter follows their report");
    assertEquals(403, as("co.okafor").get("breaches/" + id).status(), "nobody else");

    // the notification decision: the APO proposes, the City CPO objects once, then concurs
    String propose = taskOf("apo.legal", key);
    Api.Answer noGround =
        as("apo.legal")
            .post(
                "tasks/" + propose + "/complete",
                "{\"decision\":\"NOTIFY\",\"rationale\":\"The victims' home addresses reached strangers.\"}");
    assertEquals(400, noGround.status());
    assertEquals("grounds", noGround.field());
    assertEquals(
        204,
        as("apo.legal")
            .post(
                "tasks/" + propose + "/complete",
                "{\"decision\":\"NOT_NOTIFY\",\"rationale\":\"The list owner deleted the message within minutes.\"}")
            .status());
    String concur = taskOf("cpo.city", key);
    assertEquals(
        403,
        as("apo.legal").post("tasks/" + concur + "/complete", "{\"decision\":\"CONCUR\"}").status(),
        "only the City CPO concurs");
    assertEquals(
        204,
        as("cpo.city")
            .post(
                "tasks/" + concur + "/complete",
                "{\"decision\":\"OBJECT\",\"comment\":\"Home addresses of crime victims carry a risk of harm; notify them.\"}")
            .status());
    String again = taskOf("apo.legal", key);
    assertEquals(
        204,
        as("apo.legal")
            .post(
                "tasks/" + again + "/complete",
                "{\"decision\":\"NOTIFY\",\"grounds\":[\"RISK_OF_HARM\",\"DECIDED_WITH_CPO_AND_LAW_DEPARTMENT\"],\"rationale\":\"Victims' home addresses reached strangers: risk of harm.\"}")
            .status());
    assertEquals(
        204,
        as("cpo.city")
            .post("tasks/" + taskOf("cpo.city", key) + "/complete", "{\"decision\":\"CONCUR\"}")
            .status());

    JsonObject notifying = as("apo.legal").get("breaches/" + id).json();
    assertEquals("NOTIFYING", notifying.getString("status"));
    var letters = notifying.getJsonObject("notification").getJsonArray("letters");
    assertEquals(2, letters.size(), "one letter per named individual");
    String send = taskOf("apo.legal", key);
    Api.Answer early = as("apo.legal").post("tasks/" + send + "/complete", "{}");
    assertEquals(400, early.status(), "not every letter is sent yet");
    long first = letters.getJsonObject(0).getJsonNumber("id").longValue();
    long second = letters.getJsonObject(1).getJsonNumber("id").longValue();
    Api.Download pdf =
        as("apo.legal").download("breaches/" + id + "/notifications/" + first + "/letter.pdf");
    assertEquals(200, pdf.status());
    assertEquals("%PDF-", new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    Api.Answer noMethod =
        as("apo.legal")
            .post(
                "breaches/" + id + "/notifications/" + first,
                Json.createObjectBuilder()
                    .add("status", "SENT")
                    .add("sentAt", Instant.now().toString())
                    .build());
    assertEquals("method", noMethod.field());
    assertEquals(
        200,
        as("apo.legal")
            .post(
                "breaches/" + id + "/notifications/" + first,
                Json.createObjectBuilder()
                    .add("status", "SENT")
                    .add("method", "First-class mail")
                    .add("sentAt", Instant.now().toString())
                    .build())
            .status());
    assertEquals(
        200,
        as("apo.legal")
            .post(
                "breaches/" + id + "/notifications/" + second,
                Json.createObjectBuilder().add("status", "RETURNED_UNDELIVERABLE").build())
            .status());
    assertEquals(
        400,
        as("apo.legal").post("tasks/" + send + "/complete", "{}").status(),
        "a returned letter is not the end of the efforts");
    assertEquals(
        200,
        as("apo.legal")
            .post(
                "breaches/" + id + "/notifications/" + second,
                Json.createObjectBuilder()
                    .add("status", "EFFORTS_DOCUMENTED")
                    .add(
                        "efforts",
                        "Letter returned; no forwarding address; phoned twice, no answer; e-mail bounced.")
                    .build())
            .status());
    assertEquals(
        403,
        as("member.diaz")
            .post(
                "breaches/" + id + "/notifications/" + second,
                Json.createObjectBuilder().add("status", "SENT").build())
            .status());
    assertEquals(204, as("apo.legal").post("tasks/" + send + "/complete", "{}").status());
    JsonObject closed = as("cpo.city").get("breaches/" + id).json();
    assertEquals("CLOSED", closed.getString("status"));
    assertTrue(closed.getJsonObject("notification").isNull("proposedBy"), closed.toString());
    assertEquals("cpo.city", closed.getString("acknowledgedBy"), "the City CPO's own office");
    assertTrue(
        closed
            .getJsonObject("notification")
            .getJsonArray("letters")
            .getJsonObject(0)
            .isNull("personName"),
        "the City CPO sees statuses, not names");
  }

  /** An Agency Privacy Officer who reports a breach does not rule on it: another one assesses. */
  @Test
  void aPrivacyOfficerDoesNotAssessTheirOwnReport() {
    JsonObject b = as("apo.legal").post("breaches", report().build()).json();
    String assess = taskOf("apo.legal", b.getString("businessKey"));
    String notAViolation =
        Json.createObjectBuilder()
            .add("decision", "NOT_A_VIOLATION")
            .add("notes", "The list was internal after all.")
            .build()
            .toString();
    Api.Answer own = as("apo.legal").post("tasks/" + assess + "/complete", notAViolation);
    assertEquals(403, own.status(), own.body());
    assertEquals(403, as("apo.legal").post("tasks/" + assess + "/claim", "").status());
    // the screen shows the case and says why, without offering the form
    Session.Reply page =
        Session.signedIn(url, "apo.legal")
            .get("breach/case.xhtml?task=" + assess, Session.From.OWN_PAGE);
    assertEquals(200, page.status(), page.body());
    assertTrue(page.body().contains("another Agency Privacy Officer assesses it"), page.body());
    assertFalse(page.body().contains("work:submit"), "no assessment form for the reporter");
    assertTrue(
        Session.signedIn(url, "apo.deputy")
            .get("breach/case.xhtml?task=" + assess, Session.From.OWN_PAGE)
            .body()
            .contains("work:submit"),
        "the form for another Agency Privacy Officer");
    assertEquals(
        "ASSESSING",
        as("apo.deputy").get("breaches/" + b.getJsonNumber("id")).json().getString("status"),
        "nothing was decided");
    Api.Answer other =
        as("apo.deputy")
            .post(
                "tasks/" + assess + "/complete",
                "{\"decision\":\"CONFIRM\",\"cause\":\"HUMAN_ERROR\"}");
    assertEquals(204, other.status(), other.body());
  }

  @Test
  void anEarlierAwarenessMovesTheDeadlineAndTheInbox() {
    JsonObject b = as("member.diaz").post("breaches", report().build()).json();
    long id = b.getJsonNumber("id").longValue();
    Instant arrived = Instant.parse(b.getString("arrivedAt"));
    Instant earlier = arrived.minus(Duration.ofHours(6));
    assertEquals(
        403,
        as("member.diaz")
            .post(
                "breaches/" + id + "/aware-at",
                Json.createObjectBuilder()
                    .add("awareAt", earlier.toString())
                    .add("awareReason", "x")
                    .build())
            .status());
    Api.Answer moved =
        as("apo.legal")
            .post(
                "breaches/" + id + "/aware-at",
                Json.createObjectBuilder()
                    .add("awareAt", earlier.toString())
                    .add("awareReason", "The precinct phoned the APO this morning.")
                    .build());
    assertEquals(200, moved.status(), moved.body());
    assertEquals(
        earlier.plus(Duration.ofHours(24)), Instant.parse(moved.json().getString("cpoDeadline")));
    for (JsonValue v : as("apo.legal").get("tasks?scope=candidate&limit=200").array()) {
      if (b.getString("businessKey").equals(v.asJsonObject().getString("businessKey", null))) {
        assertEquals(
            earlier.plus(Duration.ofHours(24)),
            Instant.parse(v.asJsonObject().getString("dueAt")),
            "the inbox shows the new deadline");
      }
    }
  }

  @Test
  void badInputIsA400NamingTheField() {
    Api member = as("member.diaz");
    assertEquals("summary", member.post("breaches", report().add("summary", "").build()).field());
    assertEquals(
        "affectedIndividuals",
        member
            .post(
                "breaches",
                report()
                    .add("affectedIndividuals", Json.createObjectBuilder().add("count", 0))
                    .build())
            .field());
    assertEquals(
        "ledgerEntryIds[0]",
        member
            .post(
                "breaches",
                report().add("ledgerEntryIds", Json.createArrayBuilder().add(987_654_321L)).build())
            .field());
    assertEquals(
        "dataCategories[0]",
        member
            .post(
                "breaches",
                report().add("dataCategories", Json.createArrayBuilder().add("GOSSIP")).build())
            .field());
    assertEquals(
        "disclosedAt",
        member
            .post(
                "breaches",
                report()
                    .add("disclosedAt", Instant.now().plus(Duration.ofDays(2)).toString())
                    .build())
            .field());
    Api.Answer ancient =
        member.post("breaches", report().add("disclosedAt", "0999-12-31T00:00:00Z").build());
    assertEquals(
        400,
        ancient.status(),
        "a mistyped year is bad input (it was stored as year 999): " + ancient.body());
    assertEquals("disclosedAt", ancient.field());

    JsonObject b = member.post("breaches", report().build()).json();
    long id = b.getJsonNumber("id").longValue();
    Api apo = as("apo.legal");
    Api.Answer future =
        apo.post(
            "breaches/" + id + "/aware-at",
            Json.createObjectBuilder()
                .add("awareAt", Instant.now().plus(Duration.ofHours(1)).toString())
                .add("awareReason", "r")
                .build());
    assertEquals(400, future.status());
    assertEquals("awareAt", future.field());
    Instant afterArrival = Instant.parse(b.getString("arrivedAt")).plusMillis(1);
    Api.Answer late =
        apo.post(
            "breaches/" + id + "/aware-at",
            Json.createObjectBuilder()
                .add("awareAt", afterArrival.toString())
                .add("awareReason", "r")
                .build());
    assertEquals(400, late.status(), late.body());
    assertEquals("awareAt", late.field());
    assertEquals(
        "awareReason",
        apo.post(
                "breaches/" + id + "/aware-at",
                Json.createObjectBuilder()
                    .add(
                        "awareAt",
                        Instant.parse(b.getString("arrivedAt")).minusSeconds(60).toString())
                    .build())
            .field());
    Api.Answer beforeDisclosure =
        apo.post(
            "breaches/" + id + "/aware-at",
            Json.createObjectBuilder()
                .add("awareAt", Instant.now().minus(Duration.ofDays(3)).toString())
                .add("awareReason", "r")
                .build());
    assertEquals(400, beforeDisclosure.status(), beforeDisclosure.body());
    assertTrue(beforeDisclosure.body().contains("before the disclosure"), beforeDisclosure.body());
    // a mistyped year: 400, not the 500 the engine's timer table gave (it holds no instant before
    // 1970)
    long undated =
        member
            .post("breaches", report().remove("disclosedAt").build())
            .json()
            .getJsonNumber("id")
            .longValue();
    Api.Answer longAgo =
        apo.post(
            "breaches/" + undated + "/aware-at",
            Json.createObjectBuilder()
                .add("awareAt", "1950-01-21T22:00:00Z")
                .add("awareReason", "r")
                .build());
    assertEquals(400, longAgo.status(), longAgo.body());
    assertEquals("awareAt", longAgo.field());
    assertEquals(401, Api.anonymous(url).post("breaches", report().build()).status());
  }

  @Test
  void theCityCpoSeesTheLedgerEntriesOfACaseReportedToThem() {
    long designation =
        as("member.diaz").get("routine-designations").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(d -> d.getString("reference").equals("RD-2026-000001"))
            .findFirst()
            .orElseThrow()
            .getJsonNumber("id")
            .longValue();
    JsonObject filing =
        org.custodian.disclosure.boundary.DisclosureApiIT.filing(
                "Evidence Subject " + System.nanoTime(), "EV1")
            .add("basis", 5)
            .add("evidence", Json.createObjectBuilder().add("routineDesignationId", designation))
            .build();
    JsonObject disclosure = as("member.diaz").post("disclosures", filing).json();
    assertEquals("APPROVED", disclosure.getString("status"), disclosure.toString());
    long disclosureId = disclosure.getJsonNumber("id").longValue();
    assertEquals(
        200,
        as("member.diaz")
            .post(
                "disclosures/" + disclosureId + "/release",
                Json.createObjectBuilder()
                    .add("releasedAt", Instant.now().toString())
                    .add("method", "e-mail")
                    .build())
            .status());

    JsonObject b =
        as("apo.legal")
            .post(
                "breaches",
                report().add("ledgerEntryIds", Json.createArrayBuilder().add(disclosureId)).build())
            .json();
    long id = b.getJsonNumber("id").longValue();
    assertEquals(
        403,
        as("cpo.city").get("breaches/" + id + "/evidence").status(),
        "not yet reported to the City CPO");
    String key = b.getString("businessKey");
    assertEquals(
        204,
        as("apo.deputy")
            .post(
                "tasks/" + taskOf("apo.deputy", key) + "/complete",
                "{\"decision\":\"CONFIRM\",\"cause\":\"NO_LAWFUL_BASIS\"}")
            .status(),
        "another Agency Privacy Officer assesses what apo.legal reported");
    assertEquals(
        204,
        as("apo.legal")
            .post(
                "tasks/" + taskOf("apo.legal", key) + "/complete",
                "{\"summary\":\"A released disclosure went beyond what the designation allowed.\"}")
            .status());
    var evidence = as("cpo.city").get("breaches/" + id + "/evidence").array();
    assertEquals(1, evidence.size());
    JsonObject entry = evidence.getJsonObject(0);
    assertEquals(disclosure.getString("businessKey"), entry.getString("businessKey"));
    assertEquals(1, entry.getJsonArray("subjects").size(), "how many people it concerned");
    JsonObject subject = entry.getJsonArray("subjects").getJsonObject(0);
    assertTrue(subject.isNull("name"), "the City CPO never sees a name: " + entry);
    assertTrue(subject.getJsonObject("identifiers").isEmpty(), "nor an identifier: " + entry);
    assertTrue(entry.getJsonObject("recipient").isNull("name"), "nor the recipient's name");
    assertFalse(entry.toString().contains("Evidence Subject"), entry.toString());
    assertFalse(entry.toString().contains("EV1"), entry.toString());
    assertTrue(
        as("apo.legal").get("breaches/" + id + "/evidence").body().contains("Evidence Subject"),
        "the APO sees the entry in full");
  }

  /**
   * A breach report cites only ledger entries its reporter may see; a ledger id of someone else's
   * disclosure is answered exactly like one that does not exist, so reports cannot probe the
   * ledger, and the evidence never shows a disclosure's people to someone who may not see it.
   */
  @Test
  void aReportCitesOnlyLedgerEntriesItsReporterMaySee() {
    org.custodian.testing.LedgerScenario ledger = new org.custodian.testing.LedgerScenario(url);
    JsonObject released =
        ledger.released("member.diaz", "Private Person " + System.nanoTime(), "PP1");
    long entry = released.getJsonNumber("id").longValue();
    String other = "member." + Long.toString(System.nanoTime(), 36);
    assertEquals(
        201,
        as("admin")
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("username", other)
                    .add("password", "another-members-secret")
                    .add("roles", Json.createArrayBuilder().add("member"))
                    .add("command", "PCT-075")
                    .build())
            .status());
    Api otherMember = Api.as(url, other, "another-members-secret");
    Api.Answer someoneElses =
        otherMember.post(
            "breaches",
            report().add("ledgerEntryIds", Json.createArrayBuilder().add(entry)).build());
    assertEquals(400, someoneElses.status(), someoneElses.body());
    assertEquals("ledgerEntryIds[0]", someoneElses.field());
    Api.Answer none =
        otherMember.post(
            "breaches",
            report().add("ledgerEntryIds", Json.createArrayBuilder().add(987_654_321L)).build());
    assertEquals(
        message(none).replace("987654321", "ID"),
        message(someoneElses).replace(String.valueOf(entry), "ID"),
        "an entry one may not see answers like one that does not exist");
    assertFalse(someoneElses.body().contains("Private Person"));

    long breach = ledger.breach("member.diaz", entry).getJsonNumber("id").longValue();
    assertTrue(
        as("member.diaz").get("breaches/" + breach + "/evidence").body().contains("Private Person"),
        "the reporter sees the entry they may see");
    assertEquals(
        403,
        otherMember.get("breaches/" + breach + "/evidence").status(),
        "another member sees nothing of the case");
    assertEquals(403, as("co.okafor").get("breaches/" + breach + "/evidence").status());
  }

  private static String message(Api.Answer answer) {
    return answer.json().getJsonArray("errors").getJsonObject(0).getString("message");
  }
}
