package org.custodian.access.entity;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.NamedSubgraph;
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
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;

/**
 * A Commanding Officer's request for a member's access to a system at one level, with the
 * articulable need, and every layer's decision. Policies (SAFEGUARD & SECURITY MEASURES):
 * "Authorization must be requested by a Commanding Officer. Authorization requests receive several
 * layers of executive review."
 */
@Entity
@Table(name = "access_request")
@NamedQuery(
    name = AccessRequest.OPEN_FOR,
    query = "select count(r) from AccessRequest r where r.openKey = :key")
@NamedQuery(
    name = AccessRequest.OPEN_OF_MEMBER,
    query =
        "select r from AccessRequest r where r.member.id = :member and r.openKey is not null order by r.id")
@NamedQuery(
    name = AccessRequest.WITH_DETAILS,
    query = "select r from AccessRequest r where r.id = :id")
// what WITH_DETAILS fetches with the request: JPQL names no fetch join's join (JPA), so the level's
// system comes through the graph
@NamedEntityGraph(
    name = AccessRequest.DETAILS,
    attributeNodes = {
      @NamedAttributeNode("member"),
      @NamedAttributeNode("command"),
      @NamedAttributeNode(value = "accessLevel", subgraph = "level"),
      @NamedAttributeNode("decisions")
    },
    subgraphs = @NamedSubgraph(name = "level", attributeNodes = @NamedAttributeNode("technology")))
@NamedQuery(
    name = AccessRequest.BY_REQUESTER,
    query =
        "select r from AccessRequest r where r.requestedBy = :username order by r.createdAt desc")
public class AccessRequest {

  public static final String OPEN_FOR = "AccessRequest.openFor";

  /**
   * One request with its member, command, level and the level's system, and decisions: one query,
   * read with the {@link #DETAILS} graph.
   */
  public static final String WITH_DETAILS = "AccessRequest.withDetails";

  /** The graph {@link #WITH_DETAILS} is read with. */
  public static final String DETAILS = "AccessRequest.details";

  public static final String BY_REQUESTER = "AccessRequest.byRequester";
  public static final String OPEN_OF_MEMBER = "AccessRequest.openOfMember";

  public static final int MIN_JUSTIFICATION = 30;
  public static final int MAX_JUSTIFICATION = 4_000;

  public enum Status {
    IN_REVIEW,
    RETURNED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean open() {
      return this == IN_REVIEW || this == RETURNED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "member_id")
  private Member member;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "access_level_id")
  private AccessLevel accessLevel;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "command_id")
  private Command command;

  @Column(nullable = false, length = MAX_JUSTIFICATION)
  private String justification;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "review_layers", nullable = false)
  private int reviewLayers;

  @Column(name = "current_layer", nullable = false)
  private int currentLayer;

  @Column(name = "open_key")
  private String openKey;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Version private long version;

  @OneToMany(mappedBy = "request", cascade = CascadeType.PERSIST)
  @OrderBy("decidedAt, id")
  private List<AccessDecision> decisions = new ArrayList<>();

  protected AccessRequest() {}

  public AccessRequest(
      String businessKey,
      Member member,
      AccessLevel accessLevel,
      String justification,
      String requestedBy,
      Instant createdAt) {
    this.businessKey = Objects.requireNonNull(businessKey, "business key is required");
    this.member = Objects.requireNonNull(member, "member is required");
    this.accessLevel = Objects.requireNonNull(accessLevel, "access level is required");
    this.command = member.command();
    this.justification = Objects.requireNonNull(justification, "justification is required");
    this.requestedBy = Objects.requireNonNull(requestedBy, "requester is required");
    this.createdAt = Objects.requireNonNull(createdAt, "creation time is required");
    this.reviewLayers = accessLevel.technology().reviewLayers();
    this.currentLayer = 1;
    this.status = Status.IN_REVIEW;
    this.openKey = openKey(member, accessLevel);
  }

  /** The key that makes "one open request per member and level" a database constraint. */
  public static String openKey(Member member, AccessLevel level) {
    return member.id() + ":" + level.id();
  }

  public void started(String processInstanceId) {
    this.processInstanceId =
        Objects.requireNonNull(processInstanceId, "process instance is required");
  }

  public AccessDecision record(
      String taskId, String actor, Decision decision, String comment, Instant at) {
    AccessDecision recorded =
        new AccessDecision(this, taskId, currentLayer, actor, decision, comment, at);
    decisions.add(recorded);
    switch (decision) {
      case APPROVE -> {
        if (currentLayer < reviewLayers) {
          currentLayer++;
        }
      }
      case REJECT -> close(Status.REJECTED, at);
      case RETURN -> status = Status.RETURNED;
      case ANSWER -> status = Status.IN_REVIEW;
      case WITHDRAW -> close(Status.WITHDRAWN, at);
    }
    return recorded;
  }

  /** Withdrawn by the system, e.g. because the member left the command that asked. */
  public void withdraw(Instant at) {
    close(Status.WITHDRAWN, at);
  }

  public void approve(Instant at) {
    close(Status.APPROVED, at);
  }

  private void close(Status outcome, Instant at) {
    this.status = outcome;
    this.closedAt = at;
    this.openKey = null;
  }

  /** Segregation of duties: the reviewer who decided another layer of this request, if any. */
  public boolean decidedOtherLayer(String reviewer, int layer) {
    return decisions.stream()
        .anyMatch(d -> d.byReviewer() && d.actor().equals(reviewer) && d.layer() != layer);
  }

  public Optional<AccessDecision> lastReturn() {
    return decisions.stream().filter(d -> d.decision() == Decision.RETURN).reduce((a, b) -> b);
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public Member member() {
    return member;
  }

  public AccessLevel accessLevel() {
    return accessLevel;
  }

  public Command command() {
    return command;
  }

  public String justification() {
    return justification;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Status status() {
    return status;
  }

  public int reviewLayers() {
    return reviewLayers;
  }

  public int currentLayer() {
    return currentLayer;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public List<AccessDecision> decisions() {
    return List.copyOf(decisions);
  }
}
