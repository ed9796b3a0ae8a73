package org.custodian.breach.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
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
 * In real Chromium: a member reports a suspected improper disclosure, the APO confirms it and
 * reports to the City CPO from the inbox (a live countdown shows the time left), and the City CPO
 * acknowledges it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BreachBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void memberReportsApoConfirmsAndReportsCityCpoAcknowledges() {
    try (Browser browser = new Browser(url)) {
      browser.signIn("member.diaz");
      browser.open("breach/index.xhtml");
      browser.click(By.id("newBreach"));
      browser
          .waitFor(By.id("breach:summary"))
          .sendKeys(
              "A stop report with a witness's name and address was posted in a public group chat.");
      browser.waitFor(By.id("breach:disclosedTo")).sendKeys("Members of a public messaging group");
      browser.waitFor(By.id("breach:discoveredHow")).sendKeys("A sergeant saw the screenshot.");
      browser.click(By.cssSelector("label[for='breach:dataCategories:0']"));
      browser.click(By.cssSelector("label[for='breach:dataCategories:2']"));
      browser.waitFor(By.id("breach:affectedNames")).sendKeys("K. Osei");
      browser.click(By.id("breach:submit"));
      browser.waitForText(By.id("status"), "ASSESSING");
      String heading = browser.text(By.tagName("h1"));
      String businessKey = heading.substring(heading.indexOf("BR-"));

      browser.signIn("apo.legal");
      browser.open("inbox/index.xhtml");
      browser.waitForText(
          By.xpath("//tr[.//a[text()='" + businessKey + "']]//span[contains(@class,'countdown')]"),
          "left");
      browser.click(By.linkText(businessKey));
      browser.waitForText(By.id("countdown"), "left");
      browser.click(By.cssSelector("label[for='work:assessDecision:0']"));
      browser.choose("work:cause", "Human error (misdirected or over-shared)");
      browser
          .waitFor(By.id("work:text"))
          .sendKeys("Internal: the officer shared the report in the wrong chat.");
      browser.screenshot("breach-assess.png");
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "CONFIRMED");

      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      browser
          .waitFor(By.id("work:text"))
          .sendKeys(
              "One witness's name and address were posted in a public group chat by an officer; the post was removed within the hour.");
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "REPORTED_TO_CPO");
      assertTrue(browser.text(By.id("reported")).contains("on time"));

      browser.signIn("cpo.city");
      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      assertTrue(
          browser
              .driver()
              .findElements(By.xpath("//*[contains(text(), 'Internal: the officer')]"))
              .isEmpty(),
          "the City CPO does not see internal notes");
      assertTrue(
          browser.text(By.id("reported")).contains("by the Agency Privacy Officer"),
          "the office reported it; which of its staff is internal: "
              + browser.text(By.id("reported")));
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "ACKNOWLEDGED");
      browser.screenshot("breach-acknowledged.png");

      // the notification decision: the APO proposes, the City CPO concurs, the letter goes out
      browser.signIn("apo.legal");
      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      browser.click(By.cssSelector("label[for='work:proposeDecision:0']"));
      browser.click(By.cssSelector("label[for='work:grounds:0']"));
      browser
          .waitFor(By.id("work:text"))
          .sendKeys("A witness's home address reached strangers: a risk of harm.");
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "NOTIFICATION_PROPOSED");

      browser.signIn("cpo.city");
      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      browser.click(By.cssSelector("label[for='work:concurDecision:0']"));
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "NOTIFYING");

      browser.signIn("apo.legal");
      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      browser.waitForText(By.id("letterTable"), "K. Osei");
      browser.choose("letters:letterId", "K. Osei");
      browser.choose("letters:status", "Sent today");
      browser.waitFor(By.id("letters:method")).sendKeys("First-class mail");
      browser.click(By.id("letters:recordLetter"));
      browser.waitForText(By.id("letterTable"), "SENT");
      browser.click(By.id("work:submit"));
      browser.waitForText(By.id("status"), "CLOSED");

      // the quarterly report: the City CPO compiles this quarter and publishes it
      browser.signIn("cpo.city");
      browser.open("breach/quarterly.xhtml");
      String quarter =
          org.custodian.breach.control.QuarterlySummary.of(
              java.time.ZonedDateTime.now(java.time.ZoneId.of("America/New_York")));
      browser.waitFor(By.id("request:quarter")).sendKeys(quarter);
      browser.click(By.id("request:requestButton"));
      browser.click(By.linkText("QR-" + quarter));
      browser.waitForText(By.id("preview"), "confirmed breaches");
      browser.screenshot("quarterly-report.png");
      browser.click(By.id("publish:publishButton"));
      browser.waitForText(By.id("published"), quarter);
    }
  }
}
