package org.custodian.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.AuditSearch;
import org.custodian.oversight.control.FocusedAudits;
import org.custodian.oversight.control.RequestFocusedAudit;
import org.custodian.oversight.entity.FocusedAudit;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.rest.QueryParams;

/**
 * Focused audits of computer activity: requested, read, and once the Information Technology Bureau
 * approves (the task "Review focused audit request"), their report as CSV or PDF.
 */
@Path("focused-audits")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class FocusedAuditResource {

  @Inject FocusedAudits audits;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(RequestFocusedAudit body) {
    FocusedAudit a = audits.request(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED).entity(audits.requested(a)).build();
  }

  /**
   * One page of the requests the caller may see, newest first; the header {@code X-Total-Count}
   * says how many there are in all.
   */
  @GET
  public Response list(
      @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
    QueryParams params = new QueryParams();
    int offset = params.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = params.number("limit", limitParam, 1, 200, 50);
    params.check();
    List<FocusedAudits.View> page = audits.list(signedIn.actor(), offset, limit);
    return Response.ok(page).header("X-Total-Count", audits.count(signedIn.actor())).build();
  }

  @GET
  @Path("{id}")
  public FocusedAudits.View view(@PathParam("id") long id) {
    return audits.view(signedIn.actor(), id);
  }

  /** The approved audit's report: {@code format=csv} (default) or {@code pdf}; audited. */
  @GET
  @Path("{id}/report")
  @Produces({"text/csv", "application/pdf"})
  public Response report(
      @PathParam("id") long id, @QueryParam("format") @DefaultValue("csv") String format) {
    QueryParams q = new QueryParams();
    AuditSearchResource.Format chosen =
        q.choice(
            "format", AuditSearchResource.Format.class, format, AuditSearchResource.Format.CSV);
    q.check();
    Actor actor = signedIn.actor();
    List<AuditSearch.Hit> hits = audits.report(actor, id, chosen.name());
    FocusedAudit a = audits.find(id);
    return ExportDownloads.of(
        chosen,
        hits,
        audits.describe(a),
        actor.username(),
        clock.now(),
        "focused-audit-" + a.businessKey());
  }
}
