package org.custodian.breach.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.custodian.testing.Api;
import org.custodian.testing.Deployments;
import org.custodian.testing.EngineClockResource;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The 24-hour clock survives a redeploy: the application (and its process engine) is undeployed and
 * deployed again with a breach pending, and its deadline still fires, marking the case overdue.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BreachClockRedeployIT {

  static final String DEPLOYMENT = "custodian-redeployed";

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource Deployer deployer;

  /** The unmanaged deployment's address (the test server's HTTP port, the WAR's context). */
  static URL url() throws Exception {
    return URI.create("http://127.0.0.1:8080/custodian/").toURL();
  }

  @Test
  void aPendingDeadlineStillFiresAfterTheApplicationIsRedeployed() throws Exception {
    deployer.deploy(DEPLOYMENT);
    try {
      URL url = url();
      JsonObject b =
          Api.as(url, "member.diaz").post("breaches", BreachApiIT.report().build()).json();
      String key = b.getString("businessKey");
      long id = b.getJsonNumber("id").longValue();
      Instant deadline = Instant.parse(b.getString("cpoDeadline"));

      deployer.undeploy(DEPLOYMENT);
      deployer.deploy(DEPLOYMENT);

      JsonObject timers =
          Api.as(url, "admin").get("test-engine-clock/timers?businessKey=" + key).json();
      assertTrue(timers.getBoolean("running"), "the case's process is still running");
      assertTrue(
          timers.getJsonArray("timers").stream()
              .map(JsonValue::asJsonObject)
              .anyMatch(
                  t ->
                      t.getString("elementId").equals("Timer_CpoDeadline")
                          && Instant.parse(t.getString("dueDate")).equals(deadline)),
          "the deadline timer is still due at " + deadline + ": " + timers);
      assertFalse(Api.as(url, "apo.legal").get("breaches/" + id).json().getBoolean("overdue"));

      String at =
          URLEncoder.encode(
              deadline.plus(Duration.ofMinutes(1)).toString(), StandardCharsets.UTF_8);
      JsonObject fired =
          Api.as(url, "admin")
              .post(
                  "test-engine-clock/fire?businessKey=" + key + "&at=" + at,
                  Json.createObjectBuilder().build())
              .json();
      assertTrue(
          fired.getJsonArray("fired").toString().contains("Timer_CpoDeadline"), fired.toString());
      JsonObject after = Api.as(url, "apo.legal").get("breaches/" + id).json();
      assertTrue(after.getBoolean("overdue"), "overdue after the deadline, as before the redeploy");
      assertEquals("ASSESSING", after.getString("status"));
    } finally {
      deployer.undeploy(DEPLOYMENT);
    }
  }
}
