package org.custodian.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.entity.InboxCandidate;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;
import org.flowable.engine.HistoryService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.history.HistoricTaskInstance;

/** The task inbox shared by every process: list, claim, unclaim, complete. */
@ApplicationScoped
public class Inbox {

  public enum Scope {
    /** Assigned to me. */
    MINE,
    /** Unclaimed, offered to one of my groups. */
    CANDIDATE,
    /** Both. */
    ALL
  }

  public enum Sort {
    NEWEST,
    DUE
  }

  public record Query(Scope scope, boolean overdueOnly, Sort sort, int offset, int limit) {
    /** The most tasks one page shows. */
    public static final int MAX_LIMIT = 200;

    public Query {
      if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= 200");
      }
    }
  }

  @PersistenceContext EntityManager em;

  @Inject TaskService taskService;

  @Inject HistoryService history;

  @Inject AuditLog audit;

  @Inject @Any Instance<TaskHandler> handlers;

  @Inject InboxPolicy policy;

  @Inject Validation validation;

  @Inject InboxMeters meters;

  /**
   * One page of the inbox. Each source (my tasks; each of my groups) is read in index order up to
   * offset + limit rows, then merged: the cost follows the page, not the number of open tasks.
   */
  @Transactional
  public List<InboxTask> page(Actor actor, Query query) {
    int wanted = query.offset() + query.limit();
    Comparator<InboxTask> order =
        query.sort() == Sort.DUE
            ? Comparator.comparing(
                    InboxTask::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(InboxTask::taskId)
            : Comparator.comparing(InboxTask::createdAt)
                .reversed()
                .thenComparing(InboxTask::taskId, Comparator.reverseOrder());
    Set<String> ids = new LinkedHashSet<>();
    List<InboxTask> rows = new ArrayList<>();
    if (query.scope() != Scope.CANDIDATE) {
      String name =
          query.overdueOnly()
              ? InboxTask.MINE_OVERDUE
              : query.sort() == Sort.DUE ? InboxTask.MINE_BY_DUE : InboxTask.MINE_BY_CREATED;
      for (InboxTask mine :
          em.createNamedQuery(name, InboxTask.class)
              .setParameter("me", actor.username())
              .setMaxResults(wanted)
              .getResultList()) {
        if (ids.add(mine.taskId())) {
          rows.add(mine);
        }
      }
    }
    if (query.scope() != Scope.MINE && !actor.groups().isEmpty()) {
      String name =
          query.overdueOnly()
              ? InboxCandidate.OVERDUE
              : query.sort() == Sort.DUE ? InboxCandidate.BY_DUE : InboxCandidate.BY_CREATED;
      Set<String> candidateIds = new LinkedHashSet<>();
      for (String group : actor.groups()) {
        TypedQuery<String> q =
            em.createNamedQuery(name, String.class)
                .setParameter("group", group)
                .setMaxResults(wanted);
        candidateIds.addAll(q.getResultList());
      }
      candidateIds.removeAll(ids);
      if (!candidateIds.isEmpty()) {
        rows.addAll(
            em.createNamedQuery(InboxTask.BY_IDS, InboxTask.class)
                .setParameter("ids", candidateIds)
                .getResultList());
      }
    }
    List<InboxTask> page =
        rows.stream().sorted(order).skip(query.offset()).limit(query.limit()).toList();
    // a task's subject names the member, the recipient or the person affected: a read of personal
    // data
    audit.record(
        actor.username(),
        "TASKS_LISTED",
        "User",
        actor.username(),
        query.scope()
            + (query.overdueOnly() ? " overdue" : "")
            + " from "
            + query.offset()
            + ": "
            + page.size()
            + " task(s)");
    return page;
  }

  /**
   * How many tasks the page's scope holds, counted up to {@link #COUNT_CAP} + 1 and no further: a
   * paginator needs "more than a thousand", not the exact number, and an exact count reads every
   * candidate row (about 100 ms for 100,000 tasks, docs/performance.md). A task offered to two of
   * my groups may count twice here; the page itself never shows it twice.
   */
  @Transactional
  public long count(Actor actor, Scope scope) {
    return count(actor, scope, false);
  }

  public static final int COUNT_CAP = 1_000;

  @Transactional
  public long count(Actor actor, Scope scope, boolean overdueOnly) {
    String overdue = overdueOnly ? " AND overdue = TRUE" : "";
    long count = 0;
    if (scope != Scope.CANDIDATE) {
      count +=
          capped(
              "SELECT COUNT(*) FROM (SELECT 1 FROM inbox_task WHERE assignee = ?1"
                  + overdue
                  + " LIMIT "
                  + (COUNT_CAP + 1)
                  + ") t",
              actor.username());
    }
    if (scope != Scope.MINE) {
      for (String group : actor.groups()) {
        if (count > COUNT_CAP) {
          break;
        }
        count +=
            capped(
                "SELECT COUNT(*) FROM (SELECT 1 FROM inbox_candidate WHERE group_name = ?1"
                    + overdue
                    + " LIMIT "
                    + (COUNT_CAP + 1)
                    + ") t",
                group);
      }
    }
    return Math.min(count, COUNT_CAP + 1);
  }

  private long capped(String sql, String parameter) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult())
        .longValue();
  }

  /** The task, if the actor may see it: assigned to them, or offered to one of their groups. */
  @Transactional
  public InboxTask task(Actor actor, String taskId) {
    InboxTask task = em.find(InboxTask.class, taskId);
    if (task == null) {
      throw gone(taskId);
    }
    policy.requireView(actor, task);
    return task;
  }

  /**
   * Why the actor, who sees the task, may not act on it (their own request or report, say), for a
   * screen that would otherwise offer its form; empty when they may. Reads only.
   */
  @Transactional
  public Optional<String> refusal(Actor actor, InboxTask task) {
    try {
      handler(task).checkMayAct(actor, task);
      return Optional.empty();
    } catch (ForbiddenException e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * Whether one of the process's open tasks is assigned or offered to the actor (an escalated
   * review, say): the case is theirs to see while it waits for them.
   */
  public boolean offeredTo(Actor actor, String processInstanceId) {
    if (processInstanceId == null) {
      return false;
    }
    return em.createNamedQuery(InboxTask.OF_PROCESS, InboxTask.class)
        .setParameter("pid", processInstanceId)
        .getResultStream()
        .anyMatch(t -> policy.mayView(actor, t));
  }

  /** A task that is no longer open: 409 if someone completed it meanwhile, 404 if it never was. */
  private RuntimeException gone(String taskId) {
    HistoricTaskInstance done =
        history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
    if (done != null && done.getEndTime() != null) {
      String by = done.getCompletedBy() != null ? done.getCompletedBy() : done.getAssignee();
      return new ConflictException(
          "This task was already completed" + (by == null ? "" : " by " + by) + ".");
    }
    return new NotFoundException("No open task " + taskId + ".");
  }

  @Transactional
  public void claim(Actor actor, String taskId) {
    InboxTask task = task(actor, taskId);
    if (task.assignee() != null) {
      if (task.assignee().equals(actor.username())) {
        return;
      }
      throw new ConflictException("This task was claimed by " + task.assignee() + ".");
    }
    handler(task).checkMayAct(actor, task);
    taskService.claim(taskId, actor.username());
    audit.record(
        actor.username(),
        "TASK_CLAIMED",
        "Task",
        taskId,
        task.name() + " " + nullToEmpty(task.businessKey()));
  }

  @Transactional
  public void unclaim(Actor actor, String taskId) {
    InboxTask task = em.find(InboxTask.class, taskId);
    if (task == null) {
      throw gone(taskId);
    }
    policy.requireUnclaim(actor, task);
    if (task.candidateGroups().isEmpty()) {
      throw new ConflictException(
          "This task is assigned to you by its process and cannot be handed back.");
    }
    taskService.unclaim(taskId);
    audit.record(
        actor.username(),
        "TASK_UNCLAIMED",
        "Task",
        taskId,
        task.name() + " " + nullToEmpty(task.businessKey()));
  }

  /**
   * The form a task is completed with, for someone who may complete it: the API reads the request
   * body as this type, after this has said the caller may act at all.
   */
  @Transactional
  public Class<? extends Record> formOf(Actor actor, String taskId) {
    InboxTask task = task(actor, taskId);
    TaskHandler handler = handler(task);
    handler.checkMayAct(actor, task);
    return handler.form(task);
  }

  /**
   * Completes the task with its form. An unclaimed task is completed without claiming it first (the
   * engine records who completed it): two people completing the same task race on the engine's
   * optimistic lock on the task row, one wins and the other gets 409. A claim would be one more
   * engine command, with its own reads and writes, in every decision (docs/performance.md).
   */
  @Transactional
  public void complete(Actor actor, String taskId, Record form) {
    InboxTask task = task(actor, taskId);
    TaskHandler handler = handler(task);
    handler.checkMayAct(actor, task);
    Class<? extends Record> expected = handler.form(task);
    if (!expected.isInstance(form)) {
      throw new InvalidInputException(
          "body",
          task.name()
              + " is completed with the fields "
              + java.util.Arrays.stream(expected.getRecordComponents())
                  .map(c -> c.getName())
                  .toList()
              + ".");
    }
    validation.check(form);
    if (task.assignee() != null && !task.assignee().equals(actor.username())) {
      throw new ConflictException("This task was claimed by " + task.assignee() + ".");
    }
    handler.complete(actor, task, form);
    meters.decided(task);
  }

  public String page(InboxTask task) {
    return handler(task).page(task);
  }

  public TaskHandler handler(InboxTask task) {
    for (TaskHandler handler : handlers) {
      if (handler.handles(task)) {
        return handler;
      }
    }
    throw new IllegalStateException(
        "No handler for task " + task.taskKey() + " of " + task.processKey());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
