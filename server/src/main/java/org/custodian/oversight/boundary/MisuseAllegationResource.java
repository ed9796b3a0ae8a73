package org.custodian.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.custodian.oversight.control.FileAllegation;
import org.custodian.oversight.control.MisuseAllegations;
import org.custodian.oversight.control.RecordStep;
import org.custodian.oversight.entity.MisuseAllegation;
import org.custodian.platform.rest.QueryParams;

/**
 * Allegations of misuse: filed, listed, read, and the investigator's steps. Triage and conclusion
 * are the tasks' forms ({@code POST /api/tasks/{id}/complete}). Who sees what: {@code
 * OversightPolicy}; a case Internal Affairs holds is 404 for everyone else.
 */
@Path("misuse-allegations")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class MisuseAllegationResource {

  @Inject MisuseAllegations allegations;

  @Inject SignedInUser signedIn;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response file(FileAllegation body) {
    MisuseAllegation filed = allegations.file(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED)
        .entity(allegations.view(signedIn.actor(), filed.id()))
        .build();
  }

  /**
   * One page of the allegations the caller may see, newest first; the header {@code X-Total-Count}
   * says how many there are in all.
   */
  @GET
  public Response list(
      @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
    QueryParams params = new QueryParams();
    int offset = params.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = params.number("limit", limitParam, 1, 200, 50);
    params.check();
    List<MisuseAllegations.View> page = allegations.list(signedIn.actor(), offset, limit);
    return Response.ok(page).header("X-Total-Count", allegations.count(signedIn.actor())).build();
  }

  @GET
  @Path("{id}")
  public MisuseAllegations.View view(@PathParam("id") long id) {
    return allegations.view(signedIn.actor(), id);
  }

  @POST
  @Path("{id}/steps")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response step(@PathParam("id") long id, RecordStep body) {
    allegations.recordStep(signedIn.actor(), id, body);
    return Response.status(Response.Status.CREATED).build();
  }
}
