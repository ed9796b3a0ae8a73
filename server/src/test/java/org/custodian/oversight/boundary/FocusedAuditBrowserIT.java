package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
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
 * In real Chromium: Internal Affairs requests a focused audit of a member on the Focused audits
 * screen; the Information Technology Bureau approves it from its page; the request's page then
 * offers the report.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FocusedAuditBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void internalAffairsRequestsTheBureauApprovesAndTheReportIsOffered() {
    String reason = "Browser test: a complaint about look-ups, " + System.nanoTime();
    try (Browser browser = new Browser(url)) {
      browser.signIn("iab.santos");
      browser.click(By.id("focusedAuditsLink"));
      browser.waitFor(By.id("request:members")).sendKeys("940002");
      browser.driver().findElement(By.id("request:reason")).sendKeys(reason);
      browser.typeDate(By.id("request:from_input"), "2026-11-01");
      browser.typeDate(By.id("request:to_input"), "2026-11-30");
      browser.click(By.id("request:submit"));
      browser.waitForText(By.id("status"), "REQUESTED");

      JsonObject request =
          Api.as(url, "iab.santos").get("focused-audits").array().stream()
              .map(JsonValue::asJsonObject)
              .filter(a -> a.getString("reason").equals(reason))
              .findFirst()
              .orElseThrow();
      String key = request.getString("businessKey");
      long id = request.getJsonNumber("id").longValue();
      String task = Api.as(url, "itb.kim").taskOf(key, "Task_ReviewFocusedAudit");
      assertNotNull(task);

      browser.signIn("itb.kim");
      browser.open("oversight/focused-audit.xhtml?id=" + id + "&task=" + task);
      browser.click(By.cssSelector("label[for='decide:decision:0']"));
      browser.click(By.id("decide:submit"));
      browser.waitForText(By.id("messages"), "decided");

      browser.signIn("iab.santos");
      browser.open("oversight/focused-audit.xhtml?id=" + id);
      browser.waitForText(By.id("status"), "APPROVED by itb.kim");
      browser.waitFor(By.id("reportCsv"));
      // the case's audit entries, with their place in the transparency log
      String entries = browser.auditEntriesOnceIncluded();
      assertTrue(entries.contains("FOCUSED_AUDIT_REQUESTED"), entries);
      assertTrue(entries.contains("FOCUSED_AUDIT_APPROVED"), entries);
      assertTrue(entries.matches("(?s).*entry \\d+, included in checkpoint \\d+.*"), entries);
      // the requester's list, read a page at a time
      browser.click(By.id("focusedAuditsLink"));
      browser.waitForText(By.id("list:audits"), key);
    }
    assertEquals(
        200,
        Api.as(url, "iab.santos").download("focused-audits/" + id(reason) + "/report").status());
  }

  private long id(String reason) {
    return Api.as(url, "iab.santos").get("focused-audits").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getString("reason").equals(reason))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }
}
