package org.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Moves an addendum along through the API as the demo users would (policy author, counsel, APO,
 * Commissioner).
 */
public final class AddendumScenario {

  public static final String AUTHOR = "author.policy";
  public static final String LEGAL = "counsel.legal";
  public static final String PRIVACY = "apo.legal";
  public static final String COMMISSIONER = "commissioner";

  private final URL deployment;
  private final long run = System.currentTimeMillis();

  public AddendumScenario(URL deployment) {
    this.deployment = deployment;
  }

  public Api as(String user) {
    return Api.as(deployment, user);
  }

  public static LocalDate daysFromToday(int days) {
    return LocalDate.now(ZoneId.of("America/New_York")).plusDays(days);
  }

  public static JsonObject opening(String technology, LocalDate plannedFirstUse) {
    return Json.createObjectBuilder()
        .add("technology", technology)
        .add(
            "newUse",
            "Using "
                + technology
                + " to document evidence at large public events, a use the current policy does not describe.")
        .add("plannedFirstUse", plannedFirstUse.toString())
        .build();
  }

  /**
   * Withdraws any unfinished addendum to the policy (code) left by an earlier run on this database,
   * so a test starts from a policy with no addendum in progress.
   */
  public void clear(String policy) {
    for (JsonValue v : as(AUTHOR).get("addenda").array()) {
      JsonObject a = v.asJsonObject();
      String status = a.getString("status");
      if (policy.equals(a.getString("policy"))
          && !status.equals("PUBLISHED")
          && !status.equals("WITHDRAWN")) {
        Api.Answer withdrawn =
            as(COMMISSIONER)
                .post(
                    "addenda/" + a.getJsonNumber("id") + "/withdraw",
                    Json.createObjectBuilder()
                        .add("reason", "Left over by an earlier test run.")
                        .build());
        assertEquals(200, withdrawn.status(), withdrawn.body());
      }
    }
  }

  public JsonObject open(String technology, LocalDate plannedFirstUse) {
    Api.Answer opened = as(AUTHOR).post("addenda", opening(technology, plannedFirstUse));
    assertEquals(201, opened.status(), opened.body());
    return opened.json();
  }

  public JsonObject get(long id) {
    Api.Answer answer = as(AUTHOR).get("addenda/" + id);
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  /**
   * Saves one section's new text as the author; returns the draft. The text ends with this run's
   * mark, so a rerun on the same database still changes a policy an earlier run published.
   */
  public Api.Answer save(long id, String section, String html) {
    String marked = html.isBlank() ? html : html + "<p>(Test run " + run + ".)</p>";
    return as(AUTHOR)
        .post(
            "addenda/" + id + "/drafts",
            Json.createObjectBuilder()
                .add("sections", Json.createObjectBuilder().add(section, marked))
                .build());
  }

  /** The open task of the addendum offered to (or assigned to) the user, or null. */
  public String taskOf(String user, String businessKey, String taskKey) {
    return as(user).taskOf(businessKey, taskKey);
  }

  public String task(String user, String businessKey, String taskKey) {
    String task = taskOf(user, businessKey, taskKey);
    if (task == null) {
      throw new AssertionError(user + " has no " + taskKey + " of " + businessKey);
    }
    return task;
  }

  public Api.Answer complete(String user, String businessKey, String taskKey, JsonObject form) {
    return as(user).post("tasks/" + task(user, businessKey, taskKey) + "/complete", form);
  }

  public static JsonObject decision(String decision) {
    return Json.createObjectBuilder().add("decision", decision).build();
  }

  /** Author submits, both reviews pass, the Commissioner approves: the comment period opens. */
  public void toComment(String businessKey) {
    assertEquals(
        204,
        complete(AUTHOR, businessKey, "Task_DraftAddendum", Json.createObjectBuilder().build())
            .status());
    assertEquals(
        204, complete(LEGAL, businessKey, "Task_LegalReview", decision("APPROVE")).status());
    assertEquals(
        204, complete(PRIVACY, businessKey, "Task_PrivacyReview", decision("APPROVE")).status());
    assertEquals(
        204,
        complete(COMMISSIONER, businessKey, "Task_ApprovePublication", decision("APPROVE"))
            .status());
  }

  /**
   * Fires the addendum's timers due by then (the test-only engine clock resource); returns their
   * element ids.
   */
  public String fire(String businessKey, java.time.Instant at) {
    Api.Answer fired =
        as("admin")
            .post(
                "test-engine-clock/fire?businessKey=" + businessKey + "&at=" + at,
                Json.createObjectBuilder().build());
    assertEquals(200, fired.status(), fired.body());
    return fired.json().getJsonArray("fired").toString();
  }

  /**
   * After the comment period: the final text through both reviews and the Commissioner to
   * publication.
   */
  public void toPublication(String businessKey) {
    assertEquals(
        204,
        complete(AUTHOR, businessKey, "Task_RespondToComments", Json.createObjectBuilder().build())
            .status());
    assertEquals(
        204, complete(LEGAL, businessKey, "Task_FinalLegalReview", decision("APPROVE")).status());
    assertEquals(
        204,
        complete(PRIVACY, businessKey, "Task_FinalPrivacyReview", decision("APPROVE")).status());
    Api.Answer approved =
        complete(COMMISSIONER, businessKey, "Task_ApproveFinal", decision("APPROVE"));
    assertEquals(204, approved.status(), approved.body());
  }
}
