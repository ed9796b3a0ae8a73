package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * One link of the append-only audit chain. Its hash is SHA-256 over the previous entry's hash and
 * this entry's canonical content, so altering or removing any entry breaks every later link.
 * {@code @Immutable}: Hibernate never issues an UPDATE for it, and nothing deletes it.
 */
@Entity
@Immutable
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.FROM_SEQUENCE,
    query = "select e from AuditEntry e where e.seq >= :from order by e.seq")
@NamedQuery(
    name = AuditEntry.FOR_OBJECT,
    query =
        "select e from AuditEntry e where e.objectType = :type and e.objectId = :id order by e.seq")
public class AuditEntry {

  public static final String FROM_SEQUENCE = "AuditEntry.fromSequence";
  public static final String FOR_OBJECT = "AuditEntry.forObject";

  @Id private long seq;

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

  @Column(name = "prev_hash", nullable = false)
  private String prevHash;

  @Column(nullable = false)
  private String hash;

  protected AuditEntry() {}

  public AuditEntry(
      long seq,
      Instant at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String details,
      String prevHash) {
    if (seq < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    this.seq = seq;
    // microseconds: what DATETIME(6) keeps, so the hash recomputed from the row matches
    this.at = Objects.requireNonNull(at, "instant is required").truncatedTo(ChronoUnit.MICROS);
    this.actor = Objects.requireNonNull(actor, "actor is required");
    this.action = Objects.requireNonNull(action, "action is required");
    this.objectType = Objects.requireNonNull(objectType, "object type is required");
    this.objectId = Objects.requireNonNull(objectId, "object id is required");
    this.details = details == null ? "" : details;
    this.prevHash = Objects.requireNonNull(prevHash, "previous hash is required");
    this.hash = computeHash();
  }

  /**
   * SHA-256 over the previous hash and the canonical content: each field length-prefixed, so no two
   * different entries share a canonical form.
   */
  public String computeHash() {
    StringBuilder canonical = new StringBuilder(prevHash);
    for (String field :
        new String[] {
          Long.toString(seq), at.toString(), actor, action, objectType, objectId, details
        }) {
      canonical.append('|').append(field.length()).append(':').append(field);
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  public long seq() {
    return seq;
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

  public String prevHash() {
    return prevHash;
  }

  public String hash() {
    return hash;
  }
}
