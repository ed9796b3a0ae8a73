package org.custodian.addendum.boundary;

import static org.custodian.testing.AddendumScenario.AUTHOR;
import static org.custodian.testing.AddendumScenario.COMMISSIONER;
import static org.custodian.testing.AddendumScenario.LEGAL;
import static org.custodian.testing.AddendumScenario.PRIVACY;
import static org.custodian.testing.AddendumScenario.daysFromToday;
import static org.custodian.testing.AddendumScenario.decision;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.custodian.testing.AddendumScenario;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Addenda through the API on MariaDB: drafting, returns from each review, the Commissioner's
 * approval, the 45-day comment window closed by its timer, responses, publication as the policy's
 * next version; who may do what; the final deadline's reminder and overdue mark.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddendumApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource URL url;

  private AddendumScenario scenario() {
    return new AddendumScenario(url);
  }

  @Test
  void draftedReturnedRevisedApprovedCommentedAnsweredAndPublishedAsTheNextVersion() {
    AddendumScenario s = scenario();
    s.clear("CAMERA");
    // Only policy authors open addenda; bad input names its fields
    for (String user : new String[] {"co.ramirez", PRIVACY, COMMISSIONER, LEGAL}) {
      assertEquals(
          403,
          s.as(user)
              .post("addenda", AddendumScenario.opening("CAMERA", daysFromToday(200)))
              .status(),
          user + " may not open an addendum");
    }
    Api.Answer bad =
        s.as(AUTHOR)
            .post(
                "addenda",
                Json.createObjectBuilder()
                    .add("technology", "NOPE")
                    .add("newUse", "short")
                    .add("plannedFirstUse", "2020-01-01")
                    .build());
    assertEquals(400, bad.status());
    assertTrue(
        bad.body().contains("\"technology\"")
            && bad.body().contains("\"newUse\"")
            && bad.body().contains("\"plannedFirstUse\""),
        bad.body());
    assertEquals(
        "plannedFirstUse",
        s.as(AUTHOR)
            .post(
                "addenda",
                Json.createObjectBuilder()
                    .add("technology", "CAMERA")
                    .add("newUse", "A long enough description of the new use.")
                    .add("plannedFirstUse", "next spring")
                    .build())
            .field());

    // Opened: planned first use only 60 days away
    int before = Api.anonymous(url).get("public/policies/CAMERA").json().getInt("version");
    JsonObject a = s.open("CAMERA", daysFromToday(60));
    long id = a.getJsonNumber("id").longValue();
    String key = a.getString("businessKey");
    assertTrue(key.startsWith("AD-"), key);
    assertEquals("DRAFTING", a.getString("status"));
    assertEquals("CAMERA", a.getString("policy"));
    assertEquals(
        409,
        s.as(AUTHOR)
            .post("addenda", AddendumScenario.opening("CAMERA", daysFromToday(200)))
            .status(),
        "one addendum per policy at a time");
    assertNotNull(s.taskOf(AUTHOR, key, "Task_DraftAddendum"), "the author drafts");

    // Nothing changed yet: it cannot go to review
    Api.Answer unchanged =
        s.complete(AUTHOR, key, "Task_DraftAddendum", Json.createObjectBuilder().build());
    assertEquals(400, unchanged.status(), unchanged.body());
    assertEquals("sections", unchanged.field());
    // Only the author writes; unknown sections are named; scripts never survive
    assertEquals(
        403,
        s.as(PRIVACY)
            .post(
                "addenda/" + id + "/drafts",
                Json.createObjectBuilder()
                    .add("sections", Json.createObjectBuilder().add("RULES", "<p>x</p>"))
                    .build())
            .status());
    // whoever may not read addenda is refused without learning who wrote this one
    Api.Answer outsider =
        s.as("cpo.city").post("addenda/" + id + "/drafts", Json.createObjectBuilder().build());
    assertEquals(403, outsider.status(), outsider.body());
    assertFalse(outsider.body().contains(AUTHOR), outsider.body());
    assertEquals("sections.PREAMBLE", s.save(id, "PREAMBLE", "<p>x</p>").field());
    assertEquals(
        "sections.RULES",
        s.as(AUTHOR)
            .post(
                "addenda/" + id + "/drafts",
                Json.createObjectBuilder()
                    .add("sections", Json.createObjectBuilder().add("RULES", 42))
                    .build())
            .field());
    assertEquals(
        "sections",
        s.as(AUTHOR)
            .post(
                "addenda/" + id + "/drafts",
                Json.createObjectBuilder().add("sections", "<p>x</p>").build())
            .field());
    Api.Answer saved =
        s.save(
            id,
            "RULES",
            "<p>Digital cameras may be used to document evidence at large public events.</p><script>alert(1)</script>");
    assertEquals(201, saved.status(), saved.body());
    assertEquals(
        2,
        saved.json().getInt("number"),
        "draft 1 is the policy's text; every save is the next draft");
    String rules = section(saved.json(), "RULES");
    assertTrue(rules.contains("large public events") && !rules.contains("script"), rules);
    assertEquals(
        200,
        s.save(
                id,
                "RULES",
                "<p>Digital cameras may be used to document evidence at large public events.</p>")
            .status(),
        "an unchanged text is no new draft");

    // Submitted: legal and privacy review in parallel; the author may not review
    assertEquals(
        204,
        s.complete(AUTHOR, key, "Task_DraftAddendum", Json.createObjectBuilder().build()).status());
    String legal = s.task(LEGAL, key, "Task_LegalReview");
    assertEquals(
        403,
        s.as(AUTHOR).post("tasks/" + legal + "/complete", decision("APPROVE")).status(),
        "the author does not review");
    assertEquals(
        403,
        s.as(PRIVACY).post("tasks/" + legal + "/complete", decision("APPROVE")).status(),
        "legal review is counsel's");
    Api.Answer noReason = s.as(LEGAL).post("tasks/" + legal + "/complete", decision("RETURN"));
    assertEquals(400, noReason.status());
    assertEquals("comment", noReason.field());
    assertEquals(
        "sections.NOPE",
        s.as(LEGAL)
            .post(
                "tasks/" + legal + "/complete",
                Json.createObjectBuilder()
                    .add("decision", "RETURN")
                    .add("sections", Json.createObjectBuilder().add("NOPE", "x"))
                    .build())
            .field());
    assertEquals(
        204,
        s.as(LEGAL)
            .post(
                "tasks/" + legal + "/complete",
                Json.createObjectBuilder()
                    .add("decision", "RETURN")
                    .add(
                        "sections",
                        Json.createObjectBuilder()
                            .add(
                                "RULES",
                                "Name the events: permitted parades and demonstrations only."))
                    .build())
            .status());
    assertNull(
        s.taskOf(AUTHOR, key, "Task_DraftAddendum"),
        "the author gets it back only when both reviews are in");
    assertEquals(204, s.complete(PRIVACY, key, "Task_PrivacyReview", decision("APPROVE")).status());
    JsonObject returned = s.get(id);
    assertEquals("DRAFTING", returned.getString("status"), "legal returned it");
    JsonObject legalReview = returned.getJsonArray("reviews").getJsonObject(0);
    assertEquals("RETURNED", legalReview.getString("decision"));
    assertEquals(
        "RULES", legalReview.getJsonArray("sectionRemarks").getJsonObject(0).getString("section"));

    // Revised; both pass; counsel may not approve for the Commissioner; the Commissioner returns
    // once, then approves
    assertEquals(
        201,
        s.save(
                id,
                "RULES",
                "<p>Digital cameras may be used to document evidence at permitted parades and demonstrations.</p>")
            .status());
    assertEquals(
        204,
        s.complete(AUTHOR, key, "Task_DraftAddendum", Json.createObjectBuilder().build()).status());
    assertEquals(204, s.complete(LEGAL, key, "Task_LegalReview", decision("APPROVE")).status());
    assertEquals(204, s.complete(PRIVACY, key, "Task_PrivacyReview", decision("APPROVE")).status());
    String approval = s.task(COMMISSIONER, key, "Task_ApprovePublication");
    assertEquals(
        403,
        s.as(LEGAL).post("tasks/" + approval + "/complete", decision("APPROVE")).status(),
        "only the Commissioner approves");
    assertEquals(
        403, s.as(AUTHOR).post("tasks/" + approval + "/complete", decision("APPROVE")).status());
    Api.Answer remarkOnly =
        s.as(COMMISSIONER)
            .post(
                "tasks/" + approval + "/complete",
                Json.createObjectBuilder()
                    .add("decision", "RETURN")
                    .add(
                        "sections",
                        Json.createObjectBuilder().add("RETENTION", "How long is footage kept?"))
                    .build());
    assertEquals(400, remarkOnly.status(), remarkOnly.body());
    assertEquals(
        "comment",
        remarkOnly.field(),
        "the Commissioner's return gives its reason, not a remark only");
    assertEquals(
        204,
        s.as(COMMISSIONER)
            .post(
                "tasks/" + approval + "/complete",
                Json.createObjectBuilder()
                    .add("decision", "RETURN")
                    .add("comment", "Say how long the footage is kept.")
                    .build())
            .status());
    assertEquals("DRAFTING", s.get(id).getString("status"));
    assertEquals(
        201,
        s.save(id, "RETENTION", "<p>Footage of events is kept 30 days unless it is evidence.</p>")
            .status());
    s.toComment(key);

    // Open for comment; first use is under 90 days away: both the author and the Commissioner are
    // warned
    JsonObject open = s.get(id);
    assertEquals("OPEN_FOR_COMMENT", open.getString("status"));
    assertTrue(open.getBoolean("firstUseWarning"));
    Instant closes = Instant.parse(open.getString("commentClosesAt"));
    assertEquals(
        Duration.ofDays(45),
        Duration.between(Instant.parse(open.getString("commentOpenedAt")), closes));
    assertNotNull(s.taskOf(AUTHOR, key, "Task_FirstUseWarningAuthor"));
    assertNotNull(s.taskOf(COMMISSIONER, key, "Task_FirstUseWarningCommissioner"));
    assertEquals(
        204,
        s.complete(
                COMMISSIONER,
                key,
                "Task_FirstUseWarningCommissioner",
                Json.createObjectBuilder().build())
            .status());

    Api anyone = Api.anonymous(url);
    JsonObject shown = anyone.get("public/addenda/" + id).json();
    assertEquals("OPEN_FOR_COMMENT", shown.getString("status"));
    assertTrue(
        shown.getJsonArray("changes").toString().contains("<ins>"),
        "the public page shows what the addendum changes");
    Api.Answer comment =
        anyone.post(
            "public/addenda/" + id + "/comments",
            Json.createObjectBuilder()
                .add("text", "Please publish <b>how long</b> footage is kept.")
                .build());
    assertEquals(201, comment.status(), comment.body());
    assertEquals(
        "Please publish <b>how long</b> footage is kept.",
        comment.json().getString("text"),
        "a comment is plain text: kept and returned as written");
    long commentId = comment.json().getJsonNumber("id").longValue();

    // The window closes by its timer; then comments are refused
    assertTrue(s.fire(key, closes.minusSeconds(60)).equals("[]"), "not a minute early");
    assertTrue(s.fire(key, closes).contains("Timer_CommentWindow"));
    JsonObject closed = s.get(id);
    assertEquals("RESPONDING", closed.getString("status"));
    assertEquals(
        Duration.ofDays(45),
        Duration.between(
            Instant.parse(closed.getString("commentClosedAt")),
            Instant.parse(closed.getString("finalDueAt"))));
    Api.Answer late =
        anyone.post(
            "public/addenda/" + id + "/comments",
            Json.createObjectBuilder().add("text", "Too late?").build());
    assertEquals(409, late.status());
    assertTrue(late.json().getString("detail").contains("closed"), late.body());

    // Every comment answered before the final text goes to review
    Api.Answer unanswered =
        s.complete(AUTHOR, key, "Task_RespondToComments", Json.createObjectBuilder().build());
    assertEquals(400, unanswered.status());
    assertEquals("responses", unanswered.field());
    assertEquals(
        403,
        s.as(LEGAL)
            .post(
                "addenda/" + id + "/responses",
                Json.createObjectBuilder()
                    .add("commentIds", Json.createArrayBuilder().add(commentId))
                    .add("text", "Thirty days.")
                    .build())
            .status());
    Api.Answer answered =
        s.as(AUTHOR)
            .post(
                "addenda/" + id + "/responses",
                Json.createObjectBuilder()
                    .add("commentIds", Json.createArrayBuilder().add(commentId))
                    .add("text", "The retention section now says thirty days.")
                    .build());
    assertEquals(201, answered.status(), answered.body());
    assertEquals(
        201,
        s.save(
                id,
                "RETENTION",
                "<p>Footage of events is kept 30 days unless it is evidence in a case.</p>")
            .status());
    assertEquals(
        204,
        s.complete(AUTHOR, key, "Task_RespondToComments", Json.createObjectBuilder().build())
            .status());
    // a return in the final stage goes back to the author
    assertEquals(
        204, s.complete(LEGAL, key, "Task_FinalLegalReview", decision("APPROVE")).status());
    assertEquals(
        204,
        s.complete(
                PRIVACY,
                key,
                "Task_FinalPrivacyReview",
                Json.createObjectBuilder()
                    .add("decision", "RETURN")
                    .add("comment", "Name who may view the footage.")
                    .build())
            .status());
    assertEquals("RESPONDING", s.get(id).getString("status"));
    s.toPublication(key);

    // Published as the next version; the public sees it, what changed, the PDF, the comment with
    // its response
    JsonObject published = s.get(id);
    assertEquals("PUBLISHED", published.getString("status"));
    assertEquals(before + 1, published.getInt("publishedVersion"));
    JsonObject current = anyone.get("public/policies/CAMERA").json();
    assertEquals(before + 1, current.getInt("version"));
    assertTrue(current.toString().contains("permitted parades and demonstrations"));
    JsonObject diff =
        anyone.get("public/policies/CAMERA/diff?from=" + before + "&to=" + (before + 1)).json();
    assertTrue(diff.toString().contains("<ins>"), "insertions are marked");
    Api.Download pdf = anyone.download("public/policies/CAMERA/versions/" + (before + 1) + "/pdf");
    assertEquals(200, pdf.status());
    assertEquals("application/pdf", pdf.contentType());
    assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    JsonObject after = anyone.get("public/addenda/" + id).json();
    assertEquals("PUBLISHED", after.getString("status"));
    assertEquals(
        "The retention section now says thirty days.",
        after.getJsonArray("comments").getJsonObject(0).getString("response"));
    assertNull(
        s.taskOf(AUTHOR, key, "Task_FirstUseWarningAuthor"),
        "publication ends the process, warnings included");
    // versions never change: there is no way to write one
    assertEquals(409, s.save(id, "RULES", "<p>rewrite history</p>").status());
  }

  @Test
  void theFinalVersionIsRemindedAtThirtyDaysAndOverdueAtFortyFiveButStillPublishable() {
    AddendumScenario s = scenario();
    s.clear("PED");
    // A withdrawn addendum frees the policy; the reason is required; it cannot be withdrawn twice
    JsonObject abandoned = s.open("PED", daysFromToday(365));
    String abandon = "addenda/" + abandoned.getJsonNumber("id") + "/withdraw";
    assertEquals(
        "reason",
        s.as(AUTHOR).post(abandon, Json.createObjectBuilder().add("reason", "no").build()).field());
    Api.Answer withdrawn =
        s.as(AUTHOR)
            .post(
                abandon,
                Json.createObjectBuilder()
                    .add("reason", "The pilot was cancelled by the bureau.")
                    .build());
    assertEquals(200, withdrawn.status(), withdrawn.body());
    assertEquals("WITHDRAWN", withdrawn.json().getString("status"));
    assertNull(
        s.taskOf(AUTHOR, abandoned.getString("businessKey"), "Task_DraftAddendum"),
        "its tasks end");
    assertEquals(
        409,
        s.as(COMMISSIONER)
            .post(
                abandon,
                Json.createObjectBuilder().add("reason", "Withdrawn a second time?").build())
            .status());
    assertEquals(
        404,
        Api.anonymous(url).get("public/addenda/" + abandoned.getJsonNumber("id")).status(),
        "never published for comment: never public");
    JsonObject a = s.open("PED", daysFromToday(365));
    long id = a.getJsonNumber("id").longValue();
    String key = a.getString("businessKey");
    assertEquals(
        403,
        s.as(LEGAL)
            .post(
                "addenda/" + id + "/withdraw",
                Json.createObjectBuilder().add("reason", "Counsel may not withdraw it.").build())
            .status(),
        "only the author or the Commissioner withdraws");
    assertEquals(
        201,
        s.save(id, "CAPABILITIES", "<p>Devices may also scan driver licenses' barcodes.</p>")
            .status());
    s.toComment(key);
    JsonObject open = s.get(id);
    assertFalse(open.getBoolean("firstUseWarning"), "a year away: no warning");
    assertNull(s.taskOf(AUTHOR, key, "Task_FirstUseWarningAuthor"));
    Instant closes = Instant.parse(open.getString("commentClosesAt"));
    s.fire(key, closes);
    Instant due = Instant.parse(s.get(id).getString("finalDueAt"));
    assertEquals("[]", s.fire(key, closes.plus(Duration.ofDays(30)).minusSeconds(60)));
    assertTrue(s.fire(key, closes.plus(Duration.ofDays(30))).contains("Timer_FinalReminder"));
    JsonObject reminded = s.get(id);
    assertTrue(
        reminded.containsKey("remindedAt") && !reminded.isNull("remindedAt"),
        "reminded at 30 days");
    assertFalse(reminded.getBoolean("overdue"));
    assertTrue(s.fire(key, due).contains("Timer_FinalDeadline"));
    assertTrue(s.get(id).getBoolean("overdue"), "overdue at 45 days");
    s.toPublication(key);
    JsonObject published = s.get(id);
    assertEquals("PUBLISHED", published.getString("status"));
    assertTrue(published.getBoolean("overdue"), "published late stays late");
  }

  private static String section(JsonObject draft, String key) {
    for (JsonValue v : draft.getJsonArray("sections")) {
      if (key.equals(v.asJsonObject().getString("key"))) {
        return v.asJsonObject().getString("html");
      }
    }
    throw new AssertionError("no section " + key);
  }
}
