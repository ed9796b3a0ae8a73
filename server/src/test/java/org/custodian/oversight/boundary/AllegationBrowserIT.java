package org.custodian.oversight.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.YearMonth;
import org.custodian.testing.Api;
import org.custodian.testing.Browser;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * The oversight story end to end, in real Chromium: a member with a grant uses the case management
 * system; the month's misuse audit opens; the Commanding Officer flags the event questionable;
 * Internal Affairs opens an allegation with that event, keeps the case, substantiates it, and the
 * member's grant ends.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AllegationBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void eventsArriveTheCoFlagsOneIabSubstantiatesItAndTheGrantEnds() {
    // a month of its own, so the test can run again on the same database
    YearMonth month =
        YearMonth.of(2000 + (int) (System.nanoTime() % 20), 1 + (int) (System.nanoTime() / 7 % 12));
    Scenario.Added member = new Scenario(url).added("PCT-075", "Flagged Member " + month);
    String tax = member.taxNumber();
    new Scenario(url).granted("co.ramirez", member.id(), "CMS", "VIEW");
    new Scenario(url)
        .reported(
            Json.createObjectBuilder()
                .add("eventId", "flag-" + System.nanoTime())
                .add("at", month.atDay(12) + "T16:00:00Z")
                .add("memberTaxNumber", tax)
                .add("action", "VIEW")
                .add("subject", "Flagged Neighbor " + tax)
                .add("purpose", "none given")
                .build());
    String eventId = new Scenario(url).newestEventOf(tax);
    Api.Answer opened =
        Api.as(url, "iab.santos")
            .post(
                "misuse-audits",
                Json.createObjectBuilder().add("period", month.toString()).build());
    String auditKey =
        opened.array().stream()
            .map(JsonValue::asJsonObject)
            .filter(a -> a.getString("command").equals("PCT-075"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(opened.body()))
            .getString("businessKey");
    String auditTask = Api.as(url, "co.ramirez").taskOf(auditKey, "Task_AuditSystemUse");

    try (Browser browser = new Browser(url)) {
      // the Commanding Officer flags the sampled event
      browser.signIn("co.ramirez");
      browser.open("oversight/misuse-audit.xhtml?task=" + auditTask);
      browser.waitForText(By.id("audit:events"), "Flagged Neighbor " + tax);
      browser.choose("audit:events:0:verdict", "Questionable");
      browser
          .driver()
          .findElement(By.id("audit:events:0:note"))
          .sendKeys("The member has no case for this neighbor.");
      browser.click(By.id("audit:reviewRest"));
      // the ajax update has marked every other row before the form is sent
      new org.openqa.selenium.support.ui.WebDriverWait(
              browser.driver(), java.time.Duration.ofSeconds(20))
          .until(
              d ->
                  (Boolean)
                      ((org.openqa.selenium.JavascriptExecutor) d)
                          .executeScript(
                              "return Array.from(document.querySelectorAll(\"[id$=':verdict_label']\"))"
                                  + ".slice(1).every(e => e.textContent.trim() == 'Reviewed');"));
      browser.waitForText(By.id("audit:events:0:verdict_label"), "Questionable");
      browser.click(By.id("audit:submit"));
      browser.waitForText(By.id("messages"), "is recorded");

      // Internal Affairs opens an allegation with that event
      browser.signIn("iab.santos");
      browser.click(By.id("allegationsLink"));
      browser.waitFor(By.id("file:memberTaxNumber")).sendKeys(tax);
      browser
          .driver()
          .findElement(By.id("file:summary"))
          .sendKeys("Flagged in the monthly audit: a neighbor's record viewed with no case.");
      browser.driver().findElement(By.id("file:eventIds")).sendKeys(eventId);
      browser.click(By.id("file:submit"));
      browser.waitForText(By.id("status"), "TRIAGE");
      JsonObject allegation =
          Api.as(url, "iab.santos").get("misuse-allegations").array().stream()
              .map(JsonValue::asJsonObject)
              .filter(a -> a.getString("memberTaxNumber").equals(tax))
              .findFirst()
              .orElseThrow();
      String key = allegation.getString("businessKey");
      long id = allegation.getJsonNumber("id").longValue();

      // triage: Internal Affairs keeps it
      String triage = Api.as(url, "iab.santos").taskOf(key, "Task_TriageAllegation");
      assertNotNull(triage);
      browser.open("oversight/allegation.xhtml?id=" + id + "&task=" + triage);
      browser.click(By.cssSelector("label[for='decide:route:1']"));
      browser.click(By.id("decide:triage"));
      browser.waitForText(By.id("messages"), "Triaged");

      // the investigation: substantiated, the grant ends now
      String investigate = Api.as(url, "iab.santos").taskOf(key, "Task_InvestigateAllegation");
      browser.open("oversight/allegation.xhtml?id=" + id + "&task=" + investigate);
      browser.choose("decide:outcome", "Substantiated");
      browser
          .driver()
          .findElement(By.id("decide:conclusion"))
          .sendKeys("The member viewed the neighbor's record for a personal reason.");
      browser.choose("decide:grantActions:0:action", "End now");
      browser.screenshot("allegation.png");
      browser.click(By.id("decide:conclude"));
      browser.waitForText(By.id("messages"), "Concluded");

      browser.open("oversight/allegation.xhtml?id=" + id);
      browser.waitForText(By.id("status"), "SUBSTANTIATED");
      browser.waitForText(By.id("grants"), "ended");
      // the case's audit entries, with their place in the transparency log
      String entries = browser.auditEntriesOnceIncluded();
      assertTrue(entries.contains("MISUSE_ALLEGATION_FILED"), entries);
      assertTrue(entries.matches("(?s).*entry \\d+, included in checkpoint \\d+.*"), entries);
    }
    JsonObject after =
        Api.as(url, "iab.santos").get("misuse-allegations/" + allegationId(tax)).json();
    assertEquals("SUBSTANTIATED", after.getString("outcome"));
    assertFalse(after.getJsonArray("grants").getJsonObject(0).getBoolean("active"));
  }

  @Test
  void theCommandSuspendsTheGrantUntilADateAndTheMembersPageSaysSo() {
    Scenario.Added member =
        new Scenario(url).added("PCT-075", "Suspended Member " + System.nanoTime());
    new Scenario(url).granted("co.ramirez", member.id(), "CMS", "VIEW");
    Api.Answer filed =
        Api.as(url, "iab.santos")
            .post(
                "misuse-allegations",
                Json.createObjectBuilder()
                    .add("memberTaxNumber", member.taxNumber())
                    .add("summary", "Searched a former partner's address with no case behind it.")
                    .build());
    String key = filed.json().getString("businessKey");
    long id = filed.json().getJsonNumber("id").longValue();
    Api.as(url, "iab.santos")
        .post(
            "tasks/" + Api.as(url, "iab.santos").taskOf(key, "Task_TriageAllegation") + "/complete",
            Json.createObjectBuilder().add("route", "COMMAND").build());
    String investigate = Api.as(url, "co.ramirez").taskOf(key, "Task_InvestigateAllegation");
    java.time.LocalDate resumeOn =
        java.time.LocalDate.now(java.time.ZoneId.of("America/New_York")).plusDays(45);

    try (Browser browser = new Browser(url)) {
      browser.signIn("co.ramirez");
      browser.open("oversight/allegation.xhtml?id=" + id + "&task=" + investigate);
      browser
          .waitFor(By.id("decide:conclusion"))
          .sendKeys("The member searched the address for a personal reason, once.");
      browser.choose("decide:outcome", "Substantiated");
      browser.choose("decide:grantActions:0:action", "Suspend");
      browser.click(By.id("decide:conclude"));
      browser.waitForText(By.id("decide"), "is required to suspend a grant");

      browser.choose("decide:grantActions:0:action", "Suspend");
      browser.typeDate(By.id("decide:resumeOn_input"), resumeOn.toString());
      browser.click(By.id("decide:conclude"));
      browser.waitForText(By.id("messages"), "Concluded");

      browser.open("oversight/allegation.xhtml?id=" + id);
      browser.waitForText(By.id("grants"), "suspended until");
      browser.click(By.id("allegationsLink"));
      browser.waitForText(By.id("list:allegations"), key);
      browser.open("access/member.xhtml?id=" + member.id());
      browser.waitForText(
          By.id("grants"),
          "Suspended until "
              + resumeOn.format(
                  java.time.format.DateTimeFormatter.ofPattern(
                      "MMM d, yyyy", java.util.Locale.US)));
      browser.waitForText(By.id("grants"), key);
    }
  }

  private long allegationId(String tax) {
    return Api.as(url, "iab.santos").get("misuse-allegations").array().stream()
        .map(JsonValue::asJsonObject)
        .filter(a -> a.getString("memberTaxNumber").equals(tax))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }
}
