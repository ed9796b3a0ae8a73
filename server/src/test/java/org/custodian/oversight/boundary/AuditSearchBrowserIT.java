package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * In real Chromium: an auditor searches the log for who accessed a person and finds two members of
 * two precincts; a Commanding Officer following a link with the same subject finds only their own
 * member; a reviewer has no console.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditSearchBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void anAuditorFindsWhoAccessedAPersonAndACommandingOfficerOnlyTheirOwnMembers() {
    String run = String.valueOf(System.nanoTime());
    String subject = "Casey Browser " + run;
    Api.Answer posted =
        Api.as(url, "system.cms")
            .post(
                "access-events",
                Json.createObjectBuilder()
                    .add(
                        "events",
                        Json.createArrayBuilder()
                            // Marcus Bell of PCT-075 and Lena Novak of PCT-040 (demo data)
                            .add(event(run + "-1", "931002", "SEARCH", subject))
                            .add(event(run + "-2", "940002", "VIEW", subject)))
                    .build());
    assertEquals(200, posted.status(), posted.body());
    assertEquals(2, posted.json().getInt("accepted"), posted.body());

    try (Browser browser = new Browser(url)) {
      browser.signIn("auditor.iab");
      browser.click(By.id("auditSearchLink"));
      browser.waitFor(By.id("search:subject")).sendKeys(subject);
      browser.click(By.id("search:go"));
      browser.waitForText(By.id("search:entries"), "Lena Novak");
      String table = browser.text(By.id("search:entries"));
      assertTrue(table.contains("Marcus Bell") && table.contains("PCT-075"), table);
      assertTrue(table.contains("CMS VIEW") && table.contains("CMS SEARCH"), table);
      assertTrue(table.contains("system.cms"), table);
      browser.screenshot("audit-search.png");

      browser.signIn("co.ramirez");
      browser.open(
          "oversight/audit-search.xhtml?subject="
              + URLEncoder.encode(subject, StandardCharsets.UTF_8));
      browser.waitForText(By.id("search:entries"), "Marcus Bell");
      assertFalse(
          browser.text(By.id("search:entries")).contains("Lena Novak"),
          "another precinct's member is not this Commanding Officer's to audit");

      browser.signIn("rev.one");
      assertTrue(
          browser.driver().findElements(By.id("auditSearchLink")).isEmpty(),
          "a reviewer has no console");
      browser.open("oversight/audit-search.xhtml?subject=x");
      assertTrue(
          browser.driver().findElements(By.id("search:entries")).isEmpty(),
          "nor can open it by its address");
    }
  }

  private static jakarta.json.JsonObject event(
      String id, String tax, String action, String subject) {
    return Json.createObjectBuilder()
        .add("eventId", id)
        .add("at", "2026-12-05T09:00:00Z")
        .add("memberTaxNumber", tax)
        .add("action", action)
        .add("subject", subject)
        .add("record", "CMS-" + id)
        .build();
  }
}
