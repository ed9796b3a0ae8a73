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
}
