package org.custodian.oversight.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event of a misuse audit, drawn in the sample or behind an open finding, and its verdict. */
@Entity
@Table(name = "misuse_audit_item")
@NamedQuery(
    name = MisuseAuditItem.OF_AUDIT,
    query =
        "select i from MisuseAuditItem i join fetch i.event where i.auditId = :audit"
            + " order by i.position")
@NamedQuery(
    name = MisuseAuditItem.COUNTS,
    query =
        "select i.auditId, i.verdict, count(i) from MisuseAuditItem i where i.auditId in :audits"
            + " group by i.auditId, i.verdict")
public class MisuseAuditItem {

  public static final String OF_AUDIT = "MisuseAuditItem.ofAudit";
  public static final String COUNTS = "MisuseAuditItem.counts";

  /** The Commanding Officer's verdict on one event. */
  public enum Verdict {
    /** Looked at: nothing to question. */
    REVIEWED,
    /** Looks like misuse, or needs explaining: the note says why. */
    QUESTIONABLE
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "audit_id", nullable = false)
  private long auditId;

  @Column(nullable = false)
  private int position;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "event_id")
  private AccessEvent event;

  @Column(name = "finding_id")
  private Long findingId;

  @Enumerated(EnumType.STRING)
  private Verdict verdict;

  private String note;

  @Column(name = "decided_by")
  private String decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected MisuseAuditItem() {}

  public MisuseAuditItem(long auditId, int position, AccessEvent event, Long findingId) {
    this.auditId = auditId;
    this.position = position;
    this.event = event;
    this.findingId = findingId;
  }

  public void decide(Verdict verdict, String note, String by, Instant at) {
    this.verdict = verdict;
    this.note = note;
    this.decidedBy = by;
    this.decidedAt = at;
  }

  public Long id() {
    return id;
  }

  public long auditId() {
    return auditId;
  }

  public int position() {
    return position;
  }

  public AccessEvent event() {
    return event;
  }

  public Long findingId() {
    return findingId;
  }

  public Verdict verdict() {
    return verdict;
  }

  public String note() {
    return note;
  }

  public String decidedBy() {
    return decidedBy;
  }

  public Instant decidedAt() {
    return decidedAt;
  }
}
