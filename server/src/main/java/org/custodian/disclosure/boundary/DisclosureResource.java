package org.custodian.disclosure.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.ApprovalLetter;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.DisclosureView;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.control.FileDisclosure;
import org.custodian.disclosure.control.ReleaseDisclosure;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDocument;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.rest.QueryParams;

/** Disclosure requests, their evidence documents, release, the approval letter, and the ledger. */
@Path("disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class DisclosureResource {

  @Inject Disclosures disclosures;

  @Inject DisclosureDocuments documents;

  @Inject SignedInUser signedIn;

  /** 201 with the request: PENDING_APPROVAL, APPROVED (bases 4-7) or REFUSED with the reason. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response file(FileDisclosure body) {
    Disclosure d = disclosures.file(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED).entity(view(d)).build();
  }

  @GET
  @Path("{id}")
  public DisclosureView disclosure(@PathParam("id") long id) {
    return view(disclosures.view(signedIn.actor(), id));
  }

  /**
   * The ledger of released disclosures: {@code subject} (a name, its start, or an identifier),
   * {@code recipient} (organization, or its start), {@code basis}, {@code from}/{@code to} (release
   * instants), newest first, at most {@code limit} (≤ 200) from {@code offset}.
   */
  @GET
  public List<DisclosureView> ledger(
      @QueryParam("subject") String subject,
      @QueryParam("recipient") String recipient,
      @QueryParam("basis") String basis,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") @DefaultValue("0") String offset,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    QueryParams q = new QueryParams();
    Disclosures.LedgerQuery query =
        new Disclosures.LedgerQuery(
            q.text("subject", subject, 200),
            q.text("recipient", recipient, 200),
            q.number("basis", basis, 1, 7),
            q.instant("from", from),
            q.instant("to", to),
            q.number("offset", offset, 0, 1_000_000, 0),
            q.number("limit", limit, 1, 200, 50));
    q.check();
    List<Disclosure> found = disclosures.ledger(signedIn.actor(), query);
    Map<Long, List<DisclosureDocuments.Info>> evidence =
        documents.of(found.stream().map(Disclosure::id).toList());
    return found.stream()
        .map(d -> DisclosureView.of(d, evidence.getOrDefault(d.id(), List.of())))
        .toList();
  }

  @POST
  @Path("{id}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public DisclosureView release(@PathParam("id") long id, ReleaseDisclosure body) {
    return view(disclosures.release(signedIn.actor(), id, body));
  }

  /** Upload before filing (basis 1's written authorization): multipart with one part "file". */
  @POST
  @Path("documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response upload(List<EntityPart> parts) {
    EntityPart file = filePart(parts);
    DisclosureDocuments.Info info =
        documents.upload(
            signedIn.actor(), file.getFileName().orElse(null), mediaType(file), file.getContent());
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("documentId", info.id(), "document", info))
        .build();
  }

  /** More evidence onto a filed request, by its requester. */
  @POST
  @Path("{id}/documents")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  public Response attach(@PathParam("id") long id, List<EntityPart> parts) {
    EntityPart file = filePart(parts);
    DisclosureDocuments.Info info =
        documents.attach(
            signedIn.actor(),
            id,
            file.getFileName().orElse(null),
            mediaType(file),
            file.getContent());
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("documentId", info.id(), "document", info))
        .build();
  }

  @GET
  @Path("{id}/documents/{documentId}")
  @Produces(MediaType.WILDCARD)
  public Response document(@PathParam("id") long id, @PathParam("documentId") long documentId) {
    DisclosureDocument d = documents.read(signedIn.actor(), documentId);
    if (d.disclosure() == null || d.disclosure().id() != id) {
      throw new NotFoundException("Disclosure " + id + " has no document " + documentId + ".");
    }
    return Response.ok(d.content(), d.contentType())
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + d.fileName().replaceAll("[\"\\\\\\r\\n]", "_") + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** The APO's written approval as a PDF letter. */
  @GET
  @Path("{id}/approval.pdf")
  @Produces("application/pdf")
  public Response approvalLetter(@PathParam("id") long id) {
    Disclosure d = disclosures.view(signedIn.actor(), id);
    var approval =
        d.writtenApproval()
            .orElseThrow(
                () -> new NotFoundException(d.businessKey() + " has no written approval."));
    return Response.ok(ApprovalLetter.pdf(d, approval), "application/pdf")
        .header("Content-Disposition", "inline; filename=\"" + d.businessKey() + "-approval.pdf\"")
        .build();
  }

  private DisclosureView view(Disclosure d) {
    return DisclosureView.of(d, documents.of(d));
  }

  private static EntityPart filePart(List<EntityPart> parts) {
    return parts.stream()
        .filter(p -> "file".equals(p.getName()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "file", "Send the document as the multipart part named \"file\"."));
  }

  private static String mediaType(EntityPart part) {
    MediaType type = part.getMediaType();
    return type == null ? null : type.getType() + "/" + type.getSubtype();
  }
}
