package org.custodian.policy.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.rest.MaxBytes;
import org.custodian.policy.control.LoadPolicy;
import org.custodian.policy.control.Policies;
import org.custodian.policy.entity.PolicyDocument;

/**
 * Loading a published policy (admin): {code, title, label, publishedAt?, technologies?[], and
 * either text (the policy as plain text, split into its sections by its headings) or sections {KEY:
 * html}}. Later versions come only from addenda.
 */
@Path("policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyAdminResource {

  @Inject Policies policies;

  @Inject SignedInUser signedIn;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response load(@MaxBytes(LoadPolicy.MAX_BYTES) LoadPolicy body) {
    PolicyDocument policy = policies.create(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED)
        .entity(PolicyResource.summaryOf(policies, policy))
        .build();
  }
}
