package org.custodian.addendum.boundary;

import static org.custodian.testing.AddendumScenario.AUTHOR;
import static org.custodian.testing.AddendumScenario.daysFromToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.custodian.testing.AddendumScenario;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public comment endpoint on MariaDB: no sign-in needed and nothing else reachable without one;
 * only while the window is open; markup stripped; size-limited; rate-limited per client.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PublicCommentApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource URL url;

  private static JsonObject comment(String text) {
    return Json.createObjectBuilder().add("text", text).build();
  }

  @Test
  void commentsWithoutSignInWhileTheWindowIsOpenAsPlainTextLimitedAndRateLimited()
      throws Exception {
    AddendumScenario s = new AddendumScenario(url);
    s.clear("ERMS");
    JsonObject a = s.open("ERMS-TLO", daysFromToday(300));
    long id = a.getJsonNumber("id").longValue();
    String key = a.getString("businessKey");
    Api anyone = Api.anonymous(url);

    // Not public before the Commissioner approves it for comment
    assertEquals(404, anyone.get("public/addenda/" + id).status());
    assertEquals(
        404, anyone.post("public/addenda/" + id + "/comments", comment("Early comment")).status());
    assertEquals(
        201,
        s.save(
                id,
                "EXTERNAL_ENTITIES",
                "<p>TLO searches may be shared with the District Attorney's office.</p>")
            .status());
    s.toComment(key);

    // Open: a comment needs no sign-in; the name is optional; it is plain text, kept and returned
    // as
    // written (markup is characters, never markup: the pages escape it)
    Api.Answer plain =
        anyone.post("public/addenda/" + id + "/comments", comment("Who audits these searches?"));
    assertEquals(201, plain.status(), plain.body());
    Api.Answer named =
        anyone.post(
            "public/addenda/" + id + "/comments",
            Json.createObjectBuilder()
                .add("name", "<i>Dana</i> Reyes")
                .add(
                    "text",
                    "<p onclick=\"x()\">Keep <b>logs</b></p><script>alert('x')</script><img src=x onerror=alert(1)>")
                .build());
    assertEquals(201, named.status(), named.body());
    assertEquals(
        "<p onclick=\"x()\">Keep <b>logs</b></p><script>alert('x')</script><img src=x onerror=alert(1)>",
        named.json().getString("text"),
        "stored and returned exactly as written");
    Api.Answer entities =
        anyone.post("public/addenda/" + id + "/comments", comment("&lt;script&gt; stays as typed"));
    assertEquals(201, entities.status(), entities.body());
    assertEquals(
        "&lt;script&gt; stays as typed",
        entities.json().getString("text"),
        "not decoded into markup");
    JsonObject internal = s.get(id);
    assertTrue(internal.toString().contains("\"name\":\"<i>Dana</i> Reyes\""), internal.toString());

    // Bad input names the field
    Api.Answer blank = anyone.post("public/addenda/" + id + "/comments", comment("  \n "));
    assertEquals(400, blank.status());
    assertEquals("text", blank.field());
    Api.Answer oversized =
        anyone.post("public/addenda/" + id + "/comments", comment("x".repeat(5_001)));
    assertEquals(400, oversized.status());
    assertEquals("text", oversized.field());
    assertTrue(
        oversized
            .json()
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("message")
            .contains("5000"),
        oversized.body());
    assertEquals(
        400,
        anyone
            .post(
                "public/addenda/" + id + "/comments",
                Json.createObjectBuilder().add("name", "n".repeat(101)).add("text", "ok").build())
            .status());
    assertEquals(400, anyone.post("public/addenda/" + id + "/comments", "not json").status());
    assertEquals(
        404, anyone.post("public/addenda/999999999/comments", comment("Nobody home")).status());

    // What anyone may send without signing in is small: refused before anything reads it
    Api.Answer huge =
        anyone.post(
            "public/addenda/" + id + "/comments", "{\"text\":\"" + "x".repeat(70_000) + "\"}");
    assertEquals(413, huge.status(), huge.body());
    assertEquals("body", huge.field());

    // At most 5 comments per client per hour on one addendum: three were taken above, and 20 sent
    // at once get exactly the 2 that are left
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(20);
    java.util.List<java.util.concurrent.Future<Api.Answer>> sent = new java.util.ArrayList<>();
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    for (int i = 0; i < 20; i++) {
      String text = "Parallel comment " + i;
      sent.add(
          pool.submit(
              () -> {
                go.await();
                return anyone.post("public/addenda/" + id + "/comments", comment(text));
              }));
    }
    go.countDown();
    int accepted = 0;
    int refused = 0;
    Api.Answer tooMany = null;
    for (var f : sent) {
      Api.Answer answer = f.get();
      if (answer.status() == 201) {
        accepted++;
      } else if (answer.status() == 429) {
        refused++;
        tooMany = answer;
      }
    }
    pool.shutdown();
    assertEquals(2, accepted, "the limit holds under parallel requests");
    assertEquals(18, refused);
    assertTrue(tooMany.json().getString("detail").contains("wait"), tooMany.body());

    // Nothing else is reachable without signing in
    assertEquals(401, anyone.get("addenda").status());
    assertEquals(401, anyone.get("addenda/" + id).status());
    assertEquals(
        401, anyone.post("addenda", AddendumScenario.opening("CMS", daysFromToday(300))).status());
    assertEquals(
        401,
        anyone
            .post(
                "addenda/" + id + "/drafts",
                Json.createObjectBuilder()
                    .add("sections", Json.createObjectBuilder().add("RULES", "<p>x</p>"))
                    .build())
            .status());
    assertEquals(
        401,
        anyone
            .post(
                "addenda/" + id + "/withdraw",
                Json.createObjectBuilder().add("reason", "anonymous withdrawal").build())
            .status());
    assertEquals(401, anyone.get("tasks?scope=all").status());
    assertEquals(401, anyone.get("disclosures/1").status());
    assertEquals(401, anyone.get("test-engine-clock/timers?businessKey=" + key).status());
    assertTrue(
        screen("addenda/index.xhtml").contains("j_username"),
        "the staff screens ask for a sign-in");
    assertTrue(screen("inbox/index.xhtml").contains("j_username"));
    assertTrue(
        screen("public/index.xhtml").contains(key),
        "the public index lists the addendum without a sign-in");
    assertTrue(
        screen("public/addendum.xhtml?id=" + id).contains("comment:text"),
        "the comment form is public while the window is open");
    assertEquals(200, anyone.get("public/policies").status());
    for (String page :
        new String[] {
          "public/index.xhtml",
          "public/policy.xhtml?policy=CMS",
          "public/compare.xhtml?policy=CMS&to=2"
        }) {
      assertEquals(
          java.util.Optional.empty(),
          response(page).headers().firstValue("Set-Cookie"),
          page + " is read without a session");
      assertEquals(200, response(page).statusCode(), page);
    }

    // After the window closes (its timer), comments are refused with a clear message
    s.fire(key, Instant.parse(s.get(id).getString("commentClosesAt")));
    Api.Answer late =
        Api.anonymous(url).post("public/addenda/" + id + "/comments", comment("Late comment"));
    assertEquals(409, late.status());
    assertTrue(late.json().getString("detail").contains("closed"), late.body());
    assertFalse(
        screen("public/addendum.xhtml?id=" + id).contains("comment:text"),
        "no form once the window closed");

    // The author answers all five comments in one group, and the final version is published
    var ids = Json.createArrayBuilder();
    s.get(id).getJsonArray("comments").forEach(c -> ids.add(c.asJsonObject().getJsonNumber("id")));
    assertEquals(
        201,
        s.as(AUTHOR)
            .post(
                "addenda/" + id + "/responses",
                Json.createObjectBuilder()
                    .add("commentIds", ids)
                    .add("text", "Searches are logged and audited quarterly.")
                    .build())
            .status());
    s.toPublication(key);
    JsonObject published = anyone.get("public/addenda/" + id).json();
    assertEquals(5, published.getJsonArray("comments").size());
    assertEquals(
        "Searches are logged and audited quarterly.",
        published.getJsonArray("comments").getJsonObject(0).getString("response"));
  }

  private String screen(String path) {
    return response(path).body();
  }

  private HttpResponse<String> response(String path) {
    try {
      return HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(url.toString() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
