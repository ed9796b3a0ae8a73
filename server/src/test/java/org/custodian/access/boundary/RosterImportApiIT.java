package org.custodian.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HR system's roster as a CSV file: a new member is added, a member whose command changed is
 * reassigned and one marked inactive separated (their access ending as for a personnel event), an
 * unchanged row changes nothing, and a bad row is refused by its line and field while the others
 * are kept.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterImportApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void theRosterAddsMovesAndSeparatesMembersAndRefusesOnlyTheBadRows() {
    Scenario.Added moving = new Scenario(url).added("PCT-075", "Moving Member");
    Scenario.Added leaving = new Scenario(url).added("PCT-075", "Leaving Member");
    Scenario.Added staying = new Scenario(url).added("PCT-075", "Staying Member");
    new Scenario(url).granted("co.ramirez", leaving.id(), "CMS", "VIEW");
    String fresh = Api.newTaxNumber();
    String csv =
        String.join(
            "\n",
            "taxNumber,name,rank,command,active",
            fresh + ",Fresh Recruit,Police Officer,PCT-075,true",
            moving.taxNumber() + ",Moving Member,Police Officer,PCT-040,true",
            leaving.taxNumber() + ",Leaving Member,Police Officer,PCT-075,false",
            "12,Too Short,Police Officer,PCT-075,true",
            Api.newTaxNumber() + ",Nowhere Member,Police Officer,NOWHERE,true",
            staying.taxNumber() + ",Staying Member,Police Officer,PCT-075,true",
            "");

    assertEquals(403, Api.as(url, "co.ramirez").post("members/import", "text/csv", csv).status());
    assertEquals(
        "body",
        Api.as(url, "admin").post("members/import", "text/csv", "name,rank\nx,y\n").field());
    Api.Answer blankColumn =
        Api.as(url, "admin")
            .post("members/import", "text/csv", "taxNumber,name,rank,command,\n1,x,y,PCT-075,\n");
    assertEquals(400, blankColumn.status(), blankColumn.body());
    assertEquals("body", blankColumn.field());
    Api.Answer twice =
        Api.as(url, "admin")
            .post(
                "members/import",
                "text/csv",
                "taxNumber,name,rank,command,name\n1,x,y,PCT-075,z\n");
    assertEquals(400, twice.status(), twice.body());
    assertEquals("body", twice.field());
    Api.Answer answer = Api.as(url, "admin").post("members/import", "text/csv", csv);
    assertEquals(200, answer.status(), answer.body());
    JsonObject outcome = answer.json();
    assertEquals(1, outcome.getInt("added"), outcome.toString());
    assertEquals(1, outcome.getInt("reassigned"), outcome.toString());
    assertEquals(1, outcome.getInt("separated"), outcome.toString());
    assertEquals(1, outcome.getInt("unchanged"), outcome.toString());
    List<JsonObject> rejected =
        outcome.getJsonArray("rejected").stream().map(JsonValue::asJsonObject).toList();
    assertEquals(2, rejected.size(), outcome.toString());
    assertEquals(5, rejected.get(0).getInt("line"));
    assertEquals(
        "taxNumber", rejected.get(0).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(6, rejected.get(1).getInt("line"));
    assertEquals(
        "command", rejected.get(1).getJsonArray("errors").getJsonObject(0).getString("field"));

    assertTrue(Api.as(url, "admin").get("members?command=PCT-075").body().contains(fresh), "added");
    assertTrue(
        Api.as(url, "admin").get("members?command=PCT-040").body().contains(moving.taxNumber()),
        "reassigned");
    JsonObject grant =
        Api.as(url, "admin").get("members/" + leaving.id() + "/grants").array().getJsonObject(0);
    assertFalse(grant.isNull("endedAt"), "separated: access ended " + grant);

    // the same roster again changes nothing more
    JsonObject again = Api.as(url, "admin").post("members/import", "text/csv", csv).json();
    assertEquals(0, again.getInt("added") + again.getInt("reassigned") + again.getInt("separated"));
  }
}
