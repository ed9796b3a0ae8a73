package org.custodian.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * An unclaimed task offered to one candidate group. The inbox page for a group is an ordered range
 * scan of the index (group_name, created_at) or (group_name, due_at): no join, no EXISTS.
 */
@Entity
@Table(name = "inbox_candidate")
@IdClass(InboxCandidate.Key.class)
@NamedQuery(
    name = InboxCandidate.BY_CREATED,
    query =
        "select c.taskId from InboxCandidate c where c.groupName = :group order by c.createdAt desc, c.taskId desc")
@NamedQuery(
    name = InboxCandidate.BY_DUE,
    query =
        "select c.taskId from InboxCandidate c where c.groupName = :group order by c.dueAt asc, c.taskId asc")
@NamedQuery(
    name = InboxCandidate.OVERDUE,
    query =
        "select c.taskId from InboxCandidate c where c.groupName = :group and c.overdue = true order by c.createdAt desc, c.taskId desc")
@NamedQuery(
    name = InboxCandidate.DELETE_TASK,
    query = "delete from InboxCandidate c where c.taskId = :task")
@NamedQuery(
    name = InboxCandidate.MARK_OVERDUE,
    query = "update InboxCandidate c set c.overdue = true where c.taskId = :task")
@NamedQuery(
    name = InboxCandidate.SET_DUE,
    query = "update InboxCandidate c set c.dueAt = :due where c.taskId = :task")
public class InboxCandidate {

  public static final String BY_CREATED = "InboxCandidate.byCreated";
  public static final String BY_DUE = "InboxCandidate.byDue";
  public static final String OVERDUE = "InboxCandidate.overdue";
  public static final String DELETE_TASK = "InboxCandidate.deleteTask";
  public static final String MARK_OVERDUE = "InboxCandidate.markOverdue";
  public static final String SET_DUE = "InboxCandidate.setDue";

  public static class Key implements Serializable {
    String taskId;
    String groupName;

    public Key() {}

    public Key(String taskId, String groupName) {
      this.taskId = taskId;
      this.groupName = groupName;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(taskId, k.taskId)
          && Objects.equals(groupName, k.groupName);
    }

    @Override
    public int hashCode() {
      return Objects.hash(taskId, groupName);
    }
  }

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Id
  @Column(name = "group_name")
  private String groupName;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(nullable = false)
  private boolean overdue;

  protected InboxCandidate() {}

  public Key key() {
    return new Key(taskId, groupName);
  }

  InboxCandidate(
      String taskId, String groupName, Instant createdAt, Instant dueAt, boolean overdue) {
    this.taskId = Objects.requireNonNull(taskId, "task id is required");
    this.groupName = Objects.requireNonNull(groupName, "group is required");
    this.createdAt = Objects.requireNonNull(createdAt, "creation time is required");
    this.dueAt = dueAt;
    this.overdue = overdue;
  }
}
