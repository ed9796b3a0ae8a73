package org.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;

/** Builds a test's own data through the API, so no test depends on another's leftovers. */
public final class Scenario {

  public static final String JUSTIFICATION =
      "Assigned to the precinct detective squad; investigates the burglary pattern in sector B.";

  private final URL deployment;

  public Scenario(URL deployment) {
    this.deployment = deployment;
  }

  /** A new active member of the command, added by the admin. */
  public long newMember(String command) {
    return newMember(command, true);
  }

  public long newMember(String command, boolean active) {
    return newMember(command, active, "Test Member " + System.nanoTime() % 100000);
  }

  public long newMember(String command, boolean active, String name) {
    return added(command, active, name).id();
  }

  /** A member the test added: their id and tax number. */
  public record Added(long id, String taxNumber) {}

  /** A new active member of the command, with a name of their own, added by the admin. */
  public Added added(String command, String name) {
    return added(command, true, name);
  }

  private Added added(String command, boolean active, String name) {
    String tax = Api.newTaxNumber();
    Api.Answer answer =
        Api.as(deployment, "admin")
            .post(
                "members",
                Json.createObjectBuilder()
                    .add("taxNumber", tax)
                    .add("name", name)
                    .add("rank", "Police Officer")
                    .add("command", command)
                    .add("active", active)
                    .build());
    assertEquals(201, answer.status(), answer.body());
    return new Added(answer.json().getJsonNumber("id").longValue(), tax);
  }

  public static JsonObject request(long memberId, String technology, String level) {
    return Json.createObjectBuilder()
        .add("memberId", memberId)
        .add("technology", technology)
        .add("accessLevel", level)
        .add("justification", JUSTIFICATION)
        .build();
  }

  /** Submits as the Commanding Officer and returns the created request. */
  public JsonObject submit(String co, long memberId, String technology, String level) {
    Api.Answer answer =
        Api.as(deployment, co).post("access-requests", request(memberId, technology, level));
    assertEquals(201, answer.status(), answer.body());
    return answer.json();
  }

  /** The open task of a request that the user may see in their inbox. */
  public String taskOf(String username, String businessKey) {
    String task = Api.as(deployment, username).taskOf(businessKey, null);
    if (task == null) {
      throw new AssertionError(username + " sees no task of " + businessKey);
    }
    return task;
  }

  /** Submits as the Commanding Officer and approves every layer; returns the request. */
  public JsonObject granted(String co, long memberId, String technology, String level) {
    JsonObject request = submit(co, memberId, technology, level);
    String key = request.getString("businessKey");
    String[] reviewers = {"rev.one", "rev.two", "rev.three"};
    for (int layer = 0; layer < request.getInt("reviewLayers"); layer++) {
      Api.Answer answer = decide(reviewers[layer], taskOf(reviewers[layer], key), "APPROVE", null);
      assertEquals(204, answer.status(), answer.body());
    }
    return request;
  }

  public Api.Answer decide(String username, String taskId, String decision, String comment) {
    var body = Json.createObjectBuilder().add("decision", decision);
    if (comment != null) {
      body.add("comment", comment);
    }
    return Api.as(deployment, username).post("tasks/" + taskId + "/complete", body.build());
  }

  /** The case management system's account reports the events; every one must be accepted. */
  public void reported(jakarta.json.JsonObject... events) {
    jakarta.json.JsonArrayBuilder list = Json.createArrayBuilder();
    for (jakarta.json.JsonObject event : events) {
      list.add(event);
    }
    Api.Answer answer =
        Api.as(deployment, "system.cms")
            .post("access-events", Json.createObjectBuilder().add("events", list).build());
    assertEquals(200, answer.status(), answer.body());
    assertEquals(events.length, answer.json().getInt("accepted"), answer.body());
  }

  /** The number of the member's newest access event, as the auditor's console shows it. */
  public String newestEventOf(String taxNumber) {
    return Api.as(deployment, "auditor.iab")
        .get("audit/search?member=" + taxNumber)
        .json()
        .getJsonArray("entries")
        .getJsonObject(0)
        .getString("objectId");
  }
}
