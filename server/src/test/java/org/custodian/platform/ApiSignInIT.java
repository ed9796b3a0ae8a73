package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.Users;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An API client that keeps the cookie of its first HTTP Basic call is known by it on its next
 * calls, so its password is checked once, not on every call; the cookie is HttpOnly and SameSite; a
 * call naming another user, a changed password or roles, and a disabled account each end it (401
 * with a challenge, or 403 for the disabled), and the next call signs in with its credentials.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiSignInIT {

  private static final String PASSWORD = "first-password-123";

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  /** A client with its own cookie jar, as a well-behaved API client keeps one. */
  private final class Client {
    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> me(String user, String password) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url.toString()).resolve("api/me")).GET();
      if (user != null) {
        request.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> me() throws Exception {
      return me(null, null);
    }
  }

  private static String username(HttpResponse<String> me) {
    return Json.createReader(new StringReader(me.body())).readObject().getString("username");
  }

  private static String change(List<String> roles, String command, boolean enabled) {
    return Users.change(roles, List.of(), command, null, enabled).toString();
  }

  @Test
  void theCookieOfTheFirstCallStandsForTheClientUntilItsCredentialsChange() throws Exception {
    Api admin = Api.as(url, "admin");
    String user = Users.add(admin, "cookie", PASSWORD);
    Client client = new Client();

    HttpResponse<String> first = client.me(user, PASSWORD);
    assertEquals(200, first.statusCode(), first.body());
    String cookie =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("ELYTRON_AUTH_SESSION="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no sign-in cookie: " + first.headers().map()));
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertFalse(cookie.contains("Secure"), "plain HTTP here: " + cookie);

    // known by the cookie: no password needed, so none is checked
    HttpResponse<String> byCookie = client.me();
    assertEquals(200, byCookie.statusCode(), byCookie.body());
    assertEquals(user, username(byCookie));
    assertEquals(200, client.me(user, "not-checked-again").statusCode());

    // a call naming another user ends the cookie's sign-in; the next signs in as that user
    HttpResponse<String> other = client.me("rev.one", Api.DEMO_PASSWORD);
    assertEquals(401, other.statusCode(), other.body());
    assertTrue(other.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
    assertTrue(other.body().contains("another user"), other.body());
    HttpResponse<String> again = client.me("rev.one", Api.DEMO_PASSWORD);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("rev.one", username(again));
    assertEquals("rev.one", username(client.me()));

    // changed roles end it
    Client second = new Client();
    assertEquals(200, second.me(user, PASSWORD).statusCode());
    assertEquals(200, second.me().statusCode());
    assertEquals(
        200,
        admin.put("users/" + user, change(List.of("executive-reviewer"), null, true)).status());
    HttpResponse<String> changed = second.me();
    assertEquals(401, changed.statusCode(), changed.body());
    assertTrue(changed.body().contains("changed since"), changed.body());
    assertNotEquals(200, second.me().statusCode(), "the cookie stands for nobody now");
    assertEquals(200, second.me(user, PASSWORD).statusCode(), "signed in again");

    // a password reset ends it
    assertEquals(200, second.me().statusCode());
    assertEquals(
        204,
        admin
            .post(
                "users/" + user + "/password-reset",
                Json.createObjectBuilder().add("temporaryPassword", "temporary-pass-1").build())
            .status());
    assertEquals(401, second.me().statusCode());
    assertEquals(401, second.me(user, PASSWORD).statusCode(), "the old password");
    assertEquals(403, second.me(user, "temporary-pass-1").statusCode(), "change it first");

    // disabling ends it
    String another = Users.add(admin, "cookie", PASSWORD);
    Client third = new Client();
    assertEquals(200, third.me(another, PASSWORD).statusCode());
    assertEquals(200, third.me().statusCode());
    assertEquals(
        200, admin.put("users/" + another, change(List.of("member"), "PCT-075", false)).status());
    assertEquals(403, third.me().statusCode(), "disabled");
    assertNotEquals(200, third.me().statusCode(), "the cookie stands for nobody now");
    assertEquals(401, third.me(another, PASSWORD).statusCode(), "the realm refuses the disabled");
  }
}
