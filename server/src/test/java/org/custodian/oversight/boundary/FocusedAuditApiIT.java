package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.custodian.testing.Users;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A focused audit of computer activity through the API: Internal Affairs asks for one member's use
 * of the case management system over a month; a Commanding Officer may ask only for their own
 * members; the Information Technology Bureau refuses only with a reason, approves, and the
 * requester downloads the report (CSV, PDF), each download audited; nobody else does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FocusedAuditApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static JsonObjectBuilder request(YearMonth month) {
    return Json.createObjectBuilder()
        .add("members", Json.createArrayBuilder().add("940001"))
        .add("systems", Json.createArrayBuilder().add("CMS"))
        .add("from", month.atDay(1) + "T00:00:00Z")
        .add("to", month.plusMonths(1).atDay(1) + "T00:00:00Z")
        .add("reason", "A complaint that the officer looked up a former partner's address.");
  }

  /**
   * Someone in both Internal Affairs and the Bureau (roles one person may hold) asks for a focused
   * audit: the review is offered to the Bureau, them included, but they neither claim nor decide
   * it.
   */
  @Test
  void theBureauNeverDecidesARequestOneOfItsAnalystsMade() {
    Api admin = Api.as(url, "admin");
    String password = "both-roles-password-1";
    String both = Users.add(admin, "itb.iab", password);
    Api.Answer roles =
        admin.put(
            "users/" + both,
            Users.change(List.of("itb-analyst", "iab-investigator"), List.of(), null, null, true));
    assertEquals(200, roles.status(), roles.body());
    Api requester = Api.as(url, both, password);
    Api.Answer asked = requester.post("focused-audits", request(YearMonth.of(1955, 3)).build());
    assertEquals(201, asked.status(), asked.body());
    String key = asked.json().getString("businessKey");
    String task = requester.taskOf(key, "Task_ReviewFocusedAudit");
    assertNotNull(task, "offered to the Bureau, which the requester is in");
    assertEquals(403, requester.post("tasks/" + task + "/claim", "").status(), "no claim");
    Api.Answer own = requester.post("tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}");
    assertEquals(403, own.status(), own.body());
    assertEquals(
        204,
        Api.as(url, "itb.kim")
            .post("tasks/" + task + "/complete", "{\"decision\":\"APPROVE\"}")
            .status(),
        "another analyst decides");
  }

  @Test
  void internalAffairsAsksTheBureauApprovesAndTheReportComesFromTheLog() {
    // a month of its own: James Park of PCT-040 (demo data) searched twice then, and once after
    YearMonth month =
        YearMonth.of(1960 + (int) (System.nanoTime() % 30), 1 + (int) (System.nanoTime() / 7 % 12));
    String run = "fa" + System.nanoTime();
    new Scenario(url)
        .reported(
            event(run + "-1", month.atDay(3) + "T10:00:00Z", "Former Partner " + run),
            event(run + "-2", month.atDay(9) + "T10:00:00Z", "Former Partner " + run),
            event(run + "-3", month.plusMonths(1).atDay(2) + "T10:00:00Z", "Later " + run));

    assertEquals(
        403, Api.as(url, "member.diaz").post("focused-audits", request(month).build()).status());
    assertEquals(
        403, Api.as(url, "itb.kim").post("focused-audits", request(month).build()).status());
    assertEquals(
        403,
        Api.as(url, "co.ramirez").post("focused-audits", request(month).build()).status(),
        "940001 is PCT-040's, not the 75th Precinct's");
    assertEquals(
        "to",
        Api.as(url, "iab.santos")
            .post("focused-audits", request(month).add("to", month.atDay(1) + "T00:00:00Z").build())
            .field());
    assertEquals(
        "systems",
        Api.as(url, "iab.santos")
            .post(
                "focused-audits",
                request(month).add("systems", Json.createArrayBuilder().add("NOPE")).build())
            .field());
    assertEquals(
        "reason",
        Api.as(url, "iab.santos")
            .post("focused-audits", request(month).add("reason", "why").build())
            .field());

    Api.Answer asked = Api.as(url, "iab.santos").post("focused-audits", request(month).build());
    assertEquals(201, asked.status(), asked.body());
    JsonObject audit = asked.json();
    long id = audit.getJsonNumber("id").longValue();
    String key = audit.getString("businessKey");
    assertEquals("REQUESTED", audit.getString("status"));
    assertEquals(409, Api.as(url, "iab.santos").get("focused-audits/" + id + "/report").status());

    String task = Api.as(url, "itb.kim").taskOf(key, "Task_ReviewFocusedAudit");
    assertNotNull(task, "in the Bureau's inbox");
    assertEquals(
        403,
        Api.as(url, "iab.santos")
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder().add("decision", "APPROVE").build())
            .status(),
        "the requester does not approve");
    assertEquals(
        "note",
        Api.as(url, "itb.kim")
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder().add("decision", "REFUSE").build())
            .field());
    long mark = AuditTrail.mark();
    assertEquals(
        204,
        Api.as(url, "itb.kim")
            .post(
                "tasks/" + task + "/complete",
                Json.createObjectBuilder().add("decision", "APPROVE").build())
            .status());

    Api.Download csv =
        Api.as(url, "iab.santos").download("focused-audits/" + id + "/report?format=csv");
    assertEquals(200, csv.status());
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    String[] lines = text.split("\r\n");
    assertEquals(
        3, lines.length, "the header and the month's two searches, not the later one: " + text);
    assertTrue(lines[1].contains("Former Partner " + run) && lines[1].contains("940001"), lines[1]);
    Api.Download pdf =
        Api.as(url, "iab.santos").download("focused-audits/" + id + "/report?format=pdf");
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    assertEquals(403, Api.as(url, "co.okafor").get("focused-audits/" + id + "/report").status());
    assertEquals(403, Api.as(url, "co.okafor").get("focused-audits/" + id).status());
    // lists are scoped in the query: the requester and the Bureau see it, another CO does not
    Api.Answer mine = Api.as(url, "iab.santos").get("focused-audits?limit=1");
    assertEquals(key, mine.array().getJsonObject(0).getString("businessKey"), mine.body());
    assertTrue(mine.totalCount() >= 1, "X-Total-Count: " + mine.totalCount());
    assertTrue(Api.as(url, "itb.kim").get("focused-audits?limit=200").body().contains(key));
    assertFalse(Api.as(url, "co.okafor").get("focused-audits?limit=200").body().contains(key));
    assertEquals("offset", Api.as(url, "itb.kim").get("focused-audits?offset=-1").field());
    assertEquals(
        2,
        AuditTrail.actions(mark, "iab.santos").stream()
            .filter(a -> a.equals("FOCUSED_AUDIT_REPORT_DOWNLOADED"))
            .count());
    assertTrue(AuditTrail.actions(mark, "itb.kim").contains("FOCUSED_AUDIT_APPROVED"));
    assertEquals(
        "APPROVED",
        Api.as(url, "iab.santos").get("focused-audits/" + id).json().getString("status"));
  }

  private static JsonObject event(String id, String at, String subject) {
    return Json.createObjectBuilder()
        .add("eventId", id)
        .add("at", at)
        .add("memberTaxNumber", "940001")
        .add("action", "SEARCH")
        .add("subject", subject)
        .build();
  }
}
