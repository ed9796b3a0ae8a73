package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * An entry's place in the log: its sequence number from 0 and its leaf hash, level 0 of the Merkle
 * tree. Written by the integrator only.
 */
@Entity
@Immutable
@Table(name = "audit_leaf")
@NamedQuery(
    name = SequencedLeaf.ENTRIES_OF_OBJECT,
    query =
        "select e, l.seq from AuditEntry e left join SequencedLeaf l on l.entryId = e.id"
            + " where e.objectType = :type and e.objectId = :id order by e.id")
@NamedQuery(
    name = SequencedLeaf.ENTRY_AT,
    query =
        "select e, l from AuditEntry e join SequencedLeaf l on l.entryId = e.id where l.seq = :seq")
@NamedQuery(
    name = SequencedLeaf.ENTRIES_FROM,
    query =
        "select e, l from AuditEntry e join SequencedLeaf l on l.entryId = e.id"
            + " where l.seq >= :from order by l.seq")
@NamedQuery(
    name = SequencedLeaf.ENTRIES_BETWEEN,
    query =
        "select e, l from AuditEntry e join SequencedLeaf l on l.entryId = e.id"
            + " where l.seq >= :from and l.seq < :to order by l.seq")
@NamedQuery(name = SequencedLeaf.LARGEST_SEQ, query = "select max(l.seq) from SequencedLeaf l")
public class SequencedLeaf {

  public static final String LARGEST_SEQ = "SequencedLeaf.largestSeq";
  public static final String ENTRIES_FROM = "SequencedLeaf.entriesFrom";
  public static final String ENTRIES_BETWEEN = "SequencedLeaf.entriesBetween";
  public static final String ENTRIES_OF_OBJECT = "SequencedLeaf.entriesOfObject";
  public static final String ENTRY_AT = "SequencedLeaf.entryAt";

  @Id private long seq;

  @Column(name = "entry_id", nullable = false)
  private long entryId;

  @Column(name = "leaf_hash", nullable = false)
  private byte[] leafHash;

  protected SequencedLeaf() {}

  public long seq() {
    return seq;
  }

  public long entryId() {
    return entryId;
  }

  public byte[] leafHash() {
    return leafHash.clone();
  }
}
