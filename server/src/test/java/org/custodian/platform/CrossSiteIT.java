package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Browser;
import org.custodian.testing.Deployments;
import org.custodian.testing.Session;
import org.custodian.testing.Session.From;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Nothing another web site can trigger changes state or writes an audit entry in a signed-in user's
 * name. First with the headers a browser sends (the session cookie of the sign-in form, Fetch
 * Metadata, Origin), then with a real Chromium visiting a page of another origin that posts a form
 * and offers a link into Custodian.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CrossSiteIT {

  static final String EVIL = "http://evil.example";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void aFormOnAnotherSiteStartsNoCampaignWithTheAdministratorsSession() {
    Session admin = Session.signedIn(url, "admin");
    long mark = AuditTrail.mark();
    Session.Reply forged =
        admin.post(
            "api/recertification-campaigns",
            "application/x-www-form-urlencoded",
            "",
            From.anotherSitesForm(EVIL));
    assertEquals(403, forged.status(), forged.body());
    Session.Reply scripted =
        admin.post(
            "api/recertification-campaigns", "text/plain", "", From.anotherSitesScript(EVIL));
    assertEquals(403, scripted.status(), scripted.body());
    assertFalse(
        AuditTrail.actions(mark, "admin").contains("RECERTIFICATION_STARTED"),
        "no campaign was started");

    // an older browser without Fetch Metadata: the Origin decides
    Session.Reply oldBrowser =
        admin.post(
            "api/recertification-campaigns", "text/plain", "", new From(null, null, null, EVIL));
    assertEquals(403, oldBrowser.status(), oldBrowser.body());
    assertFalse(AuditTrail.actions(mark, "admin").contains("RECERTIFICATION_STARTED"));

    // the filter lets other sites reach /public/ and /resources/ by the raw path; a path that
    // starts there and climbs out with a path parameter ("..;", which no browser resolves) must not
    // reach the API behind it
    for (String climb :
        new String[] {
          "public/..;/api/recertification-campaigns",
          "resources/..;/api/recertification-campaigns",
          "public/..%3b/api/recertification-campaigns"
        }) {
      Session.Reply climbed =
          admin.post(climb, "application/x-www-form-urlencoded", "", From.anotherSitesForm(EVIL));
      assertTrue(climbed.status() >= 400, climb + " answered " + climbed.status());
    }
    assertFalse(AuditTrail.actions(mark, "admin").contains("RECERTIFICATION_STARTED"));
  }

  @Test
  void aLinkOnAnotherSiteWritesNoLedgerSearchInThePrivacyOfficersName() {
    Session apo = Session.signedIn(url, "apo.legal");
    long mark = AuditTrail.mark();
    Session.Reply followed =
        apo.get("api/disclosures?subject=Someone%20Framed", From.ANOTHER_SITES_LINK);
    assertEquals(403, followed.status(), followed.body());
    assertTrue(
        AuditTrail.actions(mark, "apo.legal").isEmpty(),
        "nothing was searched or recorded in the APO's name");

    Session.Reply own = apo.get("api/disclosures?subject=Someone%20Framed", From.OWN_PAGE);
    assertEquals(200, own.status(), own.body());
    assertEquals(
        List.of("LEDGER_SEARCHED"),
        AuditTrail.actions(mark, "apo.legal"),
        "the same search from Custodian's own page is recorded");
  }

  @Test
  void aLinkOnAnotherSiteToAScreenOnlyOffersToContinue() {
    Session apo = Session.signedIn(url, "apo.legal");
    long mark = AuditTrail.mark();
    Session.Reply followed = apo.get("disclosure/ledger.xhtml", From.ANOTHER_SITES_LINK);
    assertEquals(200, followed.status());
    assertTrue(followed.body().contains("You followed a link from another site"), followed.body());
    assertTrue(
        followed.body().contains("href=\"/custodian/disclosure/ledger.xhtml\""), followed.body());
    assertTrue(
        AuditTrail.actions(mark, "apo.legal").isEmpty(),
        "the screen was neither opened nor recorded");

    Session.Reply image =
        apo.get("disclosure/ledger.xhtml", new From("cross-site", "no-cors", "image", null));
    assertEquals(403, image.status(), "an image or frame of another site gets nothing");
    Session.Reply own = apo.get("disclosure/ledger.xhtml", From.OWN_PAGE);
    assertEquals(200, own.status());
    assertTrue(own.body().contains("ledger"), "from Custodian's own page the screen opens");
  }

  @Test
  void theSignInFormCannotBePostedFromAnotherSite() {
    Session.Reply forged =
        Session.anonymous(url)
            .post(
                "j_security_check",
                "application/x-www-form-urlencoded",
                "j_username=admin&j_password=custodian-demo",
                From.anotherSitesForm(EVIL));
    assertTrue(
        forged.status() == 403 || forged.status() == 400,
        "another site may not sign a browser in: " + forged.status());
  }

  /**
   * A real browser, signed in to Custodian, visits a page on another origin (this test's own small
   * server): the page posts a form to the API at once and offers a link to a ledger search. Neither
   * starts anything or writes anything in the user's name.
   */
  @Test
  void aRealBrowserOnAnotherSitesPageActsInNobodysName() throws Exception {
    String app = url.toString(); // http://HOST:8080/custodian/
    String otherHost = url.getHost().equals("localhost") ? "127.0.0.1" : "localhost";
    HttpServer evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String page =
        "<!DOCTYPE html><html><body>"
            + "<form id=\"forged\" method=\"post\" action=\""
            + app
            + "api/recertification-campaigns\"><input type=\"hidden\" name=\"x\" value=\"1\"></form>"
            + "<a id=\"search\" href=\""
            + app
            + "api/disclosures?subject=Someone%20Framed\">a harmless link</a>"
            + "<script>if (location.hash === '#post') document.getElementById('forged').submit();</script>"
            + "</body></html>";
    evil.createContext(
        "/",
        exchange -> {
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    evil.start();
    String evilPage = "http://" + otherHost + ":" + evil.getAddress().getPort() + "/";
    try (Browser browser = new Browser(url)) {
      browser.signIn("admin");
      long mark = AuditTrail.mark();
      browser.driver().get(evilPage + "#post");
      waitUntilLeft(browser, evilPage);
      browser.signIn("apo.legal");
      long apoMark = AuditTrail.mark();
      browser.driver().get(evilPage);
      browser.click(By.id("search"));
      waitUntilLeft(browser, evilPage);
      assertTrue(
          browser.driver().getPageSource().contains("another web site"),
          browser.driver().getPageSource());
      assertFalse(
          AuditTrail.actions(mark, "admin").contains("RECERTIFICATION_STARTED"),
          "the forged form started nothing");
      assertTrue(
          AuditTrail.actions(apoMark, "apo.legal").isEmpty(),
          "the link searched nothing in the APO's name");
    } finally {
      evil.stop(0);
    }
  }

  private static void waitUntilLeft(Browser browser, String page) {
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> !d.getCurrentUrl().startsWith(page));
  }
}
