package org.custodian.addendum.boundary;

import static org.custodian.testing.AddendumScenario.AUTHOR;
import static org.custodian.testing.AddendumScenario.COMMISSIONER;
import static org.custodian.testing.AddendumScenario.LEGAL;
import static org.custodian.testing.AddendumScenario.PRIVACY;
import static org.custodian.testing.AddendumScenario.daysFromToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.time.Instant;
import org.custodian.testing.AddendumScenario;
import org.custodian.testing.Browser;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * In real Chromium: the policy author drafts an addendum in the rich-text editor, legal and privacy
 * review pass it, the Commissioner approves it, a member of the public comments without signing in,
 * the window closes (its timer fired), the author answers and sends the final text, it is approved
 * and published, and the public comparison shows the change.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AddendumBrowserIT {

  private static final String NEW_TEXT =
      "Case management systems may also hold body-worn camera footage linked to a case";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource URL url;

  @Test
  void
      authorDraftsReviewsPassCommissionerApprovesPublicCommentsFinalIsPublishedAndTheDiffShowsIt() {
    AddendumScenario s = new AddendumScenario(url);
    s.clear("CMS");
    try (Browser browser = new Browser(url)) {
      // The author opens the addendum on its screen
      browser.signIn(AUTHOR);
      browser.open("addenda/index.xhtml");
      browser.click(By.id("newAddendum"));
      browser.choose(
          "addendum:technology", "Case management system (Case management systems policy)");
      browser
          .waitFor(By.id("addendum:newUse"))
          .sendKeys("Linking body-worn camera footage to cases in the case management system.");
      browser.waitFor(By.id("addendum:plannedFirstUse_input"));
      browser.typeDate(By.id("addendum:plannedFirstUse_input"), daysFromToday(240).toString());
      browser.click(By.id("addendum:open"));
      browser.waitFor(By.id("inbox:tasks"));
      JsonObject a = opened(s);
      long id = a.getJsonNumber("id").longValue();
      String key = a.getString("businessKey");

      // Drafts the rules section in the rich-text editor, saves (draft 2), sends it to review
      browser.open("addenda/edit.xhtml?task=" + s.task(AUTHOR, key, "Task_DraftAddendum"));
      WebElement rules = browser.waitFor(By.cssSelector("[id='draft:sections:2:body'] .ql-editor"));
      rules.click();
      rules.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), Keys.ENTER, NEW_TEXT + ".");
      browser.click(By.id("draft:save"));
      browser.waitForText(By.id("messages"), "Saved as draft 2");
      browser.screenshot("addendum-draft.png");
      browser.click(By.id("draft:submit"));
      browser.waitForText(By.id("messages"), "legal and privacy review");

      // Legal review and privacy review pass; the Commissioner approves
      for (String[] review :
          new String[][] {
            {LEGAL, "Task_LegalReview"},
            {PRIVACY, "Task_PrivacyReview"},
            {COMMISSIONER, "Task_ApprovePublication"}
          }) {
        browser.signIn(review[0]);
        browser.open("addenda/review.xhtml?task=" + s.task(review[0], key, review[1]));
        browser.waitForText(By.id("review"), NEW_TEXT);
        if (review[0].equals(LEGAL)) {
          browser.screenshot("addendum-review.png");
        }
        browser.click(By.id("review:approve"));
        browser.waitForText(By.id("messages"), "recorded");
      }
      assertEquals("OPEN_FOR_COMMENT", s.get(id).getString("status"));

      // A member of the public comments, without signing in
      browser.open("logout");
      browser.open("public/index.xhtml");
      browser.click(By.linkText(key));
      browser.waitForText(By.id("changes"), NEW_TEXT);
      browser.screenshot("public-addendum.png");
      browser
          .waitFor(By.id("comment:text"))
          .sendKeys("Say how long linked footage is kept. <script>alert('x')</script>");
      browser.click(By.id("comment:send"));
      browser.waitForText(By.id("messages"), "Thank you");

      // The comment period closes by its timer
      s.fire(key, Instant.parse(s.get(id).getString("commentClosesAt")));

      // The author answers the comment and sends the final text
      browser.signIn(AUTHOR);
      browser.open("addenda/edit.xhtml?task=" + s.task(AUTHOR, key, "Task_RespondToComments"));
      browser.waitForText(By.id("responses"), "Say how long linked footage is kept.");
      browser.click(By.cssSelector("[id='responses:commentIds'] .ui-chkbox-box"));
      browser
          .waitFor(By.id("responses:response"))
          .sendKeys("Linked footage follows the retention of the case it is linked to.");
      browser.click(By.id("responses:answer"));
      browser.waitForText(By.id("messages"), "Response recorded");
      browser.click(By.id("draft:submit"));
      browser.waitForText(By.id("messages"), "legal and privacy review");

      for (String[] review :
          new String[][] {
            {LEGAL, "Task_FinalLegalReview"},
            {PRIVACY, "Task_FinalPrivacyReview"},
            {COMMISSIONER, "Task_ApproveFinal"}
          }) {
        browser.signIn(review[0]);
        browser.open("addenda/review.xhtml?task=" + s.task(review[0], key, review[1]));
        browser.click(By.id("review:approve"));
        browser.waitForText(By.id("messages"), "recorded");
      }

      // Published as the next version; the public comparison marks the insertion
      browser.open("logout");
      browser.open("public/policy.xhtml?policy=CMS");
      browser.waitForText(By.id("versionLine"), "Addendum " + key);
      browser.click(By.id("compareLink"));
      WebElement inserted = browser.waitFor(By.cssSelector("#diff ins"));
      browser.screenshot("public-compare.png");
      assertTrue(browser.text(By.id("diff")).contains(NEW_TEXT), "the diff shows the new text");
      assertTrue(inserted.isDisplayed());
      browser.open("public/addendum.xhtml?id=" + id);
      browser.waitForText(By.cssSelector(".response"), "Linked footage follows the retention");
      assertTrue(
          !browser.driver().getPageSource().contains("<script>alert"),
          "the comment's markup is never the page's markup");
      assertTrue(
          browser.text(By.tagName("body")).contains("<script>alert('x')</script>"),
          "the comment is shown as the text it was written as");
    }
  }

  private static JsonObject opened(AddendumScenario s) {
    for (JsonValue v : s.as(AUTHOR).get("addenda").array()) {
      JsonObject a = v.asJsonObject();
      if ("CMS".equals(a.getString("policy")) && "DRAFTING".equals(a.getString("status"))) {
        return a;
      }
    }
    throw new AssertionError("the addendum was not opened");
  }
}
