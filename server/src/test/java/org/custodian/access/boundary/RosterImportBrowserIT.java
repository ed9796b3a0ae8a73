package org.custodian.access.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The administrator uploads the HR roster on the Members screen and sees what it did, line by line.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RosterImportBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void anAdministratorUploadsTheRosterAndSeesEachRefusedLine() throws Exception {
    String fresh = Api.newTaxNumber();
    Path file = Files.createTempFile(Path.of("target"), "roster", ".csv");
    Files.writeString(
        file,
        "taxNumber,name,rank,command,active\n"
            + fresh
            + ",Uploaded Recruit,Police Officer,PCT-075,true\n"
            + "99,Bad Line,Police Officer,PCT-075,true\n");
    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.click(By.id("membersLink"));
      browser.waitFor(By.id("roster:upload"));
      browser.driver().findElement(By.id("roster:file")).sendKeys(file.toAbsolutePath().toString());
      browser.click(By.id("roster:upload"));
      browser.waitForText(By.id("counts"), "1 added");
      browser.waitForText(By.id("counts"), "1 refused");
      browser.waitForText(By.id("rejected"), "taxNumber");
    }
    assertTrue(Api.as(url, "admin").get("members?command=PCT-075").body().contains(fresh));
  }
}
