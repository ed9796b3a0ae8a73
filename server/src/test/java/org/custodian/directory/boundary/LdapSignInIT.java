package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.URL;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Scenario;
import org.custodian.testing.Session;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in against Active Directory: a server started with {@code CUSTODIAN_SIGN_IN=ldap}
 * (wildfly-config/ldap-realm.cli) on the test directory (an AD look-alike: sAMAccountName,
 * memberOf, userAccountControl, department). AD groups become roles and review groups, the
 * department the command; a disabled account, a wrong password and a database-only user are
 * refused; a user the directory signs in works through Custodian like any other: a Commanding
 * Officer from AD requests access, and a reviewer from AD finds the review in their group's inbox.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LdapSignInIT {

  static final String SERVER = "wildfly-ldap";
  static final String DEPLOYMENT = "custodian-ldap";

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  @TargetsContainer(SERVER)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource ContainerController servers;

  @ArquillianResource Deployer deployer;

  @Test
  void activeDirectorySignsUsersInWithTheirGroupsAndCommand() throws Exception {
    URL url = URI.create("http://127.0.0.1:8280/custodian/").toURL();
    servers.start(SERVER);
    try {
      deployer.deploy(DEPLOYMENT);

      Api.Answer co = Api.as(url, "ad.ruiz", "ad-pass-1").get("me");
      assertEquals(200, co.status(), co.body());
      JsonObject me = co.json();
      assertEquals(List.of("commanding-officer"), strings(me, "roles"));
      assertEquals("PCT-075", me.getString("command"), "the command from the department");
      assertTrue(strings(me, "groups").contains("commanding-officer@PCT-075"), me.toString());
      assertEquals(
          "ad.ruiz",
          Api.as(url, "AD.Ruiz", "ad-pass-1").get("me").json().getString("username"),
          "AD compares names without case");
      assertEquals(
          "ana.ruiz@nypd.test",
          Api.as(url, "ad.ruiz", "ad-pass-1").get("me/notifications").json().getString("email"),
          "mail goes to the directory's address");

      JsonObject reviewer = Api.as(url, "ad.moore", "ad-pass-2").get("me").json();
      assertEquals(List.of("executive-reviewer"), strings(reviewer, "roles"));
      assertTrue(
          strings(reviewer, "groups")
              .containsAll(List.of("access-review-1", "access-review-escalation")),
          reviewer.toString());

      assertEquals(401, Api.as(url, "ad.ruiz", "wrong-password").get("me").status());
      assertEquals(401, Api.as(url, "ad.keller", "ad-pass-3").get("me").status(), "disabled (514)");
      assertEquals(401, Api.as(url, "ad.gone", "ad-pass-4").get("me").status(), "disabled (66050)");
      assertEquals(
          401,
          Api.as(url, "admin").get("me").status(),
          "a user only in Custodian's table does not sign in while the directory decides");
      // the directory is held to the rules of every account: no roles that oversee each other
      Api.Answer both = Api.as(url, "ad.both", "ad-pass-6").get("me");
      assertEquals(403, both.status(), both.body());
      assertTrue(both.body().contains("admin and auditor"), both.body());
      assertEquals(403, Api.as(url, "ad.both", "ad-pass-6").get("audit/checkpoint").status());
      Session.Reply screen =
          Session.signedIn(url, "ad.both", "ad-pass-6").get("index.xhtml", Session.From.OWN_PAGE);
      assertEquals(403, screen.status(), screen.body());
      assertTrue(screen.body().contains("admin and auditor"), screen.body());
      assertFalse(screen.body().contains("Audit log"), "the refusal's page offers no menu");

      // the directory's CO requests access; the directory's reviewer finds it in their group's
      // inbox
      Api.Answer added =
          Api.as(url, "ad.admin", "ad-pass-5")
              .post(
                  "members",
                  Json.createObjectBuilder()
                      .add("taxNumber", Api.newTaxNumber())
                      .add("name", "Directory Test Member")
                      .add("rank", "Police Officer")
                      .add("command", "PCT-075")
                      .add("active", true)
                      .build());
      assertEquals(
          201, added.status(), "the directory's administrator adds a member: " + added.body());
      long member = added.json().getJsonNumber("id").longValue();
      Api.Answer submitted =
          Api.as(url, "ad.ruiz", "ad-pass-1")
              .post("access-requests", Scenario.request(member, "CMS", "VIEW"));
      assertEquals(201, submitted.status(), submitted.body());
      String key = submitted.json().getString("businessKey");
      assertNotNull(
          Api.as(url, "ad.moore", "ad-pass-2").taskOf(key, "Task_ReviewAccessRequest"),
          "the review waits for access-review-1, an AD group");
    } finally {
      try {
        deployer.undeploy(DEPLOYMENT);
      } finally {
        servers.stop(SERVER);
      }
    }
  }

  private static List<String> strings(JsonObject o, String name) {
    return o.getJsonArray(name).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .sorted()
        .toList();
  }
}
