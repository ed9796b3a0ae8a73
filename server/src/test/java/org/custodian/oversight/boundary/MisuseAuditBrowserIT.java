package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.net.URL;
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
 * In real Chromium: the 75th Precinct's members used the case management system in a month; the
 * month's audit opens; the Commanding Officer marks one event questionable with a note and the rest
 * reviewed; Internal Affairs sees the audit completed with one questionable event.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MisuseAuditBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void theCommandingOfficerFlagsAnEventAndInternalAffairsSeesTheAuditDone() {
    String run = "mab" + System.nanoTime();
    // a month of its own, so the test can run again on the same database
    java.time.YearMonth month =
        java.time.YearMonth.of(
            1950 + (int) (System.nanoTime() % 49), 1 + (int) (System.nanoTime() / 7 % 12));
    JsonArrayBuilder events = Json.createArrayBuilder();
    for (int i = 0; i < 4; i++) {
      events.add(
          Json.createObjectBuilder()
              .add("eventId", run + "-" + i)
              .add("at", month.atDay(10 + i) + "T15:00:00Z")
              // Marcus Bell and Priya Shah of PCT-075 (demo data)
              .add("memberTaxNumber", i % 2 == 0 ? "931002" : "931003")
              .add("action", "SEARCH")
              .add("subject", "Browser Person " + i)
              .add("purpose", "case follow-up"));
    }
    Api.Answer reported =
        Api.as(url, "system.cms")
            .post("access-events", Json.createObjectBuilder().add("events", events).build());
    assertEquals(4, reported.json().getInt("accepted"), reported.body());
    Api.Answer opened =
        Api.as(url, "iab.santos")
            .post(
                "misuse-audits",
                Json.createObjectBuilder().add("period", month.toString()).build());
    assertEquals(201, opened.status(), opened.body());
    String key =
        opened.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("command").equals("PCT-075"))
            .findFirst()
            .orElseThrow()
            .getString("businessKey");
    String task = Api.as(url, "co.ramirez").taskOf(key, "Task_AuditSystemUse");
    assertNotNull(task);

    try (Browser browser = new Browser(url)) {
      browser.signIn("co.ramirez");
      browser.open("oversight/misuse-audit.xhtml?task=" + task);
      browser.waitForText(By.id("audit:events"), "Browser Person");
      browser.choose("audit:events:0:verdict", "Questionable");
      browser
          .driver()
          .findElement(By.id("audit:events:0:note"))
          .sendKeys("No case of the member's names this person.");
      browser.click(By.id("audit:reviewRest"));
      // the ajax update has filled in the other rows
      browser.waitForText(By.id("audit:events:3:verdict_label"), "Reviewed");
      browser.screenshot("misuse-audit.png");
      browser.click(By.id("audit:submit"));
      browser.waitForText(By.id("messages"), "is recorded");

      browser.signIn("iab.santos");
      browser.click(By.id("misuseAuditsLink"));
      browser.waitFor(By.id("audits:period")).sendKeys(month.toString());
      browser.click(By.id("audits:show"));
      browser.waitForText(By.id("audits:standing"), key);
      String table = browser.text(By.id("audits:standing"));
      assertTrue(table.contains("COMPLETED"), table);
      assertTrue(table.contains("PCT-075"), table);
    }
    assertEquals(
        1,
        Api.as(url, "iab.santos").get("misuse-audits?period=" + month).array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("businessKey").equals(key))
            .findFirst()
            .orElseThrow()
            .getInt("questionable"));
  }
}
