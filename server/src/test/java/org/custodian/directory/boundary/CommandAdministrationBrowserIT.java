package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Browser;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The administrator ticks a level for a command on the Commands screen, and is refused an
 * intelligence-only one for a precinct; the test puts the command back as it found it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CommandAdministrationBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private List<String> levels() {
    return Api.as(url, "admin")
        .get("commands/PCT-040")
        .json()
        .getJsonArray("permittedLevels")
        .stream()
        .map(JsonValue::asJsonObject)
        .map(l -> l.getString("technology") + ":" + l.getString("accessLevel"))
        .sorted()
        .toList();
  }

  @Test
  void anAdministratorChangesWhatACommandsFunctionsJustify() {
    List<String> original = levels();
    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.click(By.id("commandsLink"));
      browser.choose("levels:command", "PCT-040");
      // the ajax update shows PCT-040's levels before any box is ticked
      browser.waitFor(
          By.xpath("//*[@id='levels:permitted']//label[text()='CMS:POLITICAL-ACTIVITY']"));
      browser.click(
          By.xpath("//*[@id='levels:permitted']//label[text()='CMS:POLITICAL-ACTIVITY']"));
      browser.click(By.id("levels:save"));
      browser.waitForText(By.id("levels"), "Intelligence Division");
      assertEquals(original, levels(), "nothing saved");
    } finally {
      JsonArrayBuilder array = Json.createArrayBuilder();
      original.forEach(array::add);
      Api.as(url, "admin")
          .put(
              "commands/PCT-040/permitted-levels",
              Json.createObjectBuilder().add("levels", array).build());
    }
    assertTrue(levels().equals(original));
  }

  /**
   * The administrator adds a unit, a system and its level on the Commands screen, ticks the level
   * for the unit, then adds a member to the unit on the Members screen and corrects their rank.
   */
  @Test
  void anAdministratorAddsAUnitASystemALevelAndAMember() {
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String unit = "UNIT-" + suffix;
    String system = "SYS-" + suffix;
    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.click(By.id("commandsLink"));

      browser.waitFor(By.id("addCommand:code")).sendKeys(unit);
      browser.driver().findElement(By.id("addCommand:name")).sendKeys("Test Unit " + suffix);
      browser.choose("addCommand:kind", "UNIT");
      browser.click(By.id("addCommand:submit"));
      browser.waitForText(By.id("messages"), unit + " added");

      browser.waitFor(By.id("addTechnology:code")).sendKeys(system);
      browser.driver().findElement(By.id("addTechnology:name")).sendKeys("Test system " + suffix);
      browser.choose("addTechnology:category", "RECORD_MANAGEMENT");
      browser.choose("addTechnology:reviewLayers", "1");
      browser.click(By.id("addTechnology:submit"));
      browser.waitForText(By.id("messages"), system + " added");

      // a code with a space is refused beside the field; then the level is added
      browser.waitFor(By.id("addLevel:code")).sendKeys("READ ALL");
      browser.driver().findElement(By.id("addLevel:name")).sendKeys("Read the hits");
      browser.click(By.id("addLevel:submit"));
      browser.waitForText(By.id("addLevel"), "capital letters, digits and dashes");
      browser.waitFor(By.id("addLevel:code")).clear();
      browser.driver().findElement(By.id("addLevel:code")).sendKeys("READ");
      browser.click(By.id("addLevel:submit"));
      browser.waitForText(By.id("messages"), system + ":READ added");

      browser.choose("levels:command", unit);
      By read = By.xpath("//*[@id='levels:permitted']//label[text()='" + system + ":READ']");
      browser.waitFor(read);
      browser.click(read);
      browser.click(By.id("levels:save"));
      browser.waitForText(By.id("messages"), unit + ": permitted levels saved");
      assertEquals(
          List.of(system + ":READ"),
          Api.as(url, "admin")
              .get("commands/" + unit)
              .json()
              .getJsonArray("permittedLevels")
              .stream()
              .map(JsonValue::asJsonObject)
              .map(l -> l.getString("technology") + ":" + l.getString("accessLevel"))
              .toList());

      // the new system's review layers, from 1 to 2, in the table of systems
      String layers =
          browser
              .driver()
              .findElement(
                  By.xpath(
                      "//tr[td[contains(., '("
                          + system
                          + ")')]]//div[contains(@class, 'ui-selectonemenu')]"))
              .getAttribute("id");
      browser.choose(layers, "2");
      browser.click(By.id("technologies:saveLayers"));
      browser.waitForText(By.id("messages"), "Review layers saved");
      assertEquals(
          2,
          Api.as(url, "admin").get("technologies").array().stream()
              .map(JsonValue::asJsonObject)
              .filter(t -> t.getString("code").equals(system))
              .findFirst()
              .orElseThrow()
              .getInt("reviewLayers"));

      browser.click(By.id("membersLink"));
      String tax = Api.newTaxNumber();
      browser.waitFor(By.id("add:taxNumber")).sendKeys(tax);
      browser.driver().findElement(By.id("add:name")).sendKeys("Ines Varga");
      browser.driver().findElement(By.id("add:rank")).sendKeys("Police Officer");
      browser.choose("add:command", unit);
      browser.click(By.id("add:submit"));
      browser.waitForText(By.id("list:members"), tax);
      browser.click(By.id("list:members:0:edit"));
      browser.waitFor(By.id("edit:rank")).clear();
      browser.driver().findElement(By.id("edit:rank")).sendKeys("Detective");
      browser.click(By.id("edit:save"));
      browser.waitForText(By.id("list:members"), "Detective");
    }
    JsonValue member = Api.as(url, "admin").get("members?command=" + unit).array().get(0);
    assertEquals("Detective", member.asJsonObject().getString("rank"));
    assertEquals("Ines Varga", member.asJsonObject().getString("name"));
  }
}
