package org.custodian.audit.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.custodian.audit.control.ChainVerifier;
import org.custodian.directory.control.SignedInUser;

@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AuditResource {

  @Inject ChainVerifier verifier;

  @Inject SignedInUser signedIn;

  /** Recomputes the chain and names the first bad sequence. */
  @GET
  @Path("verify")
  public ChainVerifier.Verdict verify() {
    return verifier.verify(signedIn.actor());
  }
}
