package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A published tree head: the C2SP signed note as it was published, with its size, root and time for
 * looking it up. Written by the integrator only.
 */
@Entity
@Immutable
@Table(name = "audit_checkpoint")
@NamedQuery(
    name = AuditCheckpoint.LATEST,
    query = "select c from AuditCheckpoint c order by c.treeSize desc")
@NamedQuery(
    name = AuditCheckpoint.FROM_SIZE,
    query = "select c from AuditCheckpoint c where c.treeSize >= :from order by c.treeSize")
@NamedQuery(
    name = AuditCheckpoint.LATEST_BEFORE,
    query =
        "select c from AuditCheckpoint c where c.publishedAt < :before order by c.treeSize desc")
@NamedQuery(
    name = AuditCheckpoint.LATEST_COSIGNED_BETWEEN,
    query =
        "select c from AuditCheckpoint c where c.publishedAt >= :from and c.publishedAt < :before"
            + " and exists (select x from AuditCosignature x"
            + " where x.treeSize = c.treeSize and x.witness = :witness)"
            + " order by c.treeSize desc")
@NamedQuery(
    name = AuditCheckpoint.FIRST_COVERING,
    query = "select min(c.treeSize) from AuditCheckpoint c where c.treeSize > :seq")
@NamedQuery(
    name = AuditCheckpoint.LARGEST_SIZE,
    query = "select max(c.treeSize) from AuditCheckpoint c")
public class AuditCheckpoint {

  public static final String LARGEST_SIZE = "AuditCheckpoint.largestSize";
  public static final String LATEST = "AuditCheckpoint.latest";
  public static final String FROM_SIZE = "AuditCheckpoint.fromSize";
  public static final String LATEST_BEFORE = "AuditCheckpoint.latestBefore";
  public static final String LATEST_COSIGNED_BETWEEN = "AuditCheckpoint.latestCosignedBetween";
  public static final String FIRST_COVERING = "AuditCheckpoint.firstCovering";

  @Id
  @Column(name = "tree_size")
  private long treeSize;

  @Column(name = "root_hash", nullable = false)
  private byte[] rootHash;

  @Column(name = "published_at", nullable = false)
  private Instant publishedAt;

  @Column(nullable = false, length = 1000)
  private String note;

  protected AuditCheckpoint() {}

  public long treeSize() {
    return treeSize;
  }

  public byte[] rootHash() {
    return rootHash.clone();
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  /** The signed note, exactly as published. */
  public String note() {
    return note;
  }
}
