package org.custodian.notification.entity;

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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One notice's mail to one recipient, and the record of what became of it: sent (when), waiting
 * (for the recipient's digest, or for the next attempt after a failure), failed for good, or not
 * sendable (the user has no address).
 */
@Entity
@Table(name = "mail_message")
@NamedQuery(
    name = MailMessage.DUE,
    query =
        "select m from MailMessage m join fetch m.notice where m.status ="
            + " org.custodian.notification.entity.MailMessage.Status.PENDING"
            + " and m.sendAfter <= :now and (m.claimedUntil is null or m.claimedUntil < :now)"
            + " order by m.sendAfter, m.id")
@NamedQuery(
    name = MailMessage.OF_USER,
    query =
        "select m from MailMessage m join fetch m.notice where m.username = :username"
            + " order by m.id desc")
public class MailMessage {

  public static final String DUE = "MailMessage.due";
  public static final String OF_USER = "MailMessage.ofUser";

  public enum Status {
    PENDING,
    SENT,
    /** Every attempt failed; kept with the last error. */
    FAILED,
    /** The user has no e-mail address. */
    NO_ADDRESS
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "notice_id")
  private Notice notice;

  @Column(nullable = false)
  private String username;

  private String address;

  @Column(nullable = false)
  private boolean digest;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "send_after", nullable = false)
  private Instant sendAfter;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "claimed_until")
  private Instant claimedUntil;

  @Version private long version;

  protected MailMessage() {}

  public MailMessage(
      Notice notice, String username, String address, boolean digest, Instant sendAfter) {
    this.notice = Objects.requireNonNull(notice);
    this.username = Objects.requireNonNull(username);
    this.address = address;
    this.digest = digest;
    this.sendAfter = Objects.requireNonNull(sendAfter);
    this.status = address == null || address.isBlank() ? Status.NO_ADDRESS : Status.PENDING;
  }

  /** This node sends it now; another node leaves it alone until the claim runs out. */
  public void claim(Instant until) {
    this.claimedUntil = until;
  }

  /**
   * Whether the claim made to last until {@code until} still holds it (to the microsecond, as the
   * column keeps it).
   */
  public boolean claimedUntil(Instant until) {
    return claimedUntil != null
        && until.truncatedTo(ChronoUnit.MICROS).equals(claimedUntil.truncatedTo(ChronoUnit.MICROS));
  }

  /** Not tried after all: due again, for whichever node comes first. */
  public void release() {
    this.claimedUntil = null;
  }

  public void sent(Instant at) {
    this.status = Status.SENT;
    this.sentAt = at;
    this.attempts++;
    this.claimedUntil = null;
    this.lastError = null;
  }

  /** An attempt failed: tried again after {@code retryAfter}, or failed for good. */
  public void failed(Instant at, String error, int maxAttempts, Duration retryAfter) {
    this.attempts++;
    this.lastError =
        error == null ? "unknown" : error.length() > 1000 ? error.substring(0, 1000) : error;
    this.claimedUntil = null;
    if (attempts >= maxAttempts) {
      this.status = Status.FAILED;
    } else {
      this.sendAfter = at.plus(retryAfter);
    }
  }

  public Long id() {
    return id;
  }

  public Notice notice() {
    return notice;
  }

  public String username() {
    return username;
  }

  public String address() {
    return address;
  }

  public boolean digest() {
    return digest;
  }

  public Status status() {
    return status;
  }

  public Instant sendAfter() {
    return sendAfter;
  }

  public int attempts() {
    return attempts;
  }

  public String lastError() {
    return lastError;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
