package org.custodian.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entry committed but not yet in the tree: the integrator's queue. Inserted here, deleted by the
 * integrator's SQL, never updated.
 */
@Entity
@org.hibernate.annotations.Immutable
@Table(name = "audit_unsequenced")
public class UnsequencedEntry {

  @Id
  @Column(name = "entry_id")
  private Long entryId;

  protected UnsequencedEntry() {}

  public UnsequencedEntry(long entryId) {
    this.entryId = entryId;
  }
}
