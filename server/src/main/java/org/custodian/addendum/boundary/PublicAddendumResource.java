package org.custodian.addendum.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.PublicComments;
import org.custodian.addendum.control.SubmitComment;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.PublicComment;
import org.custodian.platform.EngineClock;
import org.custodian.policy.control.SectionDiffView;
import org.custodian.policy.control.SectionView;

/**
 * Proposed addenda as the public sees them (no sign-in): the text published for comment, what it
 * changes, and the comment form while the period is open; after publication, the comments with the
 * department's responses.
 */
@Path("public/addenda")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Transactional
public class PublicAddendumResource {

  /** status: OPEN_FOR_COMMENT, COMMENT_PERIOD_CLOSED, PUBLISHED, or WITHDRAWN. */
  public record PublicAddendum(
      Long id,
      String businessKey,
      String policy,
      String policyTitle,
      String technology,
      String newUse,
      LocalDate plannedFirstUse,
      String status,
      Instant commentOpenedAt,
      Instant commentClosesAt,
      Integer publishedVersion,
      List<SectionView> sections,
      List<SectionDiffView> changes,
      List<PublicCommentView> comments) {}

  public record PublicCommentView(
      Long id, String name, String text, Instant receivedAt, String response)
      implements java.io.Serializable {
    static PublicCommentView of(PublicComment c) {
      return new PublicCommentView(
          c.id(),
          c.name(),
          c.body(),
          c.receivedAt(),
          c.response() == null ? null : c.response().body());
    }
  }

  public record Received(Long id, Instant receivedAt, String text) {}

  @Inject PublicComments comments;

  @Inject Addenda addenda;

  @Inject EngineClock clock;

  @Context HttpServletRequest request;

  @GET
  public List<PublicAddendum> list() {
    List<Addendum> list = addenda.publicList();
    java.util.Map<Long, Integer> numbers = addenda.versionNumbers(list);
    return list.stream()
        .map(
            a ->
                view(
                    a,
                    false,
                    a.publishedVersionId() == null ? null : numbers.get(a.publishedVersionId())))
        .toList();
  }

  @GET
  @Path("{id}")
  public PublicAddendum get(@PathParam("id") long id) {
    Addendum a = comments.published(id);
    return view(a, true, addenda.publishedNumber(a));
  }

  PublicAddendum view(Addendum a, boolean full, Integer publishedVersion) {
    String status = a.publicStatus(clock.now()).name();
    List<SectionView> sections = List.of();
    List<SectionDiffView> changes = List.of();
    List<PublicCommentView> shown = List.of();
    if (full) {
      var proposed = addenda.proposedText(a.id()).sections();
      sections = proposed.stream().map(SectionView::of).toList();
      changes = SectionDiffView.of(addenda.changes(a, proposed));
      if (a.status() == Addendum.Status.PUBLISHED) {
        shown = comments.comments(a.id()).stream().map(PublicCommentView::of).toList();
      }
    }
    return new PublicAddendum(
        a.id(),
        a.businessKey(),
        a.policy().code(),
        a.policy().title(),
        a.technology(),
        a.newUse(),
        a.plannedFirstUse(),
        status,
        a.commentOpenedAt(),
        a.commentClosesAt(),
        publishedVersion,
        sections,
        changes,
        shown);
  }

  /**
   * {"name"?: "...", "text": "..."}: 201 while the window is open; 409 after it closed; 429 when
   * sent too often.
   */
  @POST
  @Path("{id}/comments")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response comment(@PathParam("id") long id, SubmitComment body) {
    PublicComment c = comments.submit(id, body, request.getRemoteAddr());
    return Response.status(Response.Status.CREATED)
        .entity(new Received(c.id(), c.receivedAt(), c.body()))
        .build();
  }
}
