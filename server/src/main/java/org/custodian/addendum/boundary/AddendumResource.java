package org.custodian.addendum.boundary;

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
import java.time.Instant;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.OpenAddendum;
import org.custodian.addendum.control.PublicComments;
import org.custodian.addendum.control.RespondToComments;
import org.custodian.addendum.control.SaveDraft;
import org.custodian.addendum.control.WithdrawAddendum;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.addendum.entity.CommentResponse;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.rest.MaxBytes;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.control.SectionDiffView;
import org.custodian.policy.control.SectionView;
import org.custodian.policy.entity.Section;

/**
 * Addenda for those who work on them: policy authors open and draft them and answer comments;
 * reviewers, the Commissioner and auditors read them. Decisions go through /api/tasks.
 */
@Path("addenda")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class AddendumResource {

  public record DraftView(
      int number, String stage, String savedBy, Instant savedAt, List<SectionView> sections) {
    static DraftView of(AddendumDraft d) {
      return new DraftView(
          d.number(),
          d.stage().name(),
          d.savedBy(),
          d.savedAt(),
          d.sections().stream().map(SectionView::of).toList());
    }
  }

  /** from and to: "base" (the policy version the addendum started from) or a draft number. */
  public record AddendumDiffView(
      String addendum, String from, String to, List<SectionDiffView> sections) {}

  public record ResponseView(
      Long id, String text, String writtenBy, Instant writtenAt, List<Long> commentIds) {}

  @Inject Addenda addenda;

  @Inject PublicComments comments;

  @Inject SignedInUser signedIn;

  /** 201 with the addendum: DRAFTING, its first draft the policy's current text. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(OpenAddendum body) {
    Addendum a = addenda.open(signedIn.actor(), body);
    return Response.status(Response.Status.CREATED)
        .entity(AddendumView.of(a, addenda.base(a).number(), null))
        .build();
  }

  @GET
  public List<AddendumView> list() {
    return AddendumView.summaries(addenda, addenda.list(signedIn.actor()));
  }

  @GET
  @Path("{id}")
  public AddendumView get(@PathParam("id") long id) {
    Addendum a = addenda.view(signedIn.actor(), id);
    return AddendumView.full(addenda, comments, a);
  }

  @GET
  @Path("{id}/drafts/{number}")
  public DraftView draft(@PathParam("id") long id, @PathParam("number") int number) {
    Addendum a = addenda.view(signedIn.actor(), id);
    return DraftView.of(addenda.draft(a.id(), number));
  }

  /**
   * A new draft version: {"sections": {"RULES": "
   *
   * <p>...", ...}}; sections not sent stay as they were.
   */
  @POST
  @Path("{id}/drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response save(@PathParam("id") long id, @MaxBytes(SaveDraft.MAX_BYTES) SaveDraft body) {
    Addenda.SavedDraft saved = addenda.saveDraft(signedIn.actor(), id, body);
    return Response.status(saved.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(DraftView.of(saved.draft()))
        .build();
  }

  /**
   * Two texts side by side: {@code from} and {@code to} are draft numbers, or "base" for the policy
   * version the addendum started from; by default the base against the latest draft.
   */
  @GET
  @Path("{id}/diff")
  public AddendumDiffView diff(
      @PathParam("id") long id, @QueryParam("from") String from, @QueryParam("to") String to) {
    Addendum a = addenda.view(signedIn.actor(), id);
    List<Section> before = addenda.text(a, from == null ? "base" : from, "from");
    AddendumDraft latest = to == null ? addenda.latestDraft(a.id()) : null;
    List<Section> after = latest != null ? latest.sections() : addenda.text(a, to, "to");
    String later = latest != null ? String.valueOf(latest.number()) : to;
    return new AddendumDiffView(
        a.businessKey(),
        from == null ? "base" : from,
        later,
        SectionDiffView.of(PolicyDiff.compare(before, after)));
  }

  /** The author or the Commissioner abandons it before publication: {"reason": "..."}. */
  @POST
  @Path("{id}/withdraw")
  @Consumes(MediaType.APPLICATION_JSON)
  public AddendumView withdraw(@PathParam("id") long id, WithdrawAddendum body) {
    Addendum a = addenda.withdraw(signedIn.actor(), id, body);
    return AddendumView.of(a, addenda.base(a).number(), null);
  }

  /** The author answers comments: {"commentIds": [..], "text": "..."}. */
  @POST
  @Path("{id}/responses")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response respond(@PathParam("id") long id, RespondToComments body) {
    CommentResponse r = comments.respond(signedIn.actor(), id, body);
    return Response.status(Response.Status.CREATED)
        .entity(new ResponseView(r.id(), r.body(), r.writtenBy(), r.writtenAt(), body.commentIds()))
        .build();
  }
}
