package org.custodian.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.FileAllegation;
import org.custodian.oversight.control.MisuseAllegations;
import org.custodian.oversight.control.RecordStep;
import org.custodian.oversight.entity.MisuseAllegation;

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

  @GET
  public List<MisuseAllegations.View> list() {
    return allegations.list(signedIn.actor());
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
