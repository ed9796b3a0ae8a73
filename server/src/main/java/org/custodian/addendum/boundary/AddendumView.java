package org.custodian.addendum.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.addendum.entity.AddendumReview;
import org.custodian.addendum.entity.PublicComment;

/** An addendum as the API shows it to those who work on it (GET /api/addenda/{id}). */
public record AddendumView(
    Long id,
    String businessKey,
    String technology,
    String policy,
    int baseVersion,
    String newUse,
    LocalDate plannedFirstUse,
    String author,
    String status,
    Instant openedAt,
    Instant commentOpenedAt,
    Instant commentClosesAt,
    Instant commentClosedAt,
    Instant finalDueAt,
    Instant remindedAt,
    boolean overdue,
    boolean firstUseWarning,
    Integer publishedVersion,
    Instant publishedAt,
    Instant withdrawnAt,
    String withdrawnReason,
    List<DraftInfo> drafts,
    List<ReviewView> reviews,
    List<CommentView> comments)
    implements java.io.Serializable {

  public record DraftInfo(int number, String stage, String savedBy, Instant savedAt)
      implements java.io.Serializable {
    static DraftInfo of(AddendumDraft d) {
      return new DraftInfo(d.number(), d.stage().name(), d.savedBy(), d.savedAt());
    }
  }

  public record SectionRemarkView(String section, String remark) implements java.io.Serializable {}

  public record ReviewView(
      int round,
      String stage,
      String kind,
      String reviewer,
      String decision,
      String comment,
      Instant decidedAt,
      List<SectionRemarkView> sectionRemarks)
      implements java.io.Serializable {
    static ReviewView of(AddendumReview r) {
      return new ReviewView(
          r.round(),
          r.stage().name(),
          r.kind().name(),
          r.reviewer(),
          r.decision().name(),
          r.remarks(),
          r.decidedAt(),
          r.sectionRemarks().stream()
              .map(s -> new SectionRemarkView(s.section().name(), s.remark()))
              .toList());
    }
  }

  public record CommentView(
      Long id, String name, String text, Instant receivedAt, Long responseId, String response)
      implements java.io.Serializable {
    static CommentView of(PublicComment c) {
      return new CommentView(
          c.id(),
          c.name(),
          c.body(),
          c.receivedAt(),
          c.response() == null ? null : c.response().id(),
          c.response() == null ? null : c.response().body());
    }
  }

  /** Summaries of a list of addenda, their version numbers read in one query. */
  public static List<AddendumView> summaries(
      org.custodian.addendum.control.Addenda addenda, List<Addendum> list) {
    java.util.Map<Long, Integer> numbers = addenda.versionNumbers(list);
    return list.stream()
        .map(
            a ->
                of(
                    a,
                    numbers.get(a.baseVersionId()),
                    a.publishedVersionId() == null ? null : numbers.get(a.publishedVersionId())))
        .toList();
  }

  /** A summary, for lists and right after opening. */
  public static AddendumView of(Addendum a, int baseVersion, Integer publishedVersion) {
    return of(a, baseVersion, publishedVersion, List.of(), List.of(), List.of());
  }

  /**
   * The whole addendum, as its page and GET /api/addenda/{id} show it: drafts, reviews and
   * comments.
   */
  public static AddendumView full(
      org.custodian.addendum.control.Addenda addenda,
      org.custodian.addendum.control.PublicComments comments,
      Addendum a) {
    return of(
        a,
        addenda.base(a).number(),
        addenda.publishedNumber(a),
        addenda.drafts(a.id()),
        addenda.reviews(a.id()),
        comments.comments(a.id()));
  }

  public static AddendumView of(
      Addendum a,
      int baseVersion,
      Integer publishedVersion,
      List<AddendumDraft> drafts,
      List<AddendumReview> reviews,
      List<PublicComment> comments) {
    return new AddendumView(
        a.id(),
        a.businessKey(),
        a.technology(),
        a.policy().code(),
        baseVersion,
        a.newUse(),
        a.plannedFirstUse(),
        a.author(),
        a.status().name(),
        a.openedAt(),
        a.commentOpenedAt(),
        a.commentClosesAt(),
        a.commentClosedAt(),
        a.finalDueAt(),
        a.remindedAt(),
        a.overdue(),
        a.firstUseWarning(),
        publishedVersion,
        a.publishedAt(),
        a.withdrawnAt(),
        a.withdrawnReason(),
        drafts.stream().map(DraftInfo::of).toList(),
        reviews.stream().map(ReviewView::of).toList(),
        comments.stream().map(CommentView::of).toList());
  }
}
