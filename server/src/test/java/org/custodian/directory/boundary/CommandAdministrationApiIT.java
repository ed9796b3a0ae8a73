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
}
