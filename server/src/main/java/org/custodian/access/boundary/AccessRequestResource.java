package org.custodian.access.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custodian.access.control.AccessRequests;
import org.custodian.access.control.SubmitAccessRequest;
import org.custodian.access.entity.AccessDecision;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.GrantSuspension;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.EngineClock;

@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AccessRequestResource {

  public record DecisionView(
      int layer, String reviewer, String decision, String comment, Instant at) {
    static DecisionView of(AccessDecision d) {
      return new DecisionView(
          d.layer(), d.actor(), d.decision().name(), d.comment(), d.decidedAt());
    }
  }

  public record AccessRequestView(
      long id,
      String businessKey,
      long memberId,
      String technology,
      String accessLevel,
      String justification,
      String requestedBy,
      String status,
      int reviewLayers,
      int currentLayer,
      List<DecisionView> decisions,
      Instant createdAt,
      Instant closedAt) {
    static AccessRequestView of(AccessRequest r) {
      return new AccessRequestView(
          r.id(),
          r.businessKey(),
          r.member().id(),
          r.accessLevel().technology().code(),
          r.accessLevel().code(),
          r.justification(),
          r.requestedBy(),
          r.status().name(),
          r.reviewLayers(),
          r.currentLayer(),
          r.decisions().stream().map(DecisionView::of).toList(),
          r.createdAt(),
          r.closedAt());
    }
  }

  public record GrantView(
      long id,
      long requestId,
      String technology,
      String accessLevel,
      Instant grantedAt,
      Instant endedAt,
      String endReason,
      Instant suspendedUntil,
      String suspensionReason) {
    static GrantView of(AccessGrant g, Instant now) {
      Optional<GrantSuspension> suspension = g.suspensionAt(now);
      return new GrantView(
          g.id(),
          g.request().id(),
          g.accessLevel().technology().code(),
          g.accessLevel().code(),
          g.grantedAt(),
          g.endedAt(),
          g.endReason(),
          suspension.map(GrantSuspension::until).orElse(null),
          suspension.map(GrantSuspension::reason).orElse(null));
    }
  }

  @Inject AccessRequests requests;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @Context UriInfo uri;

  @POST
  @Path("access-requests")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response submit(SubmitAccessRequest body) {
    AccessRequest request = requests.submit(signedIn.actor(), body);
    return Response.created(
            uri.getBaseUriBuilder().path("access-requests/{id}").build(request.id()))
        .entity(AccessRequestView.of(request))
        .build();
  }

  @GET
  @Path("access-requests/{id}")
  public AccessRequestView request(@PathParam("id") long id) {
    return AccessRequestView.of(requests.view(signedIn.actor(), id));
  }

  /** The request's process diagram with its current step highlighted. */
  @GET
  @Path("access-requests/{id}/diagram")
  @Produces("image/png")
  public byte[] diagram(@PathParam("id") long id) {
    return requests.diagram(signedIn.actor(), id);
  }

  @GET
  @Path("members/{id}/grants")
  public List<GrantView> grants(@PathParam("id") long memberId) {
    Instant now = clock.now();
    return requests.grantsOf(signedIn.actor(), memberId).stream()
        .map(g -> GrantView.of(g, now))
        .toList();
  }
}
