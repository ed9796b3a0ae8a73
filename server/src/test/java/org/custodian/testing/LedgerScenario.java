package org.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import org.custodian.disclosure.boundary.DisclosureApiIT;

/**
 * Disclosures in the ledger, made through the API as a member and the Agency Privacy Officer would.
 */
public final class LedgerScenario {

  private final URL deployment;

  public LedgerScenario(URL deployment) {
    this.deployment = deployment;
  }

  /**
   * A basis 3 disclosure about one data subject with a licence plate, approved in writing by
   * apo.legal and released by its requester: a ledger entry. Returns it as its requester sees it.
   */
  public JsonObject released(String requester, String subject, String plate) {
    Api member = Api.as(deployment, requester);
    Api.Answer filed = member.post("disclosures", DisclosureApiIT.filing(subject, plate).build());
    assertEquals(201, filed.status(), filed.body());
    long id = filed.json().getJsonNumber("id").longValue();
    Api apo = Api.as(deployment, "apo.legal");
    String task = apo.taskOf(filed.json().getString("businessKey"), "Task_ApproveInWriting");
    Api.Answer approved =
        apo.post(
            "tasks/" + task + "/complete",
            Json.createObjectBuilder()
                .add("decision", "APPROVE")
                .add(
                    "approvalText",
                    "Approved in writing: the prosecution needs the vehicle's owner at the time.")
                .build());
    assertEquals(204, approved.status(), approved.body());
    Api.Answer release =
        member.post(
            "disclosures/" + id + "/release",
            Json.createObjectBuilder()
                .add("releasedAt", Instant.now().toString())
                .add("method", "Hand delivery to the ADA")
                .build());
    assertEquals(200, release.status(), release.body());
    return release.json();
  }

  /** A suspected improper disclosure reported by the member, citing ledger entries. */
  public JsonObject breach(String reporter, long... ledgerEntries) {
    var ids = Json.createArrayBuilder();
    for (long id : ledgerEntries) {
      ids.add(id);
    }
    Api.Answer reported =
        Api.as(deployment, reporter)
            .post(
                "breaches",
                Json.createObjectBuilder()
                    .add("summary", "The released record went on to a journalist.")
                    .add("disclosedTo", "A journalist")
                    .add("discoveredHow", "The article quoted it.")
                    .add("dataCategories", Json.createArrayBuilder().add("NAME"))
                    .add("affectedIndividuals", Json.createObjectBuilder().add("count", 1))
                    .add("ledgerEntryIds", ids)
                    .build());
    assertEquals(201, reported.status(), reported.body());
    return reported.json();
  }

  /** The APO confirms the breach and reports it to the City CPO. */
  public void toCityCpo(long breach) {
    Api apo = Api.as(deployment, "apo.legal");
    String key = apo.get("breaches/" + breach).json().getString("businessKey");
    Api.Answer assessed =
        apo.post(
            "tasks/" + apo.taskOf(key, "Task_AssessBreach") + "/complete",
            "{\"decision\":\"CONFIRM\",\"cause\":\"HUMAN_ERROR\"}");
    assertEquals(204, assessed.status(), assessed.body());
    Api.Answer reported =
        apo.post(
            "tasks/" + apo.taskOf(key, "Task_ReportToCpo") + "/complete",
            "{\"summary\":\"A released record reached a journalist; one person affected.\"}");
    assertEquals(204, reported.status(), reported.body());
  }
}
