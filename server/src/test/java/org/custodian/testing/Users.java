package org.custodian.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;

/** Users an administrator adds and changes through the API, for tests that need their own. */
public final class Users {

  private Users() {}

  /** Adds a member of PCT-075 with a name no other run used; its username. */
  public static String add(Api admin, String prefix, String password) {
    String username = prefix + "." + Long.toString(System.nanoTime(), 36);
    Api.Answer added =
        admin.post(
            "users",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .add("roles", Json.createArrayBuilder().add("member"))
                .add("command", "PCT-075")
                .build());
    assertEquals(201, added.status(), added.body());
    return username;
  }

  /** The body of {@code PUT /api/users/{username}} (command: none if null). */
  public static JsonObject change(
      List<String> roles, List<String> groups, String command, String email, boolean enabled) {
    var body =
        Json.createObjectBuilder()
            .add("displayName", "Sgt. Kept Changed")
            .add("roles", Json.createArrayBuilder(roles))
            .add("groups", Json.createArrayBuilder(groups))
            .add("enabled", enabled);
    if (email != null) {
      body.add("email", email);
    }
    if (command != null) {
      body.add("command", command);
    }
    return body.build();
  }
}
