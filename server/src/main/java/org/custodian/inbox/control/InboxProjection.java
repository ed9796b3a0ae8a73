package org.custodian.inbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.custodian.inbox.entity.InboxCandidate;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.notification.control.Notices;
import org.custodian.notification.entity.Notice;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.impl.util.ProcessDefinitionUtil;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;

/**
 * Keeps the inbox tables in step with the engine's user tasks. It runs inside the engine's command,
 * in the same JTA transaction, so a task and its inbox row exist together or not at all; a failure
 * here fails the engine step (isFailOnException).
 */
@ApplicationScoped
public class InboxProjection implements FlowableEventListener {

  /** Process variables every process sets so its tasks can be listed without loading the case. */
  public static final String CASE_ID = "caseId";

  /** The id of the case a process runs for, as a service task reads it. */
  public static long caseId(org.flowable.variable.api.delegate.VariableScope execution) {
    return ((Number) execution.getVariable(CASE_ID)).longValue();
  }

  public static final String BUSINESS_KEY = "businessKey";

  @PersistenceContext EntityManager em;

  @Inject @Any Instance<TaskHandler> handlers;

  @Inject Notices notices;

  @Override
  public void onEvent(FlowableEvent event) {
    if (!(event.getType() instanceof FlowableEngineEventType type)
        || !(event instanceof FlowableEntityEvent entityEvent)
        || !(entityEvent.getEntity() instanceof TaskEntity task)) {
      return;
    }
    switch (type) {
      case TASK_CREATED -> created(task);
      case TASK_ASSIGNED -> assigned(task.getId(), task.getAssignee());
      case ENTITY_DELETED -> deleted(task.getId());
      default -> {}
    }
  }

  private void created(TaskEntity task) {
    Set<String> groups = new LinkedHashSet<>();
    for (IdentityLinkInfo link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    String definitionId = task.getProcessDefinitionId();
    String processKey =
        definitionId == null
            ? ""
            : ProcessDefinitionUtil.getProcessDefinition(definitionId).getKey();
    Object caseId = task.getVariable(CASE_ID);
    InboxTask row =
        new InboxTask(
            task.getId(),
            task.getName(),
            task.getTaskDefinitionKey(),
            processKey,
            task.getProcessInstanceId(),
            (String) task.getVariable(BUSINESS_KEY),
            caseId instanceof Number n ? n.longValue() : null,
            null,
            task.getCreateTime().toInstant(),
            task.getDueDate() == null ? null : task.getDueDate().toInstant(),
            task.getAssignee(),
            groups);
    row.executedBy(task.getExecutionId());
    for (TaskHandler handler : handlers) {
      if (handler.handles(row)) {
        row.describe(handler.subject(row));
      }
    }
    em.persist(row);
    if (row.assignee() == null) {
      row.candidateRows().forEach(em::persist);
    }
    notices.task(
        Notice.Kind.TASK_ASSIGNED,
        row.assignee(),
        groups,
        row.businessKey(),
        row.name(),
        link(row),
        row.dueAt());
  }

  /** The task's page, from the site's root: what a mail links to. */
  private String link(InboxTask row) {
    for (TaskHandler handler : handlers) {
      if (handler.handles(row)) {
        String page = handler.page(row);
        return "/custodian" + (page.startsWith("/") ? page : "/" + page);
      }
    }
    return "/custodian/inbox/index.xhtml";
  }

  /** Claimed: off the groups' lists; unclaimed: back on them. */
  private void assigned(String taskId, String assignee) {
    InboxTask row = em.find(InboxTask.class, taskId);
    if (row == null) {
      return;
    }
    row.assign(assignee);
    em.createNamedQuery(InboxCandidate.DELETE_TASK).setParameter("task", taskId).executeUpdate();
    if (assignee == null) {
      row.candidateRows().forEach(em::persist);
    }
  }

  private void deleted(String taskId) {
    em.createNamedQuery(InboxCandidate.DELETE_TASK).setParameter("task", taskId).executeUpdate();
    InboxTask row = em.find(InboxTask.class, taskId);
    if (row != null) {
      em.remove(row);
    }
  }

  /**
   * A task past due: highlighted, and offered to the escalation group too. Rows are updated in
   * place and only the new group's row is added, so this works in the very transaction that created
   * the task (its candidate rows are then still in the persistence context).
   */
  public void markOverdue(String taskId, String escalationGroup) {
    InboxTask row = em.find(InboxTask.class, taskId);
    if (row == null || row.overdue()) {
      return;
    }
    row.markOverdue(escalationGroup);
    if (row.assignee() == null) {
      em.createNamedQuery(InboxCandidate.MARK_OVERDUE).setParameter("task", taskId).executeUpdate();
      addMissingCandidates(row);
    }
    notices.task(
        Notice.Kind.TASK_OVERDUE,
        row.assignee(),
        row.candidateGroups(),
        row.businessKey(),
        row.name(),
        link(row),
        row.dueAt());
  }

  /** The task's due time moved: the inbox sorts and highlights by the new one. */
  public void due(String taskId, java.time.Instant dueAt) {
    InboxTask row = em.find(InboxTask.class, taskId);
    if (row == null) {
      return;
    }
    row.due(dueAt);
    em.createNamedQuery(InboxCandidate.SET_DUE)
        .setParameter("task", taskId)
        .setParameter("due", dueAt)
        .executeUpdate();
  }

  private void addMissingCandidates(InboxTask row) {
    for (InboxCandidate candidate : row.candidateRows()) {
      if (em.find(InboxCandidate.class, candidate.key()) == null) {
        em.persist(candidate);
      }
    }
  }

  /** A reminder before the due time: the inbox subject starts with the note. */
  public void remind(String taskId, String note) {
    InboxTask row = em.find(InboxTask.class, taskId);
    if (row != null && (row.subject() == null || !row.subject().startsWith(note))) {
      row.remind(note);
      notices.task(
          Notice.Kind.TASK_REMINDER,
          row.assignee(),
          row.candidateGroups(),
          row.businessKey(),
          row.name(),
          link(row),
          row.dueAt());
    }
  }

  @Override
  public boolean isFailOnException() {
    return true;
  }

  @Override
  public boolean isFireOnTransactionLifecycleEvent() {
    return false;
  }

  @Override
  public String getOnTransaction() {
    return null;
  }
}
