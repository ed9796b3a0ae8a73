package org.custodian.disclosure.boundary;

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
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.ApprovalLetter;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.control.Filing;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureDocument;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.rest.JsonFields;

/** Disclosure requests, their evidence documents, release, the approval letter, and the ledger. */
@Path("disclosures")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class DisclosureResource {

  /** Identifier kinds are camelCase words: dateOfBirth, nysid, address, licensePlate, ... */
  static final String IDENTIFIER_KIND = "[a-z][A-Za-z0-9]{1,39}";

  @Inject Disclosures disclosures;

  @Inject DisclosureDocuments documents;

  @Inject SignedInUser signedIn;

  /** 201 with the request: PENDING_APPROVAL, APPROVED (bases 4-7) or REFUSED with the reason. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response file(JsonObject body) {
    Filing filing = read(body);
    Disclosure d = disclosures.file(signedIn.actor(), filing);
    return Response.status(Response.Status.CREATED).entity(view(d)).build();
  }

  static Filing read(JsonObject body) {
    JsonFields fields = JsonFields.of(body);
    JsonFields recipient = fields.object("recipient", true);
    String recipientName = recipient == null ? null : recipient.text("name", true, 200);
    String organization = recipient == null ? null : recipient.text("organization", true, 200);
    RecipientKind kind =
        recipient == null ? null : recipient.choice("kind", RecipientKind.class, true);
    String verification = fields.text("recipientVerification", true, Disclosure.MAX_VERIFICATION);
    List<Disclosure.Subject> subjects = new ArrayList<>();
    List<JsonFields> subjectFields = fields.objects("subjects", true, Disclosure.MAX_SUBJECTS);
    if (subjectFields != null) {
      for (JsonFields s : subjectFields) {
        String name = s.text("name", true, 200);
        Map<String, String> identifiers = s.textMap("identifiers", false, IDENTIFIER_KIND, 200);
        subjects.add(new Disclosure.Subject(name, identifiers == null ? Map.of() : identifiers));
      }
    }
    var categories = fields.choices("dataCategories", DataCategory.class, true);
    String technology = fields.text("sourceTechnology", true, 40);
    PurposeCategory purposeCategory = fields.choice("purposeCategory", PurposeCategory.class, true);
    String purpose = fields.text("purpose", true, Disclosure.MAX_PURPOSE);
    Integer basis = fields.integer("basis", true, 1, 7);
    JsonFields e = fields.object("evidence", false);
    Filing.Evidence evidence =
        e == null
            ? Filing.Evidence.NONE
            : new Filing.Evidence(
                e.id("authorizationDocumentId", false),
                e.choice("signedBy", Disclosure.SignedBy.class, false),
                e.text("lawCitation", false, 1000),
                e.text("missionRationale", false, 4000),
                e.id("preApprovalId", false),
                e.id("routineDesignationId", false),
                e.text("incidentNumber", false, 100),
                e.text("agency", false, 200),
                e.text("agencyReference", false, 200));
    fields.validate();
    return new Filing(
        recipientName,
        organization,
        kind,
        verification,
        subjects,
        categories,
        technology,
        purposeCategory,
        purpose,
        basis,
        evidence);
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
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    Integer b = number("basis", basis, 1, 7, errors);
    Integer first = number("offset", offset, 0, 1_000_000, errors);
    Integer max = number("limit", limit, 1, 200, errors);
    Instant f = instant("from", from, errors);
    Instant t = instant("to", to, errors);
    checkLength("subject", subject, errors);
    checkLength("recipient", recipient, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<Disclosure> found =
        disclosures.ledger(
            signedIn.actor(),
            new Disclosures.LedgerQuery(
                subject, recipient, b, f, t, first == null ? 0 : first, max == null ? 50 : max));
    Map<Long, List<DisclosureDocuments.Info>> evidence =
        documents.of(found.stream().map(Disclosure::id).toList());
    return found.stream()
        .map(d -> DisclosureView.of(d, evidence.getOrDefault(d.id(), List.of())))
        .toList();
  }

  @POST
  @Path("{id}/release")
  @Consumes(MediaType.APPLICATION_JSON)
  public DisclosureView release(@PathParam("id") long id, JsonObject body) {
    JsonFields fields = JsonFields.of(body);
    Instant releasedAt = fields.instant("releasedAt", true);
    String method = fields.text("method", true, 400);
    fields.validate();
    return view(disclosures.release(signedIn.actor(), id, releasedAt, method));
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

  private static Integer number(
      String field, String value, int min, int max, List<InvalidInputException.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    errors.add(
        new InvalidInputException.FieldError(
            field, field + " must be a whole number from " + min + " to " + max + "."));
    return null;
  }

  private static Instant instant(
      String field, String value, List<InvalidInputException.FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant = JsonFields.instantOf(value);
    if (instant == null) {
      errors.add(new InvalidInputException.FieldError(field, JsonFields.instantMessage(field)));
    }
    return instant;
  }

  private static void checkLength(
      String field, String value, List<InvalidInputException.FieldError> errors) {
    if (value != null && value.length() > 200) {
      errors.add(
          new InvalidInputException.FieldError(field, field + " must be at most 200 characters."));
    }
  }
}
