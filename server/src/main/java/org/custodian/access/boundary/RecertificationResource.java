package org.custodian.access.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.custodian.access.control.Recertifications;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.directory.control.SignedInUser;

/**
 * Recertification campaigns: an admin starts one now; the campaign shows each command's progress.
 */
@Path("recertification-campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class RecertificationResource {

  public record CampaignView(
      long id,
      String businessKey,
      String startedBy,
      Instant startedAt,
      Instant dueAt,
      Instant closedAt,
      List<Recertifications.Progress> commands) {}

  @Inject Recertifications recertifications;

  @Inject SignedInUser signedIn;

  @POST
  public Response start() {
    RecertificationCampaign campaign = recertifications.startNow(signedIn.actor());
    return Response.status(Response.Status.CREATED).entity(view(campaign)).build();
  }

  @GET
  @Path("{id}")
  public CampaignView campaign(@PathParam("id") long id) {
    return view(recertifications.find(signedIn.actor(), id));
  }

  private CampaignView view(RecertificationCampaign c) {
    return new CampaignView(
        c.id(),
        c.businessKey(),
        c.startedBy(),
        c.startedAt(),
        c.dueAt(),
        c.closedAt(),
        recertifications.progress(signedIn.actor(), c.id()));
  }
}
