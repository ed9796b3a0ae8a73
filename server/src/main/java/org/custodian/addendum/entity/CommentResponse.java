package org.custodian.addendum.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * The author's answer to one public comment or a group of them; public once the addendum is
 * published.
 */
@Entity
@Table(name = "comment_response")
public class CommentResponse {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "addendum_id", nullable = false)
  private Long addendumId;

  @Column(nullable = false)
  private String body;

  @Column(name = "written_by", nullable = false)
  private String writtenBy;

  @Column(name = "written_at", nullable = false)
  private Instant writtenAt;

  protected CommentResponse() {}

  public CommentResponse(Long addendumId, String body, String writtenBy, Instant writtenAt) {
    this.addendumId = Objects.requireNonNull(addendumId);
    this.body = Objects.requireNonNull(body);
    this.writtenBy = Objects.requireNonNull(writtenBy);
    this.writtenAt = Objects.requireNonNull(writtenAt);
  }

  public Long id() {
    return id;
  }

  public Long addendumId() {
    return addendumId;
  }

  public String body() {
    return body;
  }

  public String writtenBy() {
    return writtenBy;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
