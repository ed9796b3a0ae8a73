package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.Immutable;

/**
 * A witness's cosignature on a published checkpoint (C2SP tlog-cosignature): the signature line the
 * witness answered with, verified against its key when it was kept. Written once, never changed.
 */
@Entity
@Immutable
@Table(name = "audit_cosignature")
@IdClass(AuditCosignature.Key.class)
@NamedQuery(
    name = AuditCosignature.OF_SIZES,
    query =
        "select c from AuditCosignature c where c.treeSize in :sizes and c.witness = :witness"
            + " order by c.treeSize")
@NamedQuery(
    name = AuditCosignature.WITH_CHECKPOINT,
    query =
        "select x.treeSize, x.line, c.note from AuditCosignature x"
            + " left join AuditCheckpoint c on c.treeSize = x.treeSize"
            + " where x.witness = :witness and x.treeSize > :from order by x.treeSize")
public class AuditCosignature {

  public static final String OF_SIZES = "AuditCosignature.ofSizes";
  public static final String WITH_CHECKPOINT = "AuditCosignature.withCheckpoint";

  /** The key: a checkpoint's size and the witness (its key's name and id). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    long treeSize;
    String witness;

    public Key() {}

    public Key(long treeSize, String witness) {
      this.treeSize = treeSize;
      this.witness = witness;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && treeSize == k.treeSize && Objects.equals(witness, k.witness);
    }

    @Override
    public int hashCode() {
      return Objects.hash(treeSize, witness);
    }
  }

  @Id
  @Column(name = "tree_size")
  private long treeSize;

  @Id
  @Column(length = 200)
  private String witness;

  @Column(name = "cosigned_at", nullable = false)
  private Instant cosignedAt;

  @Column(nullable = false, length = 400)
  private String line;

  protected AuditCosignature() {}

  public long treeSize() {
    return treeSize;
  }

  public String witness() {
    return witness;
  }

  public Instant cosignedAt() {
    return cosignedAt;
  }

  /** The signature line, without its newline. */
  public String line() {
    return line;
  }
}
