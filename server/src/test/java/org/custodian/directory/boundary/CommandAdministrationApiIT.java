package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.ArrayList;
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
 * An administrator sets what a command's functions justify and how many review layers a system's
 * requests pass: an intelligence-only level is refused for a precinct, an unknown one too, nobody
 * else may, and each change is audited. The test puts everything back as it found it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommandAdministrationApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static List<String> levels(JsonObject command) {
    return command.getJsonArray("permittedLevels").stream()
        .map(JsonValue::asJsonObject)
        .map(l -> l.getString("technology") + ":" + l.getString("accessLevel"))
        .sorted()
        .toList();
  }

  private static JsonObject body(List<String> levels) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    levels.forEach(array::add);
    return Json.createObjectBuilder().add("levels", array).build();
  }

  @Test
  void anAdministratorSetsACommandsLevelsAndASystemsReviewLayers() {
    Api admin = Api.as(url, "admin");
    List<String> original = levels(admin.get("commands/PCT-040").json());
    assertTrue(
        admin.get("commands").array().stream()
            .anyMatch(c -> c.asJsonObject().getString("code").equals("PCT-040")));
    long mark = AuditTrail.mark();
    try {
      List<String> more = new ArrayList<>(original);
      more.remove("CMS:INVESTIGATOR");
      more.add("CMS:INVESTIGATOR");
      assertEquals(
          403,
          Api.as(url, "co.okafor").put("commands/PCT-040/permitted-levels", body(more)).status());
      List<String> political = new ArrayList<>(original);
      political.add("CMS:POLITICAL-ACTIVITY");
      Api.Answer handschu = admin.put("commands/PCT-040/permitted-levels", body(political));
      assertEquals(400, handschu.status(), handschu.body());
      assertEquals("levels", handschu.field());
      assertTrue(handschu.body().contains("Intelligence Division"), handschu.body());
      assertEquals(
          "levels",
          admin.put("commands/PCT-040/permitted-levels", body(List.of("CMS:NOPE"))).field());

      Api.Answer fewer = admin.put("commands/PCT-040/permitted-levels", body(List.of("CMS:VIEW")));
      assertEquals(200, fewer.status(), fewer.body());
      assertEquals(List.of("CMS:VIEW"), levels(fewer.json()));
      assertEquals(List.of("CMS:VIEW"), levels(admin.get("commands/PCT-040").json()));
      assertTrue(AuditTrail.actions(mark, "admin").contains("COMMAND_LEVELS_CHANGED"));
    } finally {
      assertEquals(200, admin.put("commands/PCT-040/permitted-levels", body(original)).status());
    }
    assertEquals(original, levels(admin.get("commands/PCT-040").json()));

    JsonObject camera =
        admin.get("technologies").array().stream()
            .map(JsonValue::asJsonObject)
            .filter(t -> t.getString("code").equals("CAMERA"))
            .findFirst()
            .orElseThrow();
    int layers = camera.getInt("reviewLayers");
    try {
      assertEquals(
          "reviewLayers",
          admin
              .put(
                  "technologies/CAMERA", Json.createObjectBuilder().add("reviewLayers", 10).build())
              .field());
      assertEquals(
          403,
          Api.as(url, "co.ramirez")
              .put("technologies/CAMERA", Json.createObjectBuilder().add("reviewLayers", 2).build())
              .status());
      int other = layers == 1 ? 2 : 1;
      Api.Answer changed =
          admin.put(
              "technologies/CAMERA", Json.createObjectBuilder().add("reviewLayers", other).build());
      assertEquals(200, changed.status(), changed.body());
      assertEquals(other, changed.json().getInt("reviewLayers"));
      assertTrue(AuditTrail.actions(mark, "admin").contains("TECHNOLOGY_CHANGED"));
    } finally {
      admin.put(
          "technologies/CAMERA", Json.createObjectBuilder().add("reviewLayers", layers).build());
    }
  }

  /**
   * A new unit, a new system with one level, the level permitted to the unit, a member and a
   * Commanding Officer for it: the Commanding Officer's request for the member passes the system's
   * one review layer, and the member holds the access. Each addition is audited; duplicates, a
   * second Intelligence Division and bad fields are refused; nobody else may add.
   */
  @Test
  void anAdministratorAddsACommandASystemAndALevelThatACommandingOfficerThenRequests() {
    Api admin = Api.as(url, "admin");
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String unit = "TEST-" + suffix;
    String system = "LPR-" + suffix;
    long mark = AuditTrail.mark();

    JsonObject newUnit =
        Json.createObjectBuilder()
            .add("code", unit)
            .add("name", "Test Unit " + suffix)
            .add("kind", "UNIT")
            .build();
    assertEquals(403, Api.as(url, "co.ramirez").post("commands", newUnit).status());
    Api.Answer added = admin.post("commands", newUnit);
    assertEquals(201, added.status(), added.body());
    assertEquals(unit, added.json().getString("code"));
    assertEquals(List.of(), levels(added.json()));
    assertEquals(409, admin.post("commands", newUnit).status());
    assertEquals(
        "code",
        admin
            .post(
                "commands",
                Json.createObjectBuilder()
                    .add("code", "pct 9")
                    .add("name", "x")
                    .add("kind", "UNIT")
                    .build())
            .field());
    assertEquals(
        "kind",
        admin
            .post(
                "commands",
                Json.createObjectBuilder()
                    .add("code", "TEST-X" + suffix)
                    .add("name", "x")
                    .add("kind", "SQUAD")
                    .build())
            .field());
    Api.Answer secondDivision =
        admin.post(
            "commands",
            Json.createObjectBuilder()
                .add("code", "INTEL-" + suffix)
                .add("name", "A second intelligence division")
                .add("kind", "INTELLIGENCE_DIVISION")
                .build());
    assertEquals(400, secondDivision.status(), secondDivision.body());
    assertEquals("kind", secondDivision.field());
    assertTrue(secondDivision.body().contains("Handschu"), secondDivision.body());

    JsonObject newSystem =
        Json.createObjectBuilder()
            .add("code", system)
            .add("name", "Licence plate reader " + suffix)
            .add("category", "RECORD_MANAGEMENT")
            .add("reviewLayers", 1)
            .build();
    assertEquals(403, Api.as(url, "co.ramirez").post("technologies", newSystem).status());
    Api.Answer technology = admin.post("technologies", newSystem);
    assertEquals(201, technology.status(), technology.body());
    assertEquals(1, technology.json().getInt("reviewLayers"));
    assertEquals(409, admin.post("technologies", newSystem).status());
    assertEquals(
        "category",
        admin
            .post(
                "technologies",
                Json.createObjectBuilder()
                    .add("code", "X-" + suffix)
                    .add("name", "x")
                    .add("category", "DRONE")
                    .add("reviewLayers", 1)
                    .build())
            .field());

    JsonObject read =
        Json.createObjectBuilder().add("code", "READ").add("name", "Read plate hits").build();
    assertEquals(
        403,
        Api.as(url, "co.ramirez").post("technologies/" + system + "/access-levels", read).status());
    Api.Answer level = admin.post("technologies/" + system + "/access-levels", read);
    assertEquals(201, level.status(), level.body());
    assertEquals(
        "READ", level.json().getJsonArray("accessLevels").getJsonObject(0).getString("code"));
    assertEquals(409, admin.post("technologies/" + system + "/access-levels", read).status());
    assertEquals(404, admin.post("technologies/NOPE-" + suffix + "/access-levels", read).status());
    Api.Answer political =
        admin.post(
            "technologies/" + system + "/access-levels",
            Json.createObjectBuilder()
                .add("code", "POLITICAL-ACTIVITY")
                .add("name", "Plates at political-activity investigations")
                .add("intelligenceOnly", true)
                .build());
    assertEquals(201, political.status(), political.body());
    assertEquals(
        "levels",
        admin
            .put(
                "commands/" + unit + "/permitted-levels",
                body(List.of(system + ":POLITICAL-ACTIVITY")))
            .field(),
        "an intelligence-only level is for the Intelligence Division alone");
    assertEquals(
        200,
        admin
            .put("commands/" + unit + "/permitted-levels", body(List.of(system + ":READ")))
            .status());

    // a Commanding Officer of the new unit requests the new level for a member of it
    Api.Answer co =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("username", "co.test" + suffix)
                .add("password", "a-long-test-password")
                .add("roles", Json.createArrayBuilder().add("commanding-officer"))
                .add("command", unit)
                .build());
    assertEquals(201, co.status(), co.body());
    Scenario scenario = new Scenario(url);
    long member = scenario.newMember(unit);
    Api coOfUnit = Api.as(url, "co.test" + suffix, "a-long-test-password");
    assertEquals(
        "accessLevel",
        coOfUnit
            .post("access-requests", Scenario.request(member, system, "POLITICAL-ACTIVITY"))
            .field(),
        "not a level the unit's functions justify");
    Api.Answer submitted =
        coOfUnit.post("access-requests", Scenario.request(member, system, "READ"));
    assertEquals(201, submitted.status(), submitted.body());
    assertEquals(1, submitted.json().getInt("reviewLayers"));
    String key = submitted.json().getString("businessKey");
    assertEquals(
        204, scenario.decide("rev.one", scenario.taskOf("rev.one", key), "APPROVE", null).status());
    assertTrue(
        coOfUnit.get("members/" + member + "/grants").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(g -> g.getString("technology").equals(system)),
        "the member holds the new access");

    List<String> actions = AuditTrail.actions(mark, "admin");
    for (String action :
        List.of(
            "COMMAND_ADDED", "TECHNOLOGY_ADDED", "ACCESS_LEVEL_ADDED", "COMMAND_LEVELS_CHANGED")) {
      assertTrue(actions.contains(action), action + " in " + actions);
    }
  }

  @Test
  void anAdministratorCorrectsAMembersNameAndRankWithoutTheNameInTheLog() {
    Api admin = Api.as(url, "admin");
    long member = new Scenario(url).newMember("PCT-075");
    long mark = AuditTrail.mark();
    JsonObject promoted =
        Json.createObjectBuilder().add("name", "Dana Q. Whitlock").add("rank", "Sergeant").build();
    assertEquals(403, Api.as(url, "co.ramirez").put("members/" + member, promoted).status());
    assertEquals(404, admin.put("members/999999999", promoted).status());
    assertEquals(
        "rank",
        admin
            .put(
                "members/" + member,
                Json.createObjectBuilder().add("name", "Dana Whitlock").add("rank", " ").build())
            .field());
    Api.Answer changed = admin.put("members/" + member, promoted);
    assertEquals(200, changed.status(), changed.body());
    assertEquals("Sergeant", changed.json().getString("rank"));
    assertEquals("Dana Q. Whitlock", changed.json().getString("name"));
    assertEquals("PCT-075", changed.json().getString("command"));
    List<AuditTrail.Entry> entries = AuditTrail.since(mark, "admin");
    AuditTrail.Entry entry =
        entries.stream()
            .filter(e -> e.action().equals("MEMBER_CHANGED"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("MEMBER_CHANGED in " + entries));
    assertTrue(entry.details().contains("name changed"), entry.details());
    assertTrue(entry.details().contains("Police Officer -> Sergeant"), entry.details());
    assertTrue(!entry.details().contains("Whitlock"), "no name in the log: " + entry.details());
  }
}
