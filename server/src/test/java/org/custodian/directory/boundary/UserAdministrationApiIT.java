package org.custodian.directory.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Deployments;
import org.custodian.testing.Users;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Users through the API, as an administrator keeps them: listed, changed (roles that oversee each
 * other refused), disabled (they cannot sign in) and enabled again; a password reset that the user
 * must change before anything else; every change audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UserAdministrationApiIT {

  private static final String PASSWORD = "first-password-123";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  private static JsonObject change(List<String> roles, String command, boolean enabled) {
    return Users.change(roles, List.of("access-review-2"), command, "kept@nypd.test", enabled);
  }

  @Test
  void anAdministratorChangesDisablesAndResetsAUserAndEveryChangeIsAudited() {
    Api admin = Api.as(url, "admin");
    String username = Users.add(admin, "kept", PASSWORD);
    long mark = AuditTrail.mark();

    Api.Answer listed = admin.get("users?limit=200");
    assertEquals(200, listed.status());
    assertTrue(listed.totalCount() >= 1, "X-Total-Count");
    assertTrue(listed.body().contains("\"admin\""), listed.body());
    assertFalse(listed.body().contains("password"), "no password or hash: " + listed.body());
    assertEquals("limit", admin.get("users?limit=0").field());

    Api.Answer refused =
        admin.put("users/" + username, change(List.of("admin", "auditor"), "PCT-075", true));
    assertEquals(400, refused.status(), refused.body());
    assertEquals("roles", refused.field());
    assertEquals(
        "command",
        admin.put("users/" + username, change(List.of("member"), "NOWHERE", true)).field());
    assertEquals(404, admin.get("users/nobody.at.all").status());

    Api.Answer changed =
        admin.put("users/" + username, change(List.of("executive-reviewer"), null, true));
    assertEquals(200, changed.status(), changed.body());
    JsonObject user = changed.json();
    assertEquals("Sgt. Kept Changed", user.getString("displayName"));
    assertEquals(List.of(Json.createValue("executive-reviewer")), user.getJsonArray("roles"));
    assertTrue(user.isNull("command"));
    assertEquals("kept@nypd.test", user.getString("email"));
    List<String> groups =
        Api.as(url, username, PASSWORD).get("me").json().getJsonArray("groups").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList();
    assertTrue(groups.contains("access-review-2"), groups.toString());

    // disabled: cannot sign in; and an administrator cannot disable themselves
    assertEquals(
        200,
        admin
            .put("users/" + username, change(List.of("executive-reviewer"), null, false))
            .status());
    assertEquals(401, Api.as(url, username, PASSWORD).get("me").status());
    assertEquals(
        "enabled", admin.put("users/admin", change(List.of("admin"), null, false)).field());
    assertEquals(
        200,
        admin.put("users/" + username, change(List.of("executive-reviewer"), null, true)).status());

    // a reset password: only a change of password until it is changed
    assertEquals(
        "temporaryPassword",
        admin
            .post(
                "users/" + username + "/password-reset",
                Json.createObjectBuilder().add("temporaryPassword", "short").build())
            .field());
    assertEquals(
        204,
        admin
            .post(
                "users/" + username + "/password-reset",
                Json.createObjectBuilder().add("temporaryPassword", "temporary-pass-1").build())
            .status());
    assertEquals(401, Api.as(url, username, PASSWORD).get("me").status(), "the old password");
    Api temporary = Api.as(url, username, "temporary-pass-1");
    Api.Answer blocked = temporary.get("me");
    assertEquals(403, blocked.status(), blocked.body());
    assertTrue(blocked.body().contains("Change your password first"), blocked.body());
    assertEquals(403, temporary.get("tasks").status());
    assertEquals(
        "currentPassword",
        temporary
            .post(
                "me/password",
                Json.createObjectBuilder()
                    .add("currentPassword", "not-the-one-123")
                    .add("newPassword", "my-own-password-1")
                    .build())
            .field());
    assertEquals(
        204,
        temporary
            .post(
                "me/password",
                Json.createObjectBuilder()
                    .add("currentPassword", "temporary-pass-1")
                    .add("newPassword", "my-own-password-1")
                    .build())
            .status());
    assertEquals(200, Api.as(url, username, "my-own-password-1").get("me").status());
    assertEquals(401, temporary.get("me").status(), "the temporary password is gone");

    List<String> byAdmin = AuditTrail.actions(mark, "admin");
    assertTrue(byAdmin.contains("USER_CHANGED"), byAdmin.toString());
    assertTrue(byAdmin.contains("USER_PASSWORD_RESET"), byAdmin.toString());
    assertTrue(
        AuditTrail.actions(mark, username).contains("USER_PASSWORD_CHANGED"),
        AuditTrail.actions(mark, username).toString());
    assertFalse(
        admin.get("users/" + username).json().getBoolean("mustChangePassword"),
        "changed: nothing waits");
    assertTrue(
        admin.get("users?limit=200").array().stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(u -> u.getString("username").equals(username)));
  }
}
