package org.custodian.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An open user task as the inbox shows it: our read model of the engine's task, written in the same
 * transaction as the engine's own rows.
 */
@Entity
@Table(name = "inbox_task")
@NamedQuery(
    name = InboxTask.COUNT_BY_PROCESS,
    query =
        "select t.processKey, count(t), sum(case when t.overdue = true then 1 else 0 end)"
            + " from InboxTask t group by t.processKey")
@NamedQuery(
    name = InboxTask.MINE_BY_CREATED,
    query =
        "select t from InboxTask t where t.assignee = :me order by t.createdAt desc, t.taskId desc")
@NamedQuery(
    name = InboxTask.MINE_BY_DUE,
    query = "select t from InboxTask t where t.assignee = :me order by t.dueAt asc, t.taskId asc")
@NamedQuery(
    name = InboxTask.MINE_OVERDUE,
    query =
        "select t from InboxTask t where t.assignee = :me and t.overdue = true order by t.createdAt desc, t.taskId desc")
@NamedQuery(name = InboxTask.BY_IDS, query = "select t from InboxTask t where t.taskId in :ids")
@NamedQuery(
    name = InboxTask.OF_PROCESS,
    query = "select t from InboxTask t where t.processInstanceId = :pid")
public class InboxTask {

  public static final String COUNT_BY_PROCESS = "InboxTask.countByProcess";
  public static final String MINE_BY_CREATED = "InboxTask.mineByCreated";
  public static final String MINE_BY_DUE = "InboxTask.mineByDue";
  public static final String MINE_OVERDUE = "InboxTask.mineOverdue";
  public static final String BY_IDS = "InboxTask.byIds";
  public static final String OF_PROCESS = "InboxTask.ofProcess";

  @Id
  @Column(name = "task_id")
  private String taskId;

  @Column(nullable = false)
  private String name;

  @Column(name = "task_key", nullable = false)
  private String taskKey;

  @Column(name = "process_key", nullable = false)
  private String processKey;

  @Column(name = "process_instance_id", nullable = false)
  private String processInstanceId;

  @Column(name = "business_key")
  private String businessKey;

  @Column(name = "execution_id")
  private String executionId;

  @Column(name = "case_id")
  private Long caseId;

  @Column(name = "subject")
  private String subject;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "due_at")
  private Instant dueAt;

  @Column(name = "assignee")
  private String assignee;

  @Column(name = "candidate_groups", nullable = false)
  private String candidateGroups;

  @Column(nullable = false)
  private boolean overdue;

  protected InboxTask() {}

  public InboxTask(
      String taskId,
      String name,
      String taskKey,
      String processKey,
      String processInstanceId,
      String businessKey,
      Long caseId,
      String subject,
      Instant createdAt,
      Instant dueAt,
      String assignee,
      Set<String> candidateGroups) {
    this.taskId = Objects.requireNonNull(taskId, "task id is required");
    this.name = Objects.requireNonNull(name, "name is required");
    this.taskKey = Objects.requireNonNull(taskKey, "task key is required");
    this.processKey = Objects.requireNonNull(processKey, "process key is required");
    this.processInstanceId =
        Objects.requireNonNull(processInstanceId, "process instance is required");
    this.businessKey = businessKey;
    this.caseId = caseId;
    this.subject = subject;
    this.createdAt = Objects.requireNonNull(createdAt, "creation time is required");
    this.dueAt = dueAt;
    this.assignee = assignee;
    this.candidateGroups = String.join(",", candidateGroups);
  }

  public void executedBy(String executionId) {
    this.executionId = executionId;
  }

  public String executionId() {
    return executionId;
  }

  /** A reminder: the subject says so, and when the task is due. */
  public void remind(String note) {
    describe(note + " " + (subject == null ? "" : subject));
  }

  public void describe(String subject) {
    this.subject =
        subject == null || subject.length() <= 300 ? subject : subject.substring(0, 299) + "…";
  }

  public void assign(String assignee) {
    this.assignee = assignee;
  }

  /** The due time moved (a deadline computed from an instant that was corrected). */
  public void due(Instant at) {
    this.dueAt = at;
  }

  public void markOverdue(String escalationGroup) {
    this.overdue = true;
    Set<String> groups = candidateGroups();
    groups.add(escalationGroup);
    this.candidateGroups = String.join(",", groups);
  }

  public Set<String> candidateGroups() {
    Set<String> groups = new LinkedHashSet<>();
    if (!candidateGroups.isBlank()) {
      groups.addAll(Arrays.asList(candidateGroups.split(",")));
    }
    return groups;
  }

  public boolean isCandidate(Set<String> groups) {
    return candidateGroups().stream().anyMatch(groups::contains);
  }

  public List<InboxCandidate> candidateRows() {
    return candidateGroups().stream()
        .map(g -> new InboxCandidate(taskId, g, createdAt, dueAt, overdue))
        .toList();
  }

  public String taskId() {
    return taskId;
  }

  public String name() {
    return name;
  }

  public String taskKey() {
    return taskKey;
  }

  public String processKey() {
    return processKey;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public String businessKey() {
    return businessKey;
  }

  public Long caseId() {
    return caseId;
  }

  public String subject() {
    return subject;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public String assignee() {
    return assignee;
  }

  public boolean overdue() {
    return overdue;
  }
}
