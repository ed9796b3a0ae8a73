package org.custodian.access.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.custodian.access.control.RosterImport;
import org.custodian.directory.control.SignedInUser;

/**
 * The HR system's roster export ({@code text/csv}: taxNumber,name,rank,command,active): new members
 * added, moves and separations applied as personnel events. Admin only.
 */
@Path("members/import")
@Produces(MediaType.APPLICATION_JSON)
public class RosterResource {

  @Inject RosterImport roster;

  @Inject SignedInUser signedIn;

  @POST
  public RosterImport.Outcome importRoster(
      @HeaderParam("Content-Type") String contentType, InputStream body) {
    return roster.importFile(signedIn.actor(), contentType, body);
  }
}
