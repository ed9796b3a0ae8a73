package org.custodian.access.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
 * In real Chromium: a Commanding Officer submits, the layer-1 and layer-2 reviewers approve from
 * their inboxes, and the Commanding Officer sees APPROVED. Saves the README's screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessRequestBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void commandingOfficerSubmitsTwoLayersApproveAndTheOfficerSeesApproved() {
    long memberId = new Scenario(url).newMember("PCT-075");
    String memberName =
        Api.as(url, "co.ramirez").get("members?command=PCT-075").array().stream()
            .map(v -> v.asJsonObject())
            .filter(m -> m.getJsonNumber("id").longValue() == memberId)
            .map(
                m ->
                    m.getString("name")
                        + " · "
                        + m.getString("rank")
                        + " · "
                        + m.getString("taxNumber"))
            .findFirst()
            .orElseThrow();

    try (Browser browser = new Browser(url)) {
      browser.signIn("co.ramirez");
      browser.open("access/new.xhtml");
      browser.choose("request:memberId", memberName);
      browser.choose("request:technology", "Case management system");
      browser.choose("request:accessLevel", "View case records");
      browser.waitFor(By.id("request:justification")).sendKeys(Scenario.JUSTIFICATION);
      browser.click(By.id("request:submit"));
      browser.waitForText(By.id("status"), "IN_REVIEW");
      String heading = browser.text(By.tagName("h1"));
      String businessKey = heading.substring(heading.indexOf("AR-"));

      for (String reviewer : new String[] {"rev.one", "rev.two"}) {
        browser.signIn(reviewer);
        browser.open("inbox/index.xhtml");
        By row = By.linkText(businessKey);
        browser.waitFor(row);
        if (reviewer.equals("rev.one")) {
          browser.screenshot("inbox.png");
        }
        browser.click(row);
        browser.waitFor(By.id("justification"));
        browser.click(By.cssSelector("label[for='decide:decision:0']"));
        browser
            .waitFor(By.id("decide:comment"))
            .sendKeys("Need is articulated and fits the command's functions.");
        browser.click(By.id("decide:submitDecision"));
        browser.waitFor(By.id("inbox:tasks"));
      }

      browser.signIn("co.ramirez");
      browser.open("access/mine.xhtml");
      browser.click(By.linkText(businessKey));
      browser.waitForText(By.id("status"), "APPROVED");
      browser.waitFor(By.id("diagram"));
      browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1650));
      browser.screenshot("request.png");
      assertTrue(browser.driver().getPageSource().contains("Approved layer 2"));

      // the case's audit entries, each with its place in the transparency log
      String entries = browser.auditEntriesOnceIncluded();
      assertTrue(entries.contains("ACCESS_REQUEST_SUBMITTED"), entries);
      assertTrue(entries.matches("(?s).*entry \\d+, included in checkpoint \\d+.*"), entries);
      assertTrue(!entries.contains("co.ramirez"), "who acted is for auditors: " + entries);
    }
    assertEquals(
        1, Api.as(url, "co.ramirez").get("members/" + memberId + "/grants").array().size());
  }

  @Test
  void adminRecordsAReassignmentAndTheNewCommandingOfficerKeepsAllGrants() {
    Scenario scenario = new Scenario(url);
    long memberId = scenario.newMember("PCT-075");
    scenario.granted("co.ramirez", memberId, "CMS", "VIEW");
    scenario.granted("co.ramirez", memberId, "PED", "STANDARD");
    String taxNumber =
        Api.as(url, "admin").get("members?command=PCT-075").array().stream()
            .map(v -> v.asJsonObject())
            .filter(m -> m.getJsonNumber("id").longValue() == memberId)
            .map(m -> m.getString("taxNumber"))
            .findFirst()
            .orElseThrow();

    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.open("access/personnel-event.xhtml");
      browser.waitFor(By.id("event:taxNumber")).sendKeys(taxNumber);
      browser.choose("event:newCommand", "40th Precinct (PCT-040)");
      browser.click(By.id("event:record"));
      browser.waitForText(By.id("command"), "PCT-040");

      browser.signIn("co.okafor");
      browser.open("inbox/index.xhtml");
      browser.click(
          By.xpath(
              "//tr[td[contains(., 'Confirm continued need')]]//a[starts-with(text(), 'PE-')]"));
      browser.click(By.id("confirm:keepAll"));
      browser.waitFor(By.cssSelector("[id$='choice'] .ui-radiobutton-box.ui-state-active"));
      browser.screenshot("confirm-continued-need.png");
      browser.click(By.id("confirm:submit"));
      browser.waitFor(By.id("inbox:tasks"));
    }
    var grants = Api.as(url, "admin").get("members/" + memberId + "/grants").array();
    assertEquals(2, grants.size());
    assertTrue(grants.stream().allMatch(g -> g.asJsonObject().isNull("endedAt")), "both kept");
  }

  @Test
  void commandingOfficerRecertifiesWithBulkKeep() {
    Scenario scenario = new Scenario(url);
    long memberId = scenario.newMember("PCT-040");
    scenario.granted("co.okafor", memberId, "CAMERA", "STANDARD");

    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.open("access/campaigns.xhtml");
      browser.click(By.id("campaigns:startNow"));
      browser.waitFor(By.id("selected"));

      browser.signIn("co.okafor");
      browser.open("inbox/index.xhtml");
      browser.click(
          By.xpath(
              "//tr[td[contains(., 'Recertify access for PCT-040')]]//a[starts-with(text(), 'RC-')]"));
      browser.click(By.id("recertify:keepAll"));
      browser.waitFor(By.cssSelector("[id$='choice'] .ui-radiobutton-box.ui-state-active"));
      browser.screenshot("recertify.png");
      browser.click(By.id("recertify:submit"));
      browser.waitFor(By.id("inbox:tasks"));

      browser.open("access/campaigns.xhtml");
      browser.waitFor(By.id("progress"));
      String progress = browser.text(By.id("progress"));
      assertTrue(progress.contains("PCT-040"), progress);
    }
    assertTrue(
        Api.as(url, "admin").get("members/" + memberId + "/grants").array().stream()
            .allMatch(g -> g.asJsonObject().isNull("endedAt")),
        "kept");
  }

  @Test
  void badInputStaysOnThePageWithAMessageBesideTheField() {
    try (Browser browser = new Browser(url)) {
      browser.signIn("co.ramirez");
      browser.open("access/new.xhtml");
      browser.choose("request:technology", "Case management system");
      browser.waitFor(By.id("request:justification")).sendKeys("too short");
      browser.click(By.id("request:submit"));
      browser.waitFor(By.id("request:memberIdMessage"));
      assertTrue(browser.text(By.id("request:justificationMessage")).contains("at least 30"));
      assertEquals(
          "too short",
          browser.driver().findElement(By.id("request:justification")).getAttribute("value"));
    }
  }

  @Test
  void aReviewerCannotOpenTheNewRequestScreen() {
    try (Browser browser = new Browser(url)) {
      browser.signIn("rev.one");
      browser.open("access/new.xhtml");
      browser.waitFor(By.id("denied"));
    }
  }
}
