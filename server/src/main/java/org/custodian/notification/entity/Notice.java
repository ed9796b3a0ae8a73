package org.custodian.notification.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Something a user should hear of, written in the transaction that made it happen: a task landed
 * for them or their group, a reminder or an escalation fired, their own request was decided. Who
 * exactly gets mail is worked out after that transaction commits, off the request's path. It names
 * no data subject: a task's name, a case's business key and a link.
 */
@Entity
@Table(name = "notice")
@NamedQuery(
    name = Notice.UNRESOLVED,
    query = "select n from Notice n where n.resolvedAt is null order by n.id")
public class Notice {

  public static final String UNRESOLVED = "Notice.unresolved";

  public enum Kind {
    /** A task landed for the user or one of their groups. */
    TASK_ASSIGNED,
    /** A task's reminder fired (the breach clock's 12 h and 4 h, a recertification's). */
    TASK_REMINDER,
    /** A task is past due and escalated. */
    TASK_OVERDUE,
    /** The user's own request was decided. */
    REQUEST_DECIDED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The user it is for; null: the groups' members. */
  @Column(name = "username")
  private String username;

  @Column(name = "group_names")
  private String groupNames;

  @Column(name = "business_key")
  private String businessKey;

  @Column(nullable = false)
  private String headline;

  @Column(nullable = false)
  private String link;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  protected Notice() {}

  public Notice(
      Kind kind,
      Instant createdAt,
      String username,
      Collection<String> groups,
      String businessKey,
      String headline,
      String link,
      Instant dueAt) {
    if (username == null && (groups == null || groups.isEmpty())) {
      throw new IllegalArgumentException("a notice is for a user or for groups");
    }
    this.kind = Objects.requireNonNull(kind);
    this.createdAt = Objects.requireNonNull(createdAt);
    this.username = username;
    this.groupNames = username != null ? null : String.join(",", groups);
    this.businessKey = businessKey;
    this.headline = cut(Objects.requireNonNull(headline), 300);
    this.link = Objects.requireNonNull(link);
    this.dueAt = dueAt;
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String username() {
    return username;
  }

  public List<String> groups() {
    return groupNames == null ? List.of() : Arrays.asList(groupNames.split(","));
  }

  /** Mail for a group's members, which each of them may mute. */
  public boolean forGroups() {
    return username == null;
  }

  public String businessKey() {
    return businessKey;
  }

  public String headline() {
    return headline;
  }

  public String link() {
    return link;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  /** Its recipients are worked out and their messages written. */
  public void resolved(Instant at) {
    this.resolvedAt = Objects.requireNonNull(at);
  }
}
