package org.custodian.testing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.custodian.notification.control.MailSender;

/**
 * Test only (deployed with the tests that need it, never in the application's WAR): runs the mail
 * sender as if it were {@code at}, so a test sees a daily summary go, or a failed message tried
 * again, without waiting for the clock.
 */
@Path("test-mail")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class MailClockResource {

  @Inject MailSender sender;

  @POST
  @Path("send")
  public JsonObject send(@QueryParam("at") String at) {
    return Json.createObjectBuilder().add("sent", sender.runAt(Instant.parse(at))).build();
  }
}
