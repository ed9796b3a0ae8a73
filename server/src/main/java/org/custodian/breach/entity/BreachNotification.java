package org.custodian.breach.entity;

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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * The written notification to one affected individual, tracked until it is sent or the reasonable
 * efforts to reach them are documented (policies: "reasonable efforts to notify individuals
 * affected by the disclosure in writing").
 */
@Entity
@Table(name = "breach_notification")
@NamedQuery(
    name = BreachNotification.OF_BREACH,
    query = "select n from BreachNotification n where n.breach.id = :breach order by n.id")
public class BreachNotification {

  public static final String OF_BREACH = "BreachNotification.ofBreach";

  public enum Status {
    PENDING,
    SENT,
    /** Came back: try again, or document the efforts. */
    RETURNED_UNDELIVERABLE,
    /** Could not be delivered; the reasonable efforts made are recorded. */
    EFFORTS_DOCUMENTED;

    /** Nothing more is owed to this person. */
    public boolean settled() {
      return this == SENT || this == EFFORTS_DOCUMENTED;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "breach_id")
  private BreachReport breach;

  @Column(name = "person_name", nullable = false)
  private String personName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  private String method;

  @Column(name = "sent_at")
  private Instant sentAt;

  private String efforts;

  @Column(name = "updated_by")
  private String updatedBy;

  @Column(name = "updated_at")
  private Instant updatedAt;

  @Version private long version;

  protected BreachNotification() {}

  public BreachNotification(BreachReport breach, String personName) {
    this.breach = Objects.requireNonNull(breach);
    this.personName = Objects.requireNonNull(personName);
    this.status = Status.PENDING;
  }

  /** Records what happened to the letter: sent (when, how), returned, or the efforts made. */
  public void record(
      Status status, String method, Instant sentAt, String efforts, String by, Instant at) {
    this.status = Objects.requireNonNull(status);
    if (method != null) {
      this.method = method;
    }
    if (sentAt != null) {
      this.sentAt = sentAt;
    }
    if (efforts != null) {
      this.efforts = efforts;
    }
    this.updatedBy = by;
    this.updatedAt = at;
  }

  public Long id() {
    return id;
  }

  public BreachReport breach() {
    return breach;
  }

  public String personName() {
    return personName;
  }

  public Status status() {
    return status;
  }

  public String method() {
    return method;
  }

  public Instant sentAt() {
    return sentAt;
  }

  public String efforts() {
    return efforts;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
