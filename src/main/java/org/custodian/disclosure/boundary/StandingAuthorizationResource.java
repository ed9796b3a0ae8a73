package org.custodian.disclosure.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.custodian.disclosure.control.StandingAuthorizations;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.disclosure.entity.StandingAuthorization.Kind;
import org.custodian.platform.EngineClock;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.rest.JsonFields;

/**
 * Routine designations and agency agreements (the APO's) and City CPO pre-approvals: {@code GET}
 * lists them (anyone signed in: a member filing names one), {@code POST} creates one, {@code POST
 * .../{id}/retire} retires it.
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

  /** The path segment of each kind. */
  static Kind kindOf(String segment) {
    return switch (segment) {
      case "routine-designations" -> Kind.ROUTINE_DESIGNATION;
      case "pre-approvals" -> Kind.CPO_PRE_APPROVAL;
      case "agency-agreements" -> Kind.AGENCY_AGREEMENT;
      default -> throw new NotFoundException("No such list: " + segment + ".");
    };
  }

  @GET
  @Path("{kind: routine-designations|pre-approvals|agency-agreements}")
  public List<AuthorizationView> list(@PathParam("kind") String kind) {
    return list(kindOf(kind));
  }

  @POST
  @Path("{kind: routine-designations|pre-approvals|agency-agreements}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@PathParam("kind") String kind, JsonObject body) {
    return create(kindOf(kind), body);
  }

  @POST
  @Path("{kind: routine-designations|pre-approvals|agency-agreements}/{id}/retire")
  @Consumes(MediaType.APPLICATION_JSON)
  public AuthorizationView retire(
      @PathParam("kind") String kind, @PathParam("id") long id, JsonObject body) {
    return retire(kindOf(kind), id, body);
  }

  private List<AuthorizationView> list(Kind kind) {
    signedIn.actor(); // signed in
    Instant now = clock.now();
    return authorizations.list(kind).stream().map(a -> AuthorizationView.of(a, now)).toList();
  }

  private Response create(Kind kind, JsonObject body) {
    JsonFields f = JsonFields.of(body);
    StandingAuthorizations.Draft draft =
        new StandingAuthorizations.Draft(
            f.text("title", true, 200),
            f.text("description", false),
            f.choices("recipientKinds", RecipientKind.class, false),
            f.text("recipientOrganization", false, 200),
            f.choices("purposeCategories", PurposeCategory.class, false),
            f.choices("dataCategories", DataCategory.class, false),
            f.text("technology", false, 40),
            f.instant("validFrom", false),
            f.instant("validUntil", false));
    f.validate();
    StandingAuthorization created = authorizations.create(signedIn.actor(), kind, draft);
    return Response.status(Response.Status.CREATED)
        .entity(AuthorizationView.of(created, clock.now()))
        .build();
  }

  private AuthorizationView retire(Kind kind, long id, JsonObject body) {
    JsonFields f = JsonFields.of(body);
    String reason = f.text("reason", true, 1000);
    f.validate();
    return AuthorizationView.of(
        authorizations.retire(signedIn.actor(), kind, id, reason), clock.now());
  }
}
