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
 * The 24-hour clock survives a server restart: a breach is reported on a server that is then
 * stopped and started again (the application comes back with it), and its deadline still fires.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BreachClockRestartIT {

  static final String SERVER = "wildfly-restart";
  static final String DEPLOYMENT = "custodian-restarted";

  @Deployment(name = DEPLOYMENT, managed = false, testable = false)
  @TargetsContainer(SERVER)
  static WebArchive deployment() {
    return Deployments.war().addClass(EngineClockResource.class);
  }

  @ArquillianResource ContainerController servers;

  @ArquillianResource Deployer deployer;

  @Test
  void aPendingDeadlineStillFiresAfterTheServerRestarts() throws Exception {
    URL url = URI.create("http://127.0.0.1:8180/custodian/").toURL();
    servers.start(SERVER);
    try {
      deployer.deploy(DEPLOYMENT);
      JsonObject b =
          Api.as(url, "member.diaz").post("breaches", BreachApiIT.report().build()).json();
      String key = b.getString("businessKey");
      long id = b.getJsonNumber("id").longValue();
      Instant deadline = Instant.parse(b.getString("cpoDeadline"));

      servers.stop(SERVER);
      servers.start(SERVER); // the deployment is in the server's configuration: it comes back

      JsonObject timers =
          Api.as(url, "admin").get("test-engine-clock/timers?businessKey=" + key).json();
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
      assertTrue(after.getBoolean("overdue"), "overdue after the deadline, as before the restart");
      assertEquals("ASSESSING", after.getString("status"));
    } finally {
      try {
        deployer.undeploy(DEPLOYMENT);
      } finally {
        servers.stop(SERVER);
      }
    }
  }
}
