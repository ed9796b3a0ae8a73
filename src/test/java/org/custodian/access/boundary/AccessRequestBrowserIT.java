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
    String memberName = Api.as(url, "co.ramirez").get("members?command=PCT-075").array().stream()
        .map(v -> v.asJsonObject())
        .filter(m -> m.getJsonNumber("id").longValue() == memberId)
        .map(m -> m.getString("name") + " · " + m.getString("rank") + " · " + m.getString("taxNumber"))
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
      String heading = browser.waitFor(By.tagName("h1")).getText();
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
        browser.waitFor(By.id("decide:comment")).sendKeys("Need is articulated and fits the command's functions.");
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
    }
    assertEquals(1, Api.as(url, "co.ramirez").get("members/" + memberId + "/grants").array().size());
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
      assertTrue(browser.waitFor(By.id("request:justificationMessage")).getText().contains("at least 30"));
      assertEquals("too short", browser.driver().findElement(By.id("request:justification")).getAttribute("value"));
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
