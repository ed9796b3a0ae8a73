package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.URL;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in: ten wrong passwords lock the account for a while (wildfly-config/login-lockout.cli;
 * the test server locks for one minute instead of fifteen), and it recovers; roles that defeat
 * oversight together are refused when a user is created. Each test makes its own user, so no demo
 * user is ever locked for the other tests.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

  static final String PASSWORD = "a-long-enough-secret";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private String newUser(String... roles) {
    String username = "lock." + Long.toString(System.nanoTime(), 36);
    var roleList = Json.createArrayBuilder();
    for (String role : roles) {
      roleList.add(role);
    }
    Api.Answer created =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("username", username)
                    .add("password", PASSWORD)
                    .add("roles", roleList)
                    .build());
    assertEquals(201, created.status(), created.body());
    return username;
  }

  /**
   * The lockout is Elytron's own, on the server's wall clock (no process timer to move): the test
   * waits the one minute the test server locks for, making no attempt meanwhile (an attempt during
   * the lockout would start it again).
   */
  @Test
  void tenWrongPasswordsLockTheAccountForAWhileAndItRecovers() throws InterruptedException {
    String user = newUser("member");
    assertEquals(200, Api.as(url, user, PASSWORD).get("me").status(), "signs in");
    for (int i = 1; i <= 10; i++) {
      assertEquals(
          401, Api.as(url, user, "wrong-password-" + i).get("me").status(), "wrong password " + i);
    }
    assertEquals(
        401,
        Api.as(url, user, PASSWORD).get("me").status(),
        "locked: the right password is refused too");
    assertEquals(200, Api.as(url, "auditor.iab").get("me").status(), "only that account is locked");

    Thread.sleep(62_000);
    assertEquals(
        200,
        Api.as(url, user, PASSWORD).get("me").status(),
        "after the lockout the account works again");
  }

  @Test
  void nineWrongPasswordsAndARightOneLockNothing() {
    String user = newUser("member");
    for (int i = 1; i <= 9; i++) {
      assertEquals(401, Api.as(url, user, "wrong-password-" + i).get("me").status());
    }
    assertEquals(
        200,
        Api.as(url, user, PASSWORD).get("me").status(),
        "nine are not ten; a success resets the count");
    for (int i = 1; i <= 9; i++) {
      assertEquals(401, Api.as(url, user, "wrong-again-" + i).get("me").status());
    }
    assertEquals(200, Api.as(url, user, PASSWORD).get("me").status());
  }

  @Test
  void rolesThatDefeatOversightTogetherAreRefused() {
    for (String[] pair :
        new String[][] {
          {"admin", "auditor"},
          {"admin", "privacy-officer"},
          {"privacy-officer", "chief-privacy-officer"}
        }) {
      Api.Answer refused =
          Api.as(url, "admin")
              .post(
                  "users",
                  Json.createObjectBuilder()
                      .add("username", "combo." + Long.toString(System.nanoTime(), 36))
                      .add("password", PASSWORD)
                      .add(
                          "roles",
                          Json.createArrayBuilder().add(pair[0]).add(pair[1]).add("member"))
                      .build());
      assertEquals(400, refused.status(), refused.body());
      assertEquals("roles", refused.field());
      assertTrue(
          refused.body().contains(pair[0]) && refused.body().contains(pair[1]), refused.body());
    }
    newUser("auditor", "member");
  }

  @Test
  void aDisplayNameOrRankLongerThanItsColumnIsA400NotA500() {
    Api.Answer user =
        Api.as(url, "admin")
            .post(
                "users",
                Json.createObjectBuilder()
                    .add("username", "long." + Long.toString(System.nanoTime(), 36))
                    .add("password", PASSWORD)
                    .add("displayName", "D".repeat(300))
                    .add("roles", Json.createArrayBuilder().add("member"))
                    .build());
    assertEquals(400, user.status(), user.body());
    assertEquals("displayName", user.field());
    Api.Answer member =
        Api.as(url, "admin")
            .post(
                "members",
                Json.createObjectBuilder()
                    .add("taxNumber", Api.newTaxNumber())
                    .add("name", "Long Rank")
                    .add("rank", "R".repeat(100))
                    .add("command", "PCT-075")
                    .build());
    assertEquals(400, member.status(), member.body());
    assertEquals("rank", member.field());
  }
}
