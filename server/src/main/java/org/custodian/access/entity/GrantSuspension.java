package org.custodian.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A period in which a grant, still held, gives no access: a substantiated misuse case suspended it.
 * The grant resumes by itself at {@code until}; nothing has to run for that to happen, and an event
 * reported late is judged against the suspension in force at its instant.
 */
@Entity
@Table(name = "access_grant_suspension")
public class GrantSuspension {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "grant_id")
  private AccessGrant grant;

  @Column(name = "from_at", nullable = false)
  private Instant startsAt;

  @Column(name = "until_at", nullable = false)
  private Instant endsAt;

  @Column(nullable = false)
  private String reason;

  @Column(name = "suspended_by", nullable = false)
  private String suspendedBy;

  protected GrantSuspension() {}

  GrantSuspension(AccessGrant grant, Instant from, Instant until, String reason, String by) {
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("a suspension ends after it starts");
    }
    this.grant = Objects.requireNonNull(grant, "grant is required");
    this.startsAt = from;
    this.endsAt = until;
    this.reason = Objects.requireNonNull(reason, "reason is required");
    this.suspendedBy = Objects.requireNonNull(by, "who suspended is required");
  }

  public boolean covers(Instant at) {
    return !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  public Long id() {
    return id;
  }

  public AccessGrant grant() {
    return grant;
  }

  public Instant from() {
    return startsAt;
  }

  public Instant until() {
    return endsAt;
  }

  public String reason() {
    return reason;
  }

  public String suspendedBy() {
    return suspendedBy;
  }
}
