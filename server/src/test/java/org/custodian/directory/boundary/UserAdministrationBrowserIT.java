package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The administrator adds a user on the Users screen with a temporary password; the user signs in,
 * is sent to the Password screen whatever they open, chooses their own, and goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAdministrationBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void anAdministratorAddsAUserWhoChoosesTheirOwnPasswordAtTheFirstSignIn() {
    String username = "new." + Long.toString(System.nanoTime(), 36);
    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      browser.click(By.id("usersLink"));
      browser.waitFor(By.id("add:username")).sendKeys(username);
      browser.driver().findElement(By.id("add:displayName")).sendKeys("PO Nia Fresh");
      browser.driver().findElement(By.id("add:email")).sendKeys(username + "@nypd.test");
      browser.click(By.xpath("//*[@id='add:roles']//label[text()='member']"));
      browser.choose("add:command", "PCT-075");
      browser.driver().findElement(By.id("add:password")).sendKeys("temporary-pass-9");
      browser.click(By.id("add:submit"));
      browser.waitForText(By.id("messages"), "choose their own password");
      browser.waitForText(By.id("state"), "must change the temporary password");

      // the new user: sent to the Password screen, whatever they open
      // (the sign-in's answer is waited for: opening a page before it lands finds no session)
      browser.signIn(username, "temporary-pass-9");
      browser.open("inbox/index.xhtml");
      browser.waitFor(By.id("password:newPassword"));
      browser.driver().findElement(By.id("password:currentPassword")).sendKeys("temporary-pass-9");
      browser.driver().findElement(By.id("password:newPassword")).sendKeys("nia-own-password-1");
      browser.click(By.id("password:change"));
      browser.waitForText(By.id("messages"), "Your password is changed");
      browser.open("inbox/index.xhtml");
      browser.waitFor(By.id("signed-in-as"));
      assertTrue(
          browser.driver().getCurrentUrl().contains("inbox"), browser.driver().getCurrentUrl());
    }
    Api.Answer me = Api.as(url, username, "nia-own-password-1").get("me");
    assertEquals(200, me.status(), me.body());
    assertEquals("PCT-075", me.json().getString("command"));
  }
}
