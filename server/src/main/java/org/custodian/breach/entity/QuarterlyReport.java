package org.custodian.breach.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A published quarterly report: the anonymized summary as it was published, frozen (never updated).
 */
@Entity
@Immutable
@Table(name = "breach_quarterly_report")
@NamedQuery(
    name = QuarterlyReport.ALL,
    query = "select r from QuarterlyReport r order by r.quarter desc, r.versionNo desc")
@NamedQuery(
    name = QuarterlyReport.LATEST_VERSION,
    query = "select max(r.versionNo) from QuarterlyReport r where r.quarter = :quarter")
public class QuarterlyReport {

  public static final String ALL = "QuarterlyReport.all";
  public static final String LATEST_VERSION = "QuarterlyReport.latestVersion";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String quarter;

  @Column(name = "version_no", nullable = false)
  private int versionNo;

  @Column(name = "published_by", nullable = false)
  private String publishedBy;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  /** The summary as JSON. */
  @Column(nullable = false)
  private String content;

  protected QuarterlyReport() {}

  public QuarterlyReport(
      String quarter, int versionNo, String publishedBy, Instant publishedAt, String content) {
    this.quarter = Objects.requireNonNull(quarter);
    this.versionNo = versionNo;
    this.publishedBy = Objects.requireNonNull(publishedBy);
    this.publishedAt = Objects.requireNonNull(publishedAt);
    this.content = Objects.requireNonNull(content);
  }

  public Long id() {
    return id;
  }

  public String quarter() {
    return quarter;
  }

  public int versionNo() {
    return versionNo;
  }

  public String publishedBy() {
    return publishedBy;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public String content() {
    return content;
  }
}
