package org.custodian.breach.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import org.custodian.breach.control.BreachNotifications;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.control.NotificationLetter;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.platform.Actor;
import org.custodian.platform.rest.JsonFields;

/** Breach reports: anyone reports; the case, the board, the moment the APO became aware. */
@Path("breaches")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class BreachResource {

  @Inject BreachReports breaches;

  @Inject BreachNotifications notifications;

  @Inject org.custodian.disclosure.control.DisclosureDocuments disclosureDocuments;

  @Inject SignedInUser signedIn;

  /** 201 with the case: awareAt (the arrival now) and cpoDeadline (awareAt + 24 hours). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response report(JsonObject body) {
    JsonFields f = JsonFields.of(body);
    String summary = f.text("summary", true);
    String disclosedTo = f.text("disclosedTo", true, 400);
    RecipientKind kind = f.choice("recipientKind", RecipientKind.class, false);
    var disclosedAt = f.instant("disclosedAt", false);
    String discoveredHow = f.text("discoveredHow", true, 2000);
    var categories = f.choices("dataCategories", DataCategory.class, true);
    JsonFields affected = f.object("affectedIndividuals", true);
    Integer count = affected == null ? null : affected.integer("count", false, 0, 100_000_000);
    java.util.Set<String> names = affected == null ? null : affected.texts("names", false);
    List<Long> ledger = f.ids("ledgerEntryIds", false, "disclosure ids");
    f.validate();
    Actor actor = signedIn.actor();
    BreachReport b =
        breaches.report(
            actor,
            new BreachReports.Report(
                summary,
                disclosedTo,
                kind,
                disclosedAt,
                discoveredHow,
                categories,
                count,
                names == null ? List.of() : List.copyOf(names),
                ledger));
    return Response.status(Response.Status.CREATED).entity(BreachView.of(b, actor)).build();
  }

  @GET
  @Path("{id}")
  public BreachView breach(@PathParam("id") long id) {
    Actor actor = signedIn.actor();
    return BreachView.of(breaches.view(actor, id), actor, notifications.of(id));
  }

  /** The ledger entries the case concerns (its evidence), as the ledger shows them. */
  @GET
  @Path("{id}/evidence")
  public List<org.custodian.disclosure.boundary.DisclosureView> evidence(@PathParam("id") long id) {
    var entries = breaches.evidence(signedIn.actor(), id);
    var documents =
        disclosureDocuments.of(
            entries.stream().map(org.custodian.disclosure.entity.Disclosure::id).toList());
    return entries.stream()
        .map(
            d ->
                org.custodian.disclosure.boundary.DisclosureView.of(
                    d, documents.getOrDefault(d.id(), List.of())))
        .toList();
  }

  /**
   * What happened to one written notification: {status:
   * SENT|RETURNED_UNDELIVERABLE|EFFORTS_DOCUMENTED, method?, sentAt?, efforts?}.
   */
  @POST
  @Path("{id}/notifications/{notification}")
  @Consumes(MediaType.APPLICATION_JSON)
  public BreachView notification(
      @PathParam("id") long id, @PathParam("notification") long notification, JsonObject body) {
    JsonFields f = JsonFields.of(body);
    BreachNotification.Status status = f.choice("status", BreachNotification.Status.class, true);
    String method = f.text("method", false, 200);
    var sentAt = f.instant("sentAt", false);
    String efforts = f.text("efforts", false);
    f.validate();
    Actor actor = signedIn.actor();
    notifications.record(actor, id, notification, status, method, sentAt, efforts);
    return BreachView.of(breaches.find(id), actor, notifications.of(id));
  }

  /** The written notification to one affected individual, as a PDF letter (the APO's). */
  @GET
  @Path("{id}/notifications/{notification}/letter.pdf")
  @Produces("application/pdf")
  public Response letter(@PathParam("id") long id, @PathParam("notification") long notification) {
    Actor actor = signedIn.actor();
    actor.requireRole(org.custodian.platform.Roles.PRIVACY_OFFICER);
    BreachReport b = breaches.view(actor, id);
    BreachNotification n =
        notifications.of(id).stream()
            .filter(x -> x.id() == notification)
            .findFirst()
            .orElseThrow(
                () ->
                    new org.custodian.platform.NotFoundException(
                        "Breach " + id + " has no notification " + notification + "."));
    return Response.ok(NotificationLetter.pdf(b, n), "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"" + b.businessKey() + "-notification-" + notification + ".pdf\"")
        .build();
  }

  /** The breach board: the cases the caller may see, latest deadline first. */
  @GET
  public List<BreachView> board(
      @QueryParam("offset") @DefaultValue("0") int offset,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    Actor actor = signedIn.actor();
    return breaches.board(actor, Math.max(0, offset), Math.min(200, Math.max(1, limit))).stream()
        .map(b -> BreachView.of(b, actor))
        .toList();
  }

  /** The APO became aware earlier than the report's arrival: {awareAt, awareReason}. */
  @POST
  @Path("{id}/aware-at")
  @Consumes(MediaType.APPLICATION_JSON)
  public BreachView awareAt(@PathParam("id") long id, JsonObject body) {
    JsonFields f = JsonFields.of(body);
    var awareAt = f.instant("awareAt", true);
    String reason = f.text("awareReason", true, 1000);
    f.validate();
    Actor actor = signedIn.actor();
    return BreachView.of(breaches.setAwareAt(actor, id, awareAt, reason), actor);
  }
}
