package org.custodian.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.custodian.directory.entity.AccessLevel;
import org.custodian.directory.entity.Member;

/**
 * A member's access to a system at one level, from the approval until it ends, and why it ended; in
 * between it may be suspended for a time.
 */
@Entity
@Table(name = "access_grant")
@NamedQuery(
    name = AccessGrant.OF_MEMBER,
    query =
        "select g from AccessGrant g join fetch g.accessLevel where g.member.id = :member order by g.grantedAt desc")
@NamedQuery(
    name = AccessGrant.ACTIVE_FOR,
    query = "select count(g) from AccessGrant g where g.activeKey = :key")
@NamedQuery(
    name = AccessGrant.OF_REQUEST,
    query = "select g from AccessGrant g where g.request.id = :request")
@NamedQuery(
    name = AccessGrant.ACTIVE_OF_MEMBER,
    query =
        "select g from AccessGrant g join fetch g.accessLevel where g.member.id = :member and g.endedAt is null order by g.id")
@NamedQuery(
    name = AccessGrant.BY_IDS,
    query = "select g from AccessGrant g join fetch g.accessLevel where g.id in :ids order by g.id")
@NamedQuery(
    name = AccessGrant.ACTIVE_WITH_MEMBER,
    query = "select g.id, g.member.id from AccessGrant g where g.endedAt is null order by g.id")
@NamedQuery(
    name = AccessGrant.PERIODS,
    query =
        "select g.id, g.grantedAt, g.endedAt, s.startsAt, s.endsAt from AccessGrant g"
            + " left join g.suspensions s where g.member.id = :member"
            + " and g.accessLevel.id in :levels")
public class AccessGrant {

  public static final String PERIODS = "AccessGrant.periods";

  public static final String OF_MEMBER = "AccessGrant.ofMember";
  public static final String ACTIVE_WITH_MEMBER = "AccessGrant.activeWithMember";
  public static final String ACTIVE_FOR = "AccessGrant.activeFor";
  public static final String OF_REQUEST = "AccessGrant.ofRequest";
  public static final String ACTIVE_OF_MEMBER = "AccessGrant.activeOfMember";
  public static final String BY_IDS = "AccessGrant.byIds";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "request_id")
  private AccessRequest request;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "member_id")
  private Member member;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "access_level_id")
  private AccessLevel accessLevel;

  @Column(name = "granted_at", nullable = false)
  private Instant grantedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason")
  private String endReason;

  @Column(name = "active_key")
  private String activeKey;

  @OneToMany(mappedBy = "grant")
  @OrderBy("startsAt")
  private List<GrantSuspension> suspensions = new ArrayList<>();

  @Version private long version;

  protected AccessGrant() {}

  public AccessGrant(AccessRequest request, Instant grantedAt) {
    this.request = Objects.requireNonNull(request, "request is required");
    this.member = request.member();
    this.accessLevel = request.accessLevel();
    this.grantedAt = Objects.requireNonNull(grantedAt, "grant time is required");
    this.activeKey = AccessRequest.openKey(member, accessLevel);
  }

  public void end(Instant at, String reason) {
    if (endedAt != null) {
      throw new IllegalStateException("grant " + id + " already ended");
    }
    this.endedAt = Objects.requireNonNull(at, "end time is required");
    this.endReason = Objects.requireNonNull(reason, "end reason is required");
    this.activeKey = null;
  }

  /**
   * Withholds the access from {@code at} until {@code until}, when it resumes by itself; the grant
   * stays held (and its level stays taken), so no new request can route around the suspension.
   */
  public GrantSuspension suspend(Instant at, Instant until, String reason, String by) {
    if (endedAt != null) {
      throw new IllegalStateException("grant " + id + " already ended");
    }
    GrantSuspension suspension = new GrantSuspension(this, at, until, reason, by);
    suspensions.add(suspension);
    return suspension;
  }

  /** The suspension in force at {@code at}, if any. */
  public Optional<GrantSuspension> suspensionAt(Instant at) {
    return suspensions.stream().filter(s -> s.covers(at)).findFirst();
  }

  public List<GrantSuspension> suspensions() {
    return List.copyOf(suspensions);
  }

  public boolean active() {
    return endedAt == null;
  }

  public Long id() {
    return id;
  }

  public AccessRequest request() {
    return request;
  }

  public Member member() {
    return member;
  }

  public AccessLevel accessLevel() {
    return accessLevel;
  }

  public Instant grantedAt() {
    return grantedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public String endReason() {
    return endReason;
  }
}
