package org.custodian.addendum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A public comment on a proposed addendum: plain text (markup stripped), the name only if given.
 */
@Entity
@Table(name = "public_comment")
@NamedQuery(
    name = PublicComment.OF_ADDENDUM,
    query =
        "select c from PublicComment c left join fetch c.response where c.addendumId = :addendum order by c.receivedAt, c.id")
@NamedQuery(
    name = PublicComment.RECENT_FROM_CLIENT,
    query =
        "select count(c), min(c.receivedAt) from PublicComment c where c.addendumId = :addendum and c.clientHash = :client and c.receivedAt > :since")
@NamedQuery(
    name = PublicComment.UNANSWERED,
    query =
        "select count(c) from PublicComment c where c.addendumId = :addendum and c.response is null")
public class PublicComment {

  public static final String OF_ADDENDUM = "PublicComment.ofAddendum";
  public static final String RECENT_FROM_CLIENT = "PublicComment.recentFromClient";
  public static final String UNANSWERED = "PublicComment.unanswered";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "addendum_id", nullable = false)
  private Long addendumId;

  @Column(name = "commenter_name")
  private String name;

  @Column(nullable = false)
  private String body;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "client_hash", nullable = false)
  private String clientHash;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "response_id")
  private CommentResponse response;

  protected PublicComment() {}

  public PublicComment(
      Long addendumId, String name, String body, Instant receivedAt, String clientHash) {
    this.addendumId = Objects.requireNonNull(addendumId);
    this.name = name;
    this.body = Objects.requireNonNull(body);
    this.receivedAt = Objects.requireNonNull(receivedAt);
    this.clientHash = Objects.requireNonNull(clientHash);
  }

  public void answeredBy(CommentResponse response) {
    this.response = response;
  }

  public Long id() {
    return id;
  }

  public Long addendumId() {
    return addendumId;
  }

  public String name() {
    return name;
  }

  public String body() {
    return body;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public CommentResponse response() {
    return response;
  }
}
