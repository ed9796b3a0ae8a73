package org.custodian.addendum.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import org.custodian.policy.entity.Section;
import org.hibernate.annotations.Immutable;

/**
 * One save of an addendum's text: every section, as the author left it. Never changed afterwards.
 */
@Entity
@Immutable
@Table(name = "addendum_draft")
@NamedQuery(
    name = AddendumDraft.OF_ADDENDUM,
    query = "select d from AddendumDraft d where d.addendumId = :addendum order by d.number desc")
@NamedQuery(
    name = AddendumDraft.NUMBERED,
    query = "select d from AddendumDraft d where d.addendumId = :addendum and d.number = :number")
public class AddendumDraft {

  public static final String OF_ADDENDUM = "AddendumDraft.ofAddendum";
  public static final String NUMBERED = "AddendumDraft.numbered";

  /** The proposed text (before the comment period) or the final text (after it). */
  public enum Stage {
    PROPOSED,
    FINAL
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "addendum_id", nullable = false)
  private Long addendumId;

  @Column(name = "draft_number", nullable = false)
  private int number;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Stage stage;

  @Column(name = "saved_by", nullable = false)
  private String savedBy;

  @Column(name = "saved_at", nullable = false)
  private Instant savedAt;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "addendum_draft_section", joinColumns = @JoinColumn(name = "draft_id"))
  @OrderColumn(name = "seq")
  private List<Section> sections = new ArrayList<>();

  protected AddendumDraft() {}

  public AddendumDraft(
      Long addendumId,
      int number,
      Stage stage,
      String savedBy,
      Instant savedAt,
      List<Section> sections) {
    this.addendumId = Objects.requireNonNull(addendumId);
    this.number = number;
    this.stage = Objects.requireNonNull(stage);
    this.savedBy = Objects.requireNonNull(savedBy);
    this.savedAt = Objects.requireNonNull(savedAt);
    this.sections =
        new ArrayList<>(sections.stream().map(s -> new Section(s.key(), s.body())).toList());
  }

  public Long id() {
    return id;
  }

  public Long addendumId() {
    return addendumId;
  }

  public int number() {
    return number;
  }

  public Stage stage() {
    return stage;
  }

  public String savedBy() {
    return savedBy;
  }

  public Instant savedAt() {
    return savedAt;
  }

  public List<Section> sections() {
    return List.copyOf(sections);
  }
}
