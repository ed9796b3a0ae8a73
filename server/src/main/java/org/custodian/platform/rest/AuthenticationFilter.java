package org.custodian.platform.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * /api has no servlet security constraint, so a call without credentials gets a 401 problem
 * document (not the sign-in page). The container has already verified any Basic credentials
 * (Elytron, proactive authentication); this only refuses anonymous calls outside /api/public.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getUriInfo().getPath().startsWith("public/")
        || request.getUriInfo().getPath().startsWith("/public/")) {
      return;
    }
    if (request.getSecurityContext().getUserPrincipal() == null) {
      Response challenge =
          Problem.response(Response.Status.UNAUTHORIZED, "Sign in first (HTTP Basic).");
      request.abortWith(
          Response.fromResponse(challenge)
              .header(
                  HttpHeaders.WWW_AUTHENTICATE,
                  org.custodian.platform.SignInAgainException.BASIC_CHALLENGE)
              .build());
    }
  }
}
