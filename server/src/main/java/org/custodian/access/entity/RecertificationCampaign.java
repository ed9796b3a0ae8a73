package org.custodian.access.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One round of recertification: every Commanding Officer confirms every active grant of their
 * members.
 */
@Entity
@Table(name = "recertification_campaign")
@NamedQuery(
    name = RecertificationCampaign.ALL,
    query = "select c from RecertificationCampaign c order by c.startedAt desc")
public class RecertificationCampaign {

  public static final String ALL = "RecertificationCampaign.all";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "started_by", nullable = false)
  private String startedBy;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected RecertificationCampaign() {}

  public RecertificationCampaign(
      String businessKey, Instant startedAt, String startedBy, Instant dueAt) {
    this.businessKey = Objects.requireNonNull(businessKey, "business key is required");
    this.startedAt = Objects.requireNonNull(startedAt, "start is required");
    this.startedBy = Objects.requireNonNull(startedBy, "starter is required");
    this.dueAt = Objects.requireNonNull(dueAt, "due time is required");
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void close(Instant at) {
    this.closedAt = at;
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public String startedBy() {
    return startedBy;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public String processInstanceId() {
    return processInstanceId;
  }
}
