package org.custodian.disclosure.boundary;

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
import java.time.Instant;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DraftAuthorization;
import org.custodian.disclosure.control.RetireAuthorization;
import org.custodian.disclosure.control.StandingAuthorizations;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.disclosure.entity.StandingAuthorization.Kind;
import org.custodian.platform.EngineClock;

/**
 * Routine designations and agency agreements (the APO's) and City CPO pre-approvals: {@code GET}
 * lists them (those who file, who keep them, auditors: {@code DisclosurePolicy}), {@code POST}
 * creates one, {@code POST .../{id}/retire} retires it.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class StandingAuthorizationResource {

  public record AuthorizationView(
      long id,
      String kind,
      String reference,
      String title,
      String description,
      List<String> recipientKinds,
      String recipientOrganization,
      List<String> purposeCategories,
      List<String> dataCategories,
      String technology,
      Instant validFrom,
      Instant validUntil,
      boolean active,
      Instant retiredAt,
      String retiredBy,
      String retireReason,
      String createdBy,
      Instant createdAt) {
    static AuthorizationView of(StandingAuthorization a, Instant now) {
      return new AuthorizationView(
          a.id(),
          a.kind().name(),
          a.reference(),
          a.title(),
          a.description(),
          a.recipientKinds().stream().map(Enum::name).toList(),
          a.recipientOrganization(),
          a.purposeCategories().stream().map(Enum::name).toList(),
          a.dataCategories().stream().map(Enum::name).toList(),
          a.technology() == null ? null : a.technology().code(),
          a.validFrom(),
          a.validUntil(),
          a.activeAt(now),
          a.retiredAt(),
          a.retiredBy(),
          a.retireReason(),
          a.createdBy(),
          a.createdAt());
    }
  }

  @Inject StandingAuthorizations authorizations;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @GET
  @Path("routine-designations")
  public List<AuthorizationView> routineDesignations() {
    return list(Kind.ROUTINE_DESIGNATION);
  }

  @POST
  @Path("routine-designations")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createRoutineDesignation(DraftAuthorization body) {
    return create(Kind.ROUTINE_DESIGNATION, body);
  }

  @POST
  @Path("routine-designations/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  public AuthorizationView retireRoutineDesignation(
      @PathParam("id") long id, RetireAuthorization body) {
    return retire(Kind.ROUTINE_DESIGNATION, id, body);
  }

  @GET
  @Path("pre-approvals")
  public List<AuthorizationView> preApprovals() {
    return list(Kind.CPO_PRE_APPROVAL);
  }

  @POST
  @Path("pre-approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createPreApproval(DraftAuthorization body) {
    return create(Kind.CPO_PRE_APPROVAL, body);
  }

  @POST
  @Path("pre-approvals/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  public AuthorizationView retirePreApproval(@PathParam("id") long id, RetireAuthorization body) {
    return retire(Kind.CPO_PRE_APPROVAL, id, body);
  }

  @GET
  @Path("agency-agreements")
  public List<AuthorizationView> agencyAgreements() {
    return list(Kind.AGENCY_AGREEMENT);
  }

  @POST
  @Path("agency-agreements")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createAgencyAgreement(DraftAuthorization body) {
    return create(Kind.AGENCY_AGREEMENT, body);
  }

  @POST
  @Path("agency-agreements/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  public AuthorizationView retireAgencyAgreement(
      @PathParam("id") long id, RetireAuthorization body) {
    return retire(Kind.AGENCY_AGREEMENT, id, body);
  }

  private List<AuthorizationView> list(Kind kind) {
    Instant now = clock.now();
    return authorizations.list(signedIn.actor(), kind).stream()
        .map(a -> AuthorizationView.of(a, now))
        .toList();
  }

  private Response create(Kind kind, DraftAuthorization body) {
    StandingAuthorization created = authorizations.create(signedIn.actor(), kind, body);
    return Response.status(Response.Status.CREATED)
        .entity(AuthorizationView.of(created, clock.now()))
        .build();
  }

  private AuthorizationView retire(Kind kind, long id, RetireAuthorization body) {
    return AuthorizationView.of(
        authorizations.retire(signedIn.actor(), kind, id, body), clock.now());
  }
}
