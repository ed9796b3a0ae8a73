package org.custodian.notification.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.directory.control.MailPreferences;
import org.custodian.directory.control.SignedInUser;
import org.custodian.notification.control.MyMail;

/**
 * The signed-in user's mail: how they want it ({@code PUT}, {@code {"mode": "IMMEDIATE" |
 * "DAILY_DIGEST", "muteGroupMail": false}}), and what Custodian sent them, holds for their summary
 * or could not send ({@code GET}).
 */
@Path("me/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

  @Inject SignedInUser signedIn;

  @Inject MyMail mail;

  @GET
  public MyMail.View mine() {
    return mail.of(signedIn.actor());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public MyMail.View prefer(MailPreferences body) {
    return mail.prefer(signedIn.actor(), body);
  }
}
