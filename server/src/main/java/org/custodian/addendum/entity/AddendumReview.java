package org.custodian.addendum.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodian.policy.entity.SectionKey;
import org.hibernate.annotations.Immutable;

/** One decision on an addendum's draft: legal review, privacy review, or the Commissioner's. */
@Entity
@Immutable
@Table(name = "addendum_review")
@NamedQuery(
    name = AddendumReview.OF_ADDENDUM,
    query =
        "select r from AddendumReview r where r.addendumId = :addendum order by r.decidedAt, r.id")
@NamedQuery(
    name = AddendumReview.OF_ROUND,
    query =
        "select r from AddendumReview r where r.addendumId = :addendum and r.round = :round and r.stage = :stage")
public class AddendumReview {

  public static final String OF_ADDENDUM = "AddendumReview.ofAddendum";
  public static final String OF_ROUND = "AddendumReview.ofRound";

  public enum Kind {
    LEGAL("Legal review"),
    PRIVACY("Privacy review"),
    COMMISSIONER("Commissioner's approval");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public enum Decision {
    APPROVED,
    RETURNED
  }

  /** A reviewer's remark on one section. */
  @Embeddable
  public static class SectionRemark {
    @Enumerated(EnumType.STRING)
    @Column(name = "section_key", nullable = false)
    private SectionKey section;

    @Column(nullable = false)
    private String remark;

    protected SectionRemark() {}

    public SectionRemark(SectionKey section, String remark) {
      this.section = Objects.requireNonNull(section);
      this.remark = Objects.requireNonNull(remark);
    }

    public SectionKey section() {
      return section;
    }

    public String remark() {
      return remark;
    }

    public SectionKey getSection() {
      return section;
    }

    public String getRemark() {
      return remark;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "addendum_id", nullable = false)
  private Long addendumId;

  @Column(name = "round_no", nullable = false)
  private int round;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private AddendumDraft.Stage stage;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String reviewer;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Decision decision;

  private String remarks;

  @Column(name = "draft_id", nullable = false)
  private Long draftId;

  @Column(name = "decided_at", nullable = false)
  private Instant decidedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "addendum_section_comment", joinColumns = @JoinColumn(name = "review_id"))
  @OrderColumn(name = "seq")
  private List<SectionRemark> sectionRemarks = new ArrayList<>();

  protected AddendumReview() {}

  public AddendumReview(
      Long addendumId,
      int round,
      AddendumDraft.Stage stage,
      Kind kind,
      String reviewer,
      Decision decision,
      String remarks,
      Long draftId,
      Instant decidedAt,
      List<SectionRemark> sectionRemarks) {
    this.addendumId = Objects.requireNonNull(addendumId);
    this.round = round;
    this.stage = Objects.requireNonNull(stage);
    this.kind = Objects.requireNonNull(kind);
    this.reviewer = Objects.requireNonNull(reviewer);
    this.decision = Objects.requireNonNull(decision);
    this.remarks = remarks;
    this.draftId = Objects.requireNonNull(draftId);
    this.decidedAt = Objects.requireNonNull(decidedAt);
    this.sectionRemarks = new ArrayList<>(sectionRemarks);
  }

  public Long id() {
    return id;
  }

  public int round() {
    return round;
  }

  public AddendumDraft.Stage stage() {
    return stage;
  }

  public Kind kind() {
    return kind;
  }

  public String reviewer() {
    return reviewer;
  }

  public Decision decision() {
    return decision;
  }

  public String remarks() {
    return remarks;
  }

  public Long draftId() {
    return draftId;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public List<SectionRemark> sectionRemarks() {
    return List.copyOf(sectionRemarks);
  }
}
