package org.custodian.policy.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An administrator loads a published policy from its text; only an administrator; bad input named.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PolicyAdminApiIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void anAdministratorLoadsAPolicyFromItsTextSplitIntoItsSections() throws IOException {
    String text = Files.readString(Path.of("src/main/resources/policies/ped-2021.txt"));
    String code = "T" + (System.currentTimeMillis() % 1_000_000_000L);
    JsonObject body =
        Json.createObjectBuilder()
            .add("code", code)
            .add("title", "Test devices")
            .add("label", "Published for a test")
            .add("text", text)
            .build();

    assertEquals(
        403,
        Api.as(url, "author.policy").post("policies", body).status(),
        "policy authors change policies only through addenda");
    assertEquals(401, Api.anonymous(url).post("policies", body).status());
    Api.Answer partial =
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("title", "Test devices")
                    .add("label", "x")
                    .add(
                        "sections",
                        Json.createObjectBuilder().add("ABSTRACT", "<p>Only an abstract.</p>"))
                    .build());
    assertEquals(400, partial.status());
    assertEquals(
        "sections.CAPABILITIES", partial.field(), "every standard section must say something");
    assertEquals(
        "sections",
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("title", "t")
                    .add("label", "l")
                    .add("sections", "<p>not an object</p>")
                    .build())
            .field());
    assertEquals(
        "sections.NOPE",
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("title", "t")
                    .add("label", "l")
                    .add("sections", Json.createObjectBuilder().add("NOPE", "<p>x</p>"))
                    .build())
            .field());
    assertEquals(
        "code",
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", "bad code")
                    .add("title", "t")
                    .add("label", "l")
                    .add("text", text)
                    .build())
            .field());
    assertEquals(
        "technologies[0]",
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("title", "t")
                    .add("label", "l")
                    .add("text", text)
                    .add("technologies", Json.createArrayBuilder().add("NOPE"))
                    .build())
            .field());
    assertEquals(
        409,
        Api.as(url, "admin")
            .post(
                "policies",
                Json.createObjectBuilder()
                    .add("code", code)
                    .add("title", "t")
                    .add("label", "l")
                    .add("text", text)
                    .add("technologies", Json.createArrayBuilder().add("CMS"))
                    .build())
            .status(),
        "a technology has one policy");

    Api.Answer loaded = Api.as(url, "admin").post("policies", body);
    assertEquals(201, loaded.status(), loaded.body());
    assertEquals(1, loaded.json().getInt("currentVersion"));
    JsonObject current = Api.anonymous(url).get("public/policies/" + code).json();
    assertEquals(11, current.getJsonArray("sections").size());
    assertTrue(
        current
            .getJsonArray("sections")
            .getJsonObject(2)
            .getString("html")
            .contains("Public Oversight of Surveillance Technology Act"),
        "the rules section");
    assertEquals(409, Api.as(url, "admin").post("policies", body).status(), "the code is taken");
  }
}
