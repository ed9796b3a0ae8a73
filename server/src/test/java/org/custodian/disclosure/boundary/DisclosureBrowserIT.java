package org.custodian.disclosure.boundary;

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
 * In real Chromium: a member files a disclosure under basis 3, the Agency Privacy Officer approves
 * it in writing from the inbox, the member records the release, and the APO finds it in the ledger.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DisclosureBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void memberFilesApoApprovesInWritingMemberReleasesAndTheLedgerFindsIt() {
    String subject = "Marisol Vega-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    try (Browser browser = new Browser(url)) {
      browser.signIn("member.diaz");
      browser.open("disclosure/new.xhtml");
      browser.waitFor(By.id("disclosure:recipient_name")).sendKeys("ADA Kim Lee");
      browser
          .waitFor(By.id("disclosure:recipient_organization"))
          .sendKeys("Kings County District Attorney");
      browser.choose("disclosure:recipient_kind", "Prosecutor");
      browser
          .waitFor(By.id("disclosure:recipientVerification"))
          .sendKeys("Called the DA's main line; confirmed ADA Lee's assignment to the case.");
      browser.waitFor(By.cssSelector("input[id$='subjectName']")).sendKeys(subject);
      browser.waitFor(By.cssSelector("input[id$='subjectPlate']")).sendKeys("KXT-4410");
      browser.click(By.cssSelector("label[for='disclosure:dataCategories:0']"));
      browser.click(By.cssSelector("label[for='disclosure:dataCategories:5']"));
      browser.choose(
          "disclosure:sourceTechnology", "Electronic record management system (NYPD internal)");
      browser.choose("disclosure:purposeCategory", "Prosecution");
      browser
          .waitFor(By.id("disclosure:purpose"))
          .sendKeys("Trial preparation: the registered owner of the getaway car.");
      browser.click(By.cssSelector("label[for='disclosure:basis:2']"));
      browser
          .waitFor(By.id("disclosure:evidence_missionRationale"))
          .sendKeys("Supports the prosecution of a robbery the precinct investigated.");
      browser.screenshot("disclosure-new.png");
      browser.click(By.id("disclosure:submit"));
      browser.waitForText(By.id("status"), "PENDING_APPROVAL");
      String heading = browser.text(By.tagName("h1"));
      String businessKey = heading.substring(heading.indexOf("DR-"));

      browser.signIn("apo.legal");
      browser.open("inbox/index.xhtml");
      browser.click(By.linkText(businessKey));
      browser.click(By.cssSelector("label[for='decide:decision:0']"));
      browser
          .waitFor(By.id("decide:text"))
          .sendKeys(
              "Approved in writing: the disclosure furthers the department's mission in this prosecution.");
      browser.screenshot("disclosure-approve.png");
      browser.click(By.id("decide:submit"));
      browser.waitForText(By.id("status"), "APPROVED");
      browser.waitFor(By.id("approvalLetter"));

      browser.signIn("member.diaz");
      browser.open("disclosure/mine.xhtml");
      browser.click(By.linkText(businessKey));
      browser.waitFor(By.id("release:method")).sendKeys("Secure e-mail to the ADA");
      browser.click(By.id("release:recordRelease"));
      browser.waitForText(By.id("status"), "RELEASED");

      browser.signIn("apo.legal");
      browser.open("disclosure/ledger.xhtml");
      browser.waitFor(By.id("ledger:subject")).sendKeys("kxt 4410");
      browser.click(By.id("ledger:search"));
      browser.waitFor(By.linkText(businessKey));
      assertTrue(browser.text(By.id("ledger:entries")).contains(subject));
      browser.screenshot("disclosure-ledger.png");
    }
  }

  @Test
  void privacyOfficerCreatesARoutineDesignationAndRetiresIt() {
    String title = "Victim notices " + Long.toString(System.nanoTime() % 1_000_000, 36);
    try (Browser browser = new Browser(url)) {
      browser.signIn("apo.legal");
      browser.open("index.xhtml");
      browser.click(By.id("authorizationsLink"));
      browser.waitFor(By.id("create:title")).sendKeys(title);
      browser.click(By.id("create:createButton"));
      browser.waitForText(
          By.tagName("body"), "The scope names recipient kinds or one organization.");

      browser.waitFor(By.id("create:title")).clear();
      browser.waitFor(By.id("create:title")).sendKeys(title);
      browser.click(By.cssSelector("label[for='create:recipientKinds:4']"));
      browser.click(By.cssSelector("label[for='create:purposeCategories:6']"));
      browser.click(By.cssSelector("label[for='create:dataCategories:0']"));
      browser.click(By.id("create:createButton"));
      browser.waitForText(By.id("rows"), title);

      java.util.List<org.openqa.selenium.WebElement> rows =
          browser.driver().findElements(By.cssSelector("#rows tbody tr"));
      org.openqa.selenium.WebElement row =
          rows.stream().filter(r -> r.getText().contains(title)).findFirst().orElseThrow();
      row.findElement(By.cssSelector("input[id$='reason']"))
          .sendKeys("Replaced by a narrower designation.");
      row.findElement(By.cssSelector("button[id$='retireButton']")).click();
      browser.waitForText(By.id("rows"), "retired: Replaced by a narrower designation.");
      browser.screenshot("designations.png");
    }
  }
}
