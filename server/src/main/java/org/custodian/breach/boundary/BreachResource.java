package org.custodian.breach.boundary;

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
import org.custodian.breach.control.BreachNotifications;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.control.NotificationLetter;
import org.custodian.breach.control.RecordNotification;
import org.custodian.breach.control.ReportBreach;
import org.custodian.breach.control.SetAwareAt;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.DisclosureView;
import org.custodian.platform.Actor;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.rest.QueryParams;

/**
 * Breach reports: the department reports; the case, its evidence, the board, the letters, the
 * clock.
 */
@Path("breaches")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class BreachResource {

  @Inject BreachReports breaches;

  @Inject BreachNotifications notifications;

  @Inject BreachPolicy policy;

  @Inject DisclosureDocuments disclosureDocuments;

  @Inject SignedInUser signedIn;

  /** 201 with the case: awareAt (the arrival now) and cpoDeadline (awareAt + 24 hours). */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response report(ReportBreach body) {
    Actor actor = signedIn.actor();
    BreachReport b = breaches.report(actor, body);
    return Response.status(Response.Status.CREATED).entity(BreachView.of(b, policy, actor)).build();
  }

  @GET
  @Path("{id}")
  public BreachView breach(@PathParam("id") long id) {
    Actor actor = signedIn.actor();
    return BreachView.of(breaches.view(actor, id), policy, actor, notifications.of(id));
  }

  /**
   * The ledger entries the case concerns (its evidence), as the ledger shows them to those who may
   * see them; to anyone else (the City CPO) without names, identifiers or internal texts.
   */
  @GET
  @Path("{id}/evidence")
  public List<DisclosureView> evidence(@PathParam("id") long id) {
    List<BreachReports.Evidence> entries = breaches.evidence(signedIn.actor(), id);
    var documents =
        disclosureDocuments.of(
            entries.stream()
                .filter(BreachReports.Evidence::inFull)
                .map(e -> e.disclosure().id())
                .toList());
    return entries.stream()
        .map(
            e ->
                e.inFull()
                    ? DisclosureView.of(
                        e.disclosure(), documents.getOrDefault(e.disclosure().id(), List.of()))
                    : DisclosureView.of(e.disclosure(), List.of()).redacted())
        .toList();
  }

  /**
   * What happened to one written notification: {status: SENT|RETURNED_UNDELIVERABLE|
   * EFFORTS_DOCUMENTED, method?, sentAt?, efforts?}.
   */
  @POST
  @Path("{id}/notifications/{notification}")
  @Consumes(MediaType.APPLICATION_JSON)
  public BreachView notification(
      @PathParam("id") long id,
      @PathParam("notification") long notification,
      RecordNotification body) {
    Actor actor = signedIn.actor();
    notifications.record(actor, id, notification, body);
    return BreachView.of(breaches.view(actor, id), policy, actor, notifications.of(id));
  }

  /** The written notification to one affected individual, as a PDF letter (the APO's). */
  @GET
  @Path("{id}/notifications/{notification}/letter.pdf")
  @Produces("application/pdf")
  public Response letter(@PathParam("id") long id, @PathParam("notification") long notification) {
    Actor actor = signedIn.actor();
    BreachReport b = breaches.letterCase(actor, id);
    BreachNotification n =
        notifications.of(id).stream()
            .filter(x -> x.id() == notification)
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
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
      @QueryParam("offset") String offsetParam, @QueryParam("limit") String limitParam) {
    QueryParams q = new QueryParams();
    int offset = q.number("offset", offsetParam, 0, 1_000_000, 0);
    int limit = q.number("limit", limitParam, 1, 200, 50);
    q.check();
    Actor actor = signedIn.actor();
    return breaches.board(actor, offset, limit).stream()
        .map(b -> BreachView.of(b, policy, actor))
        .toList();
  }

  /** The APO became aware earlier than the report's arrival: {awareAt, awareReason}. */
  @POST
  @Path("{id}/aware-at")
  @Consumes(MediaType.APPLICATION_JSON)
  public BreachView awareAt(@PathParam("id") long id, SetAwareAt body) {
    Actor actor = signedIn.actor();
    return BreachView.of(breaches.setAwareAt(actor, id, body), policy, actor);
  }
}
