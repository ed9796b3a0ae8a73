package org.custodian.a11y;

import static org.custodian.testing.AddendumScenario.daysFromToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.custodian.disclosure.boundary.DisclosureApiIT;
import org.custodian.testing.AddendumScenario;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium, the main flows with the keyboard alone (WCAG 2.1.1): every move is Tab or
 * Shift+Tab, Enter, Space, an arrow key inside one widget, or typing into the focused field. The
 * mouse is never used and no element is clicked or focused by script; pages are only opened by
 * address where a user would type one (the sign-in and public pages). Each flow's outcome is read
 * back through the API, so the test fails when a step no longer works from the keyboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KeyboardIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void signInWithTheKeyboard() {
    try (Browser browser = new Browser(url)) {
      new Keyboard(browser).signIn("co.ramirez");
    }
  }

  @Test
  void commandingOfficerSubmitsAnAccessRequestWithTheKeyboard() {
    // the number inside the name: no other member's name contains this one
    String name = "Keyboard " + System.nanoTime() % 1_000_000 + " Member";
    long memberId = new Scenario(url).added("PCT-075", name).id();
    String requestId;
    try (Browser browser = new Browser(url)) {
      Keyboard k = new Keyboard(browser);
      k.signIn("co.ramirez");
      k.tabTo(link("New access request"), "the New access request link");
      k.pressAndLoad(Keys.ENTER);

      // A menu with a filter: Space opens its list and puts the focus in the filter; the typed
      // name leaves one option, highlighted; Enter takes it
      k.tabTo(id("request:memberId_label"), "the Member menu");
      k.press(Keys.SPACE);
      k.until(d -> "request:memberId_filter".equals(k.active().getAttribute("id")), "filter focus");
      k.type(name);
      k.until(
          d ->
              d.findElement(By.cssSelector("[id='request:memberId_items'] li.ui-state-highlight"))
                  .getAttribute("data-label")
                  .startsWith(name + " ·"),
          "the member highlighted");
      k.press(Keys.ENTER);
      k.until(d -> k.text("request:memberId_label").startsWith(name), "the member chosen");
      k.until(
          ExpectedConditions.invisibilityOfElementLocated(By.id("request:memberId_panel")),
          "the list closed");

      // Alt+Down opens a list; Tab closes it and moves on (no keyboard trap); Shift+Tab comes back
      k.tabTo(id("request:technology_label"), "the Technology menu");
      new Actions(k.driver).keyDown(Keys.ALT).sendKeys(Keys.ARROW_DOWN).keyUp(Keys.ALT).perform();
      // open once its opening animation is over (PrimeFaces sets aria-expanded then)
      k.until(
          d ->
              "true"
                  .equals(
                      d.findElement(By.id("request:technology_label"))
                          .getAttribute("aria-expanded")),
          "the Technology list open");
      k.press(Keys.TAB);
      k.until(
          ExpectedConditions.invisibilityOfElementLocated(By.id("request:technology_panel")),
          "Tab closing the Technology list");
      k.until(d -> !"request:technology_label".equals(k.active().getAttribute("id")), "Tab on");
      k.shiftTab();

      // Closed menus: the Down arrow steps through the options
      k.arrowTo("request:technology", "Case management system");
      k.arrowTo("request:accessLevel", "View case records");
      k.tabTo(id("request:justification"), "the Articulable need field");
      k.type(Scenario.JUSTIFICATION);
      k.tabTo(id("request:submit"), "the Submit for review button");
      k.pressAndLoad(Keys.ENTER);
      k.until(d -> d.getCurrentUrl().contains("access/request.xhtml"), "the request's page");
      requestId = k.driver.getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
    }
    JsonObject request = Api.as(url, "co.ramirez").get("access-requests/" + requestId).json();
    assertEquals(memberId, request.getJsonNumber("memberId").longValue(), request.toString());
    assertEquals("CMS", request.getString("technology"));
    assertEquals("VIEW", request.getString("accessLevel"));
    assertEquals(Scenario.JUSTIFICATION, request.getString("justification"));
    assertEquals("IN_REVIEW", request.getString("status"));
  }

  @Test
  void reviewerApprovesFromTheInboxWithTheKeyboard() {
    Scenario scenario = new Scenario(url);
    long memberId = scenario.newMember("PCT-075");
    JsonObject submitted = scenario.submit("co.ramirez", memberId, "CMS", "VIEW");
    String key = submitted.getString("businessKey");
    String comment = "Needed for the sector B burglary pattern; typed by keyboard.";
    try (Browser browser = new Browser(url)) {
      Keyboard k = new Keyboard(browser);
      k.openTaskFromInbox("rev.one", key);
      k.radio("decide:decision", "APPROVE");
      k.tabTo(id("decide:comment"), "the comment field");
      k.type(comment);
      k.tabTo(id("decide:submitDecision"), "the Record decision button");
      k.pressAndLoad(Keys.ENTER);
      k.until(d -> d.getCurrentUrl().contains("inbox/index.xhtml"), "back in the inbox");
    }
    JsonObject request =
        Api.as(url, "co.ramirez").get("access-requests/" + submitted.getJsonNumber("id")).json();
    JsonObject decision = request.getJsonArray("decisions").getJsonObject(0);
    assertEquals(1, decision.getInt("layer"), request.toString());
    assertEquals("rev.one", decision.getString("reviewer"));
    assertEquals("APPROVE", decision.getString("decision"));
    assertEquals(comment, decision.getString("comment"));
  }

  @Test
  void privacyOfficerApprovesADisclosureInWritingFromTheInboxWithTheKeyboard() {
    String subject = "Keyboard Subject " + Long.toString(System.nanoTime() % 1_000_000, 36);
    Api.Answer filed =
        Api.as(url, "member.diaz")
            .post("disclosures", DisclosureApiIT.filing(subject, "KB-" + subject.length()).build());
    assertEquals(201, filed.status(), filed.body());
    String key = filed.json().getString("businessKey");
    String approval =
        "Approved in writing: the ADA needs the registered owner of the vehicle for trial preparation.";
    try (Browser browser = new Browser(url)) {
      Keyboard k = new Keyboard(browser);
      k.openTaskFromInbox("apo.legal", key);
      k.radio("decide:decision", "APPROVE");
      k.tabTo(id("decide:text"), "the written approval");
      k.type(approval);
      k.tabTo(id("decide:submit"), "the Record the decision button");
      k.pressAndLoad(Keys.ENTER);
      k.until(d -> d.getCurrentUrl().contains("disclosure/view.xhtml"), "the disclosure's page");
    }
    JsonObject disclosure =
        Api.as(url, "member.diaz").get("disclosures/" + filed.json().getJsonNumber("id")).json();
    assertEquals("APPROVED", disclosure.getString("status"), disclosure.toString());
    JsonObject decision = disclosure.getJsonArray("decisions").getJsonObject(0);
    assertEquals("apo.legal", decision.getString("by"));
    assertEquals(approval, decision.getString("text"));
  }

  @Test
  void aMemberOfThePublicCommentsOnAnAddendumWithTheKeyboardWithoutSigningIn() {
    AddendumScenario s = new AddendumScenario(url);
    s.clear("CAMERA");
    JsonObject a = s.open("CAMERA", daysFromToday(300));
    long id = a.getJsonNumber("id").longValue();
    String key = a.getString("businessKey");
    assertEquals(
        201,
        s.save(id, "RETENTION", "<p>Pictures of public events are kept 30 days.</p>").status());
    s.toComment(key);
    String name = "A keyboard user";
    String text = "Please publish how long the photographs are kept.";
    try (Browser browser = new Browser(url)) {
      Keyboard k = new Keyboard(browser);
      browser.open("logout");
      browser.open("public/index.xhtml");
      k.settle();
      k.tabTo(link(key), "the addendum's link " + key);
      k.pressAndLoad(Keys.ENTER);
      k.tabTo(id("comment:name"), "the name field");
      k.type(name);
      k.tabTo(id("comment:text"), "the comment field");
      k.type(text);
      k.tabTo(id("comment:send"), "the Send comment button");
      k.pressAndLoad(Keys.ENTER);
      k.until(
          ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Thank you"),
          "the thanks");
    }
    assertTrue(
        s.get(id).getJsonArray("comments").stream()
            .map(c -> c.asJsonObject())
            .anyMatch(
                c -> name.equals(c.getString("name", null)) && text.equals(c.getString("text"))),
        "the comment is recorded: " + s.get(id).getJsonArray("comments"));
  }

  static Predicate<WebElement> id(String id) {
    return e -> id.equals(e.getAttribute("id"));
  }

  static Predicate<WebElement> link(String text) {
    return e -> "a".equals(e.getTagName()) && text.equals(e.getText().trim());
  }

  /** Keys sent to whatever has the focus, and waits for what they do; never a click. */
  static final class Keyboard {

    /** Enough for the widest page a flow crosses (the navigation plus a page of the inbox). */
    static final int MAX_TABS = 150;

    final Browser browser;
    final WebDriver driver;
    final WebDriverWait wait;

    Keyboard(Browser browser) {
      this.browser = browser;
      this.driver = browser.driver();
      this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.ignoring(StaleElementReferenceException.class);
    }

    /** Signs in from the sign-in form: type, Tab, type, Tab to the button, Enter. */
    void signIn(String user) {
      browser.open("logout");
      browser.waitFor(By.id("j_username"));
      settle();
      tabTo(id("j_username"), "the username field");
      type(user);
      tabTo(id("j_password"), "the password field");
      type(Api.DEMO_PASSWORD);
      tabTo(id("signIn"), "the Sign in button");
      pressAndLoad(Keys.ENTER);
      browser.waitForText(By.id("signed-in-as"), user);
    }

    /** Signs in, then Tab to the Inbox link, Enter, Tab to the case's task, Enter. */
    void openTaskFromInbox(String user, String businessKey) {
      signIn(user);
      tabTo(link("Inbox"), "the Inbox link");
      pressAndLoad(Keys.ENTER);
      tabTo(link(businessKey), "the task's link " + businessKey);
      pressAndLoad(Keys.ENTER);
    }

    /** Presses Tab until the focused element matches; fails naming the stops it passed. */
    WebElement tabTo(Predicate<WebElement> target, String what) {
      List<String> passed = new ArrayList<>();
      while (passed.size() <= MAX_TABS) {
        WebElement focused = active();
        try {
          if (target.test(focused)) {
            return focused;
          }
          passed.add(focused.getTagName() + "#" + focused.getAttribute("id"));
        } catch (StaleElementReferenceException e) {
          continue; // replaced by an ajax update while it was read: read the focus again
        }
        press(Keys.TAB);
      }
      return fail("Tab never reaches " + what + " on " + driver.getCurrentUrl() + ": " + passed);
    }

    /** A closed PrimeFaces selectOneMenu: Tab to it, then Down arrow until it shows the option. */
    void arrowTo(String menuId, String option) {
      String label = menuId + "_label";
      tabTo(id(label), "the menu " + menuId);
      while (!text(label).equals(option)) {
        String before = text(label);
        press(Keys.ARROW_DOWN);
        until(d -> !text(label).equals(before), "the Down arrow moving past " + before);
        settle();
      }
    }

    /** A radio group: Tab into it, arrow keys to the option of that value, Space to select it. */
    void radio(String groupId, String value) {
      tabTo(
          e -> String.valueOf(e.getAttribute("id")).startsWith(groupId + ":"),
          "the radio group " + groupId);
      while (!value.equals(active().getAttribute("value"))) {
        String before = active().getAttribute("value");
        press(Keys.ARROW_DOWN);
        until(d -> !before.equals(active().getAttribute("value")), "the Down arrow in " + groupId);
      }
      if (!active().isSelected()) {
        press(Keys.SPACE);
      }
      until(d -> active().isSelected(), groupId + " = " + value);
    }

    void press(CharSequence key) {
      new Actions(driver).sendKeys(key).perform();
    }

    void shiftTab() {
      new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
    }

    /** Types into the focused field. */
    void type(String text) {
      new Actions(driver).sendKeys(text).perform();
    }

    /** Presses a key that leaves the page (a link, a form's submit) and waits for the next. */
    void pressAndLoad(CharSequence key) {
      WebElement page = driver.findElement(By.tagName("html"));
      press(key);
      until(d -> isGone(page), "the next page after " + describe(key));
      settle();
    }

    /**
     * Whether the element's page has been replaced: Selenium says it is stale, or Chrome that its
     * node no longer belongs to the document (what it answers while the next page loads).
     */
    private static boolean isGone(WebElement element) {
      try {
        element.isEnabled();
        return false;
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        return true;
      } catch (org.openqa.selenium.WebDriverException e) {
        if (org.custodian.testing.Browser.replaced(e)) {
          return true;
        }
        throw e;
      }
    }

    WebElement active() {
      return driver.switchTo().activeElement();
    }

    String text(String id) {
      return driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').trim();
    }

    /** The page loaded and no ajax request of jQuery or PrimeFaces under way. */
    void settle() {
      until(
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "return document.readyState === 'complete'"
                              + " && (!window.jQuery || jQuery.active === 0)"
                              + " && (!window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty());")),
          "the page to settle");
    }

    <T> T until(java.util.function.Function<WebDriver, T> condition, String what) {
      return wait.withMessage(what + " on " + driver.getCurrentUrl()).until(condition);
    }

    private static String describe(CharSequence key) {
      return key instanceof Keys k ? k.name() : key.toString();
    }
  }
}
