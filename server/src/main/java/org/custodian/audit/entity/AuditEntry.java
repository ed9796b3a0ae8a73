package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.custodian.tlog.AuditLeaf;
import org.hibernate.annotations.Immutable;

/**
 * One audit entry: what happened, and the canonical leaf bytes the Merkle tree commits to ({@link
 * AuditLeaf}, docs/audit.md). Its place in the log (its sequence number) is given later by the
 * integrator, in {@link SequencedLeaf}; nothing here depends on another entry, so writing one locks
 * nothing shared. {@code @Immutable}: Hibernate never issues an UPDATE for it, and nothing deletes
 * it.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = org.custodian.platform.Sequences.ALLOCATION)
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false)
  private String actor;

  @Column(nullable = false)
  private String action;

  @Column(name = "object_type", nullable = false)
  private String objectType;

  @Column(name = "object_id", nullable = false)
  private String objectId;

  @Column(nullable = false, length = 4000)
  private String details;

  @Column(nullable = false)
  private byte[] leaf;

  protected AuditEntry() {}

  /**
   * An entry of the given leaf; its instant is kept to the microsecond, as DATETIME(6) keeps it.
   */
  public AuditEntry(AuditLeaf leaf) {
    if (!leaf.at().equals(leaf.at().truncatedTo(ChronoUnit.MICROS))) {
      throw new IllegalArgumentException("an entry's instant is kept to the microsecond");
    }
    this.at = leaf.at();
    this.actor = leaf.actor();
    this.action = leaf.action();
    this.objectType = leaf.objectType();
    this.objectId = leaf.objectId();
    this.details = leaf.details();
    this.leaf = leaf.encode();
  }

  public Long id() {
    return id;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String action() {
    return action;
  }

  public String objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }

  public String details() {
    return details;
  }

  /** The canonical bytes, as written when the entry was made. */
  public byte[] leaf() {
    return leaf.clone();
  }

  /** The leaf its columns encode now: differs from {@link #leaf()} when a column was altered. */
  public AuditLeaf columns() {
    return new AuditLeaf(at, actor, action, objectType, objectId, details);
  }
}
