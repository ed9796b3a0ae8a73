package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
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
 * In real Chromium: the case management system reports a separated member's search, and the
 * member's Commanding Officer finds it under Access findings; another precinct's does not.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FindingsBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void theCommandingOfficerSeesTheirCommandsFindings() {
    String record = "CMS-BROWSER-" + System.nanoTime();
    // 931004, Tom Keller of PCT-075, has separated (demo data)
    Api.Answer posted =
        Api.as(url, "system.cms")
            .post(
                "access-events",
                Json.createObjectBuilder()
                    .add(
                        "events",
                        Json.createArrayBuilder()
                            .add(
                                Json.createObjectBuilder()
                                    .add("eventId", record)
                                    .add("at", "2026-12-05T11:30:00Z")
                                    .add("memberTaxNumber", "931004")
                                    .add("action", "SEARCH")
                                    .add("subject", "Jordan Example")
                                    .add("record", record)))
                    .build());
    assertEquals(200, posted.status(), posted.body());
    assertEquals(1, posted.json().getInt("accepted"), posted.body());

    try (Browser browser = new Browser(url)) {
      browser.signIn("co.ramirez");
      browser.click(By.id("findingsLink"));
      String table = browser.text(By.id("findings"));
      assertTrue(table.contains(record), table);
      assertTrue(table.contains("SEPARATED_MEMBER"), table);
      assertTrue(table.contains("931004"), table);

      browser.signIn("co.okafor");
      browser.click(By.id("findingsLink"));
      assertFalse(browser.text(By.id("findings")).contains(record), "another precinct's");

      browser.signIn("rev.one");
      assertTrue(
          browser.driver().findElements(By.id("findingsLink")).isEmpty(),
          "a reviewer has no findings to read");
    }
  }
}
