package org.custodian.notification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.MailClockResource;
import org.custodian.testing.Scenario;
import org.custodian.testing.smtp.MailServer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * E-mail through WildFly's mail session to a real SMTP server (GreenMail): a task that lands for a
 * group mails its members, with a link and without the data subject's name; a member who muted
 * group mail gets none; one who chose a daily summary gets it in the summary; the requester hears
 * of the decision; and while the SMTP server is down a decision still goes through, its mail is
 * kept with the error and sent when the server is back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailIT {

  private static final String PASSWORD = "mail-test-password-1";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.warWith(MailClockResource.class);
  }

  @ArquillianResource URL url;

  /** A reviewer of layer 1 with a mailbox, who chose how they hear: {username, address}. */
  private String[] reviewer(String run, String mode, boolean mute) {
    String username = "mail." + mode.toLowerCase().charAt(0) + (mute ? "m" : "") + "." + run;
    String address = username + "@nypd.test";
    Api.Answer created =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("password", PASSWORD)
                    .add("roles", Json.createArrayBuilder().add("executive-reviewer"))
                    .add("groups", Json.createArrayBuilder().add("access-review-1"))
                    .add("email", address)
                    .build());
    assertEquals(201, created.status(), created.body());
    Api.Answer chosen =
        Api.as(url, username, PASSWORD)
            .put(
                "me/notifications",
                Json.createObjectBuilder().add("mode", mode).add("muteGroupMail", mute).build());
    assertEquals(200, chosen.status(), chosen.body());
    return new String[] {username, address};
  }

  private static Predicate<MimeMessage> to(String address, String text) {
    return m -> {
      String d = MailServer.describe(m);
      return d.contains(address) && d.contains(text);
    };
  }

  @Test
  void aGroupsTaskMailsItsMembersAsEachChoseAndTheRequesterHearsOfTheDecision() {
    String run = Long.toString(System.nanoTime(), 36);
    String[] immediate = reviewer(run, "IMMEDIATE", false);
    String[] muted = reviewer(run, "IMMEDIATE", true);
    String[] digest = reviewer(run, "DAILY_DIGEST", false);
    String memberName = "Mailed Member " + run;
    long member = new Scenario(url).newMember("PCT-075", true, memberName);

    JsonObject request = new Scenario(url).submit("co.ramirez", member, "CMS", "VIEW");
    String key = request.getString("businessKey");

    MimeMessage mail = MailServer.await("to the layer-1 reviewer", to(immediate[1], key));
    String text = MailServer.describe(mail);
    assertTrue(text.contains("Review access request"), text);
    assertTrue(text.contains("/custodian/access/review.xhtml?task="), text);
    assertFalse(text.contains(memberName), "no data subject's name in a mail: " + text);
    assertFalse(text.contains(request.getString("justification")), text);
    MailServer.await("to the demo reviewer of the same group", to("rev.one@nypd.test", key));

    // muted: nothing; digest: held for the summary
    assertTrue(mailOf(muted[0], key).isEmpty(), "group mail muted");
    JsonObject held = awaitMailOf(digest[0], key, m -> m.getString("status").equals("PENDING"));
    assertTrue(held.getBoolean("digest"), held.toString());
    assertTrue(MailServer.received().stream().noneMatch(to(digest[1], key)), "not sent at once");
    Api.Answer sent =
        Api.as(url, "admin")
            .post("test-mail/send?at=" + Instant.now().plus(Duration.ofDays(1)), "");
    assertEquals(200, sent.status(), sent.body());
    MimeMessage summary = MailServer.await("the daily summary", to(digest[1], "daily summary"));
    assertTrue(MailServer.describe(summary).contains(key), MailServer.describe(summary));

    // the requester hears of the decision
    JsonObject granted = new Scenario(url).granted("co.ramirez", member, "CMS", "INVESTIGATOR");
    String grantedKey = granted.getString("businessKey");
    MailServer.await("to the requester", to("co.ramirez@nypd.test", grantedKey + " was approved"));
  }

  @Test
  void whileTheMailServerIsDownDecisionsGoThroughAndTheMailFollowsWhenItIsBack() {
    String run = Long.toString(System.nanoTime(), 36);
    String[] reviewer = reviewer(run, "IMMEDIATE", false);
    long member = new Scenario(url).newMember("PCT-075");
    MailServer.stop();
    String key;
    try {
      key = new Scenario(url).submit("co.ramirez", member, "CMS", "VIEW").getString("businessKey");
      JsonObject failed =
          awaitMailOf(reviewer[0], key, m -> m.getInt("attempts") >= 1 && !m.isNull("lastError"));
      assertEquals("PENDING", failed.getString("status"), "tried again later: " + failed);
      assertTrue(
          Api.as(url, "rev.one").taskOf(key, "Task_ReviewAccessRequest") != null,
          "the request went on: its review waits in the inbox");
    } finally {
      MailServer.start();
    }
    Api.Answer retried =
        Api.as(url, "admin")
            .post("test-mail/send?at=" + Instant.now().plus(Duration.ofMinutes(5)), "");
    assertEquals(200, retried.status(), retried.body());
    MailServer.await("after the outage", to(reviewer[1], key));
    JsonObject sent = awaitMailOf(reviewer[0], key, m -> m.getString("status").equals("SENT"));
    assertTrue(sent.getInt("attempts") >= 2, sent.toString());
  }

  private List<JsonObject> mailOf(String username, String key) {
    return Api.as(url, username, PASSWORD)
        .get("me/notifications")
        .json()
        .getJsonArray("mail")
        .stream()
        .map(JsonValue::asJsonObject)
        .filter(m -> key.equals(m.getString("businessKey", null)))
        .toList();
  }

  private JsonObject awaitMailOf(String username, String key, Predicate<JsonObject> condition) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<JsonObject> last = List.of();
    while (System.nanoTime() < until) {
      last = mailOf(username, key);
      Optional<JsonObject> match = last.stream().filter(condition).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new AssertionError(username + "'s mail about " + key + " is " + last);
  }
}
