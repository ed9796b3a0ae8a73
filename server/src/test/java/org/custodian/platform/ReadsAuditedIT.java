package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.custodian.testing.Session;
import org.custodian.testing.Session.From;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Immutable audit logs are created when any information is searched or accessed" (policies,
 * INTERNAL AUDIT &amp; OVERSIGHT): every screen and endpoint that shows personal data writes an
 * audit entry in the reader's name; and the audit entry of a write never makes the write fail,
 * however long the text the user wrote (it is kept in full with the record; the entry refers to
 * it).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadsAuditedIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  /** The actions the user's read wrote into the audit log. */
  private List<String> readBy(String user, Runnable read) {
    long mark = AuditTrail.mark();
    read.run();
    return AuditTrail.actions(mark, user);
  }

  private static void ok(int status, String what) {
    assertTrue(status == 200, what + " answered " + status);
  }

  @Test
  void everyListOfPersonalDataThroughTheApiIsAudited() {
    Scenario scenario = new Scenario(url);
    JsonObject request =
        scenario.submit("co.ramirez", scenario.newMember("PCT-075"), "CMS", "VIEW");
    Api rev = Api.as(url, "rev.one");
    assertTrue(
        readBy("rev.one", () -> ok(rev.get("tasks").status(), "the task list"))
            .contains("TASKS_LISTED"),
        "the task list");
    assertTrue(
        readBy(
                "rev.one",
                () ->
                    ok(
                        rev.download("access-requests/" + request.getInt("id") + "/diagram")
                            .status(),
                        "the diagram"))
            .contains("ACCESS_REQUEST_DIAGRAM_VIEWED"),
        "the process diagram of a request");
    Api member = Api.as(url, "member.diaz");
    for (String[] list :
        new String[][] {
          {"routine-designations", "ROUTINE_DESIGNATIONS_LISTED"},
          {"pre-approvals", "CPO_PRE_APPROVALS_LISTED"},
          {"agency-agreements", "AGENCY_AGREEMENTS_LISTED"}
        }) {
      assertTrue(
          readBy("member.diaz", () -> ok(member.get(list[0]).status(), list[0])).contains(list[1]),
          list[0]);
    }
    Api cpo = Api.as(url, "cpo.city");
    assertTrue(
        readBy("cpo.city", () -> ok(cpo.get("breach-reports/quarterly").status(), "quarterly"))
            .contains("QUARTERLY_REPORTS_LISTED"),
        "the quarterly reports");
    assertTrue(
        readBy(
                "cpo.city",
                () ->
                    ok(
                        cpo.get("breach-reports/quarterly/preview?quarter=2026-Q1").status(),
                        "preview"))
            .contains("QUARTERLY_SUMMARY_VIEWED"),
        "a quarter's summary");
    Api co = Api.as(url, "co.ramirez");
    assertTrue(
        readBy("co.ramirez", () -> ok(co.get("members?command=PCT-075").status(), "roster"))
            .contains("MEMBERS_LISTED"));

    // a focused audit names the members under audit; its request is not a read
    Api iab = Api.as(url, "iab.santos");
    long beforeRequest = AuditTrail.mark();
    Api.Answer asked =
        iab.post(
            "focused-audits",
            Json.createObjectBuilder()
                .add("members", Json.createArrayBuilder().add("940001"))
                .add("systems", Json.createArrayBuilder().add("CMS"))
                .add("from", "1950-01-01T00:00:00Z")
                .add("to", "1950-02-01T00:00:00Z")
                .add("reason", "A complaint that the officer looked up a neighbour's address.")
                .build());
    assertEquals(201, asked.status(), asked.body());
    assertEquals(
        List.of("FOCUSED_AUDIT_REQUESTED"),
        AuditTrail.actions(beforeRequest, "iab.santos"),
        "the answer to a request is the request's own entry, not a read");
    long focused = asked.json().getJsonNumber("id").longValue();
    Api itb = Api.as(url, "itb.kim");
    assertTrue(
        readBy(
                "itb.kim",
                () -> ok(itb.get("focused-audits/" + focused).status(), "a focused audit"))
            .contains("FOCUSED_AUDIT_VIEWED"),
        "one focused audit");
    assertTrue(
        readBy("itb.kim", () -> ok(itb.get("focused-audits").status(), "focused audits"))
            .contains("FOCUSED_AUDITS_LISTED"),
        "the focused audits");

    // the user directory: names, addresses, roles and commands
    Api admin = Api.as(url, "admin");
    assertTrue(
        readBy("admin", () -> ok(admin.get("users").status(), "users")).contains("USERS_LISTED"),
        "the users");
    assertTrue(
        readBy("admin", () -> ok(admin.get("users/member.diaz").status(), "a user"))
            .contains("USER_VIEWED"),
        "one user");
  }

  @Test
  void everyScreenThatShowsPersonalDataIsAudited() {
    Session co = Session.signedIn(url, "co.ramirez");
    assertTrue(
        readBy(
                "co.ramirez",
                () -> ok(co.get("access/new.xhtml", From.OWN_PAGE).status(), "new request"))
            .contains("MEMBERS_LISTED"),
        "the new access request screen lists the command's roster");
    assertTrue(
        readBy("co.ramirez", () -> ok(co.get("inbox/index.xhtml", From.OWN_PAGE).status(), "inbox"))
            .contains("TASKS_LISTED"),
        "the inbox: member names in the subjects");
    assertTrue(
        readBy(
                "co.ramirez",
                () -> ok(co.get("access/campaigns.xhtml", From.OWN_PAGE).status(), "campaigns"))
            .contains("RECERTIFICATION_CAMPAIGNS_LISTED"),
        "the campaign list");

    // a recertification task of the Commanding Officer's command
    Scenario scenario = new Scenario(url);
    scenario.granted("co.ramirez", scenario.newMember("PCT-075"), "CMS", "VIEW");
    Api.Answer campaign = Api.as(url, "admin").post("recertification-campaigns", "");
    assertEquals(201, campaign.status(), campaign.body());
    String recertify =
        Api.as(url, "co.ramirez").taskOf(campaign.json().getString("businessKey"), null);
    assertTrue(
        readBy(
                "co.ramirez",
                () ->
                    ok(
                        co.get("access/recertify.xhtml?task=" + recertify, From.OWN_PAGE).status(),
                        "recertify"))
            .contains("RECERTIFICATION_ITEMS_VIEWED"),
        "the recertify page lists the command's members' access");

    // a confirmation after a reassignment to PCT-040
    long moved = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", moved, "CMS", "VIEW");
    JsonObject event =
        Api.as(url, "admin")
            .post(
                "personnel-events",
                Json.createObjectBuilder()
                    .add("memberId", moved)
                    .add("type", "REASSIGNED")
                    .add("newCommand", "PCT-040")
                    .add("effectiveAt", Instant.now().toString())
                    .build())
            .json();
    String confirm =
        Api.as(url, "co.okafor")
            .taskOf(event.getString("businessKey"), "Task_ConfirmContinuedNeed");
    Session okafor = Session.signedIn(url, "co.okafor");
    assertTrue(
        readBy(
                "co.okafor",
                () ->
                    ok(
                        okafor.get("access/confirm.xhtml?task=" + confirm, From.OWN_PAGE).status(),
                        "confirm"))
            .contains("GRANTS_TO_CONFIRM_VIEWED"),
        "the confirm page lists the member's access");

    Session apo = Session.signedIn(url, "apo.legal");
    assertTrue(
        readBy(
                "apo.legal",
                () ->
                    ok(
                        apo.get("disclosure/authorizations.xhtml", From.OWN_PAGE).status(),
                        "designations"))
            .contains("ROUTINE_DESIGNATIONS_LISTED"),
        "the designation list");
    Session cpo = Session.signedIn(url, "cpo.city");
    assertTrue(
        readBy(
                "cpo.city",
                () -> ok(cpo.get("breach/quarterly.xhtml", From.OWN_PAGE).status(), "quarterly"))
            .contains("QUARTERLY_REPORTS_LISTED"),
        "the quarterly reports");

    Session iab = Session.signedIn(url, "iab.santos");
    assertTrue(
        readBy(
                "iab.santos",
                () ->
                    ok(
                        iab.get("oversight/focused-audits.xhtml", From.OWN_PAGE).status(),
                        "focused audits"))
            .contains("FOCUSED_AUDITS_LISTED"),
        "the focused audits");
    Session admin = Session.signedIn(url, "admin");
    assertTrue(
        readBy("admin", () -> ok(admin.get("admin/users.xhtml", From.OWN_PAGE).status(), "users"))
            .contains("USERS_LISTED"),
        "the users");
    assertTrue(
        readBy(
                "admin",
                () ->
                    ok(
                        admin.get("admin/user.xhtml?username=member.diaz", From.OWN_PAGE).status(),
                        "a user"))
            .contains("USER_VIEWED"),
        "one user");
  }

  /**
   * A review comment at the column's limit used to overflow the audit entry's details and fail the
   * review with a 500: the comment is kept in full with the decision, the entry says it is there.
   */
  @Test
  void aLongCommentIsKeptInFullAndTheAuditEntryRefersToIt() {
    Scenario scenario = new Scenario(url);
    JsonObject request =
        scenario.submit("co.ramirez", scenario.newMember("PCT-075"), "CMS", "VIEW");
    String task = scenario.taskOf("rev.one", request.getString("businessKey"));
    String comment =
        "Which cases will the member work on, and for how long? ".repeat(80).substring(0, 3_990);
    long mark = AuditTrail.mark();
    Api.Answer returned = scenario.decide("rev.one", task, "RETURN", comment);
    assertEquals(204, returned.status(), returned.body());
    JsonObject stored =
        Api.as(url, "co.ramirez").get("access-requests/" + request.getInt("id")).json();
    assertEquals(
        comment,
        stored.getJsonArray("decisions").getJsonObject(0).getString("comment"),
        "kept in full");
    AuditTrail.Entry entry =
        AuditTrail.since(mark, "rev.one").stream()
            .filter(e -> e.action().equals("ACCESS_REVIEW_DECIDED"))
            .findFirst()
            .orElseThrow();
    assertFalse(
        entry.details().contains("Which cases"),
        "the entry refers to the comment instead of copying it: " + entry.details());
    assertTrue(entry.details().contains("3990 characters"), entry.details());
  }
}
