package org.custodian.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.AccessEventFiles;
import org.custodian.oversight.control.AccessEvents;
import org.custodian.oversight.control.Findings;
import org.custodian.oversight.control.ReportAccessEvents;
import org.custodian.oversight.entity.AccessFinding;
import org.custodian.platform.rest.MaxBytes;
import org.custodian.platform.rest.QueryParams;

/**
 * The covered systems' access events (a system posts what its users did) and the findings raised
 * when they arrive.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AccessEventResource {

  @Inject AccessEvents events;

  @Inject Findings findings;

  @Inject AccessEventFiles files;

  @Inject SignedInUser signedIn;

  /**
   * Up to 1,000 events: {@code {accepted, duplicates, rejected: [{index, errors}]}}. A bad event is
   * refused by its index and the others kept; an event id the system reported before is a
   * duplicate, never a second entry.
   */
  @POST
  @Path("access-events")
  @Consumes(MediaType.APPLICATION_JSON)
  public ReportAccessEvents.Outcome report(
      @MaxBytes(ReportAccessEvents.MAX_BYTES) ReportAccessEvents body) {
    return events.report(signedIn.actor(), body);
  }

  /**
   * A file of events from a system that can only export: {@code text/csv} with a header row, or
   * {@code application/x-ndjson}, one event per line; up to 100,000 events. The answer is the same
   * as for {@code POST /api/access-events}, with each refused event's place in the file.
   */
  @POST
  @Path("access-events/import")
  public ReportAccessEvents.Outcome importFile(
      @HeaderParam("Content-Type") String contentType, InputStream body) {
    return files.importFile(signedIn.actor(), contentType, body);
  }

  /** Findings, newest first: a command's (a Commanding Officer's own by default), or all. */
  @GET
  @Path("access-findings")
  public List<Findings.FindingView> findings(
      @QueryParam("command") String commandParam,
      @QueryParam("status") String statusParam,
      @QueryParam("offset") String offsetParam,
      @QueryParam("limit") String limitParam) {
    QueryParams params = new QueryParams();
    String command = params.text("command", commandParam, 32);
    AccessFinding.Status status =
        params.choice("status", AccessFinding.Status.class, statusParam, null);
    int offset = params.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = params.number("limit", limitParam, 1, 200, 50);
    params.check();
    return findings.list(
        signedIn.actor(),
        command == null || command.isBlank() ? null : command,
        status,
        offset,
        limit);
  }
}
