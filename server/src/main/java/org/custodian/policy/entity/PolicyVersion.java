package org.custodian.policy.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A published version of a policy. Immutable: mapped read-only, nothing changes it after it is
 * written; the next change is the next version.
 */
@Entity
@Immutable
@Table(name = "policy_version")
@NamedQuery(
    name = PolicyVersion.OF_POLICY,
    query = "select v from PolicyVersion v where v.policy.id = :policy order by v.number desc")
@NamedQuery(
    name = PolicyVersion.NUMBERED,
    query = "select v from PolicyVersion v where v.policy.id = :policy and v.number = :number")
@NamedQuery(
    name = PolicyVersion.LATEST_ID_BY_CODE,
    query = "select v.id from PolicyVersion v where v.policy.code = :code order by v.number desc")
@NamedQuery(
    name = PolicyVersion.NUMBERED_ID_BY_CODE,
    query = "select v.id from PolicyVersion v where v.policy.code = :code and v.number = :number")
@NamedQuery(
    name = PolicyVersion.ALL,
    query =
        "select v from PolicyVersion v join fetch v.policy order by v.policy.title, v.number desc")
public class PolicyVersion {

  public static final String OF_POLICY = "PolicyVersion.ofPolicy";
  public static final String NUMBERED = "PolicyVersion.numbered";
  public static final String LATEST_ID_BY_CODE = "PolicyVersion.latestIdByCode";
  public static final String NUMBERED_ID_BY_CODE = "PolicyVersion.numberedIdByCode";
  public static final String ALL = "PolicyVersion.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "policy_document_id")
  private PolicyDocument policy;

  @Column(name = "version_number", nullable = false)
  private int number;

  /** What this version is: "Updated February 4, 2026", or the addendum that made it. */
  @Column(nullable = false)
  private String label;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(name = "addendum_id")
  private Long addendumId;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "policy_section", joinColumns = @JoinColumn(name = "version_id"))
  @OrderColumn(name = "seq")
  private List<Section> sections = new ArrayList<>();

  protected PolicyVersion() {}

  public PolicyVersion(
      PolicyDocument policy,
      int number,
      String label,
      Instant publishedAt,
      Long addendumId,
      List<Section> sections) {
    this.policy = Objects.requireNonNull(policy);
    this.number = number;
    this.label = Objects.requireNonNull(label);
    this.publishedAt = Objects.requireNonNull(publishedAt);
    this.addendumId = addendumId;
    this.sections =
        new ArrayList<>(sections.stream().map(s -> new Section(s.key(), s.body())).toList());
  }

  public Long id() {
    return id;
  }

  public PolicyDocument policy() {
    return policy;
  }

  public int number() {
    return number;
  }

  public String label() {
    return label;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Long addendumId() {
    return addendumId;
  }

  public List<Section> sections() {
    return List.copyOf(sections);
  }
}
