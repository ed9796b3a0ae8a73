package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.Decision;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.notification.control.Notices;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.flowable.engine.TaskService;

/**
 * The access authorization tasks in the inbox: an executive's review of one layer, and the
 * Commanding Officer's answer to a returned request. Segregation of duties is checked at claim and
 * again at completion: the requester decides no layer; nobody decides two layers of a request.
 */
@ApplicationScoped
public class AccessReviewTasks implements TaskHandler {

  public static final String REVIEW_TASK = "Task_ReviewAccessRequest";
  public static final String ANSWER_TASK = "Task_AnswerReturnedRequest";

  @PersistenceContext EntityManager em;

  @Inject AccessRequests requests;

  @Inject Notices notices;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject AccessPolicy policy;

  @Override
  public boolean handles(InboxTask task) {
    return AccessRequests.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    AccessRequest request = requests.find(task.caseId());
    if (REVIEW_TASK.equals(task.taskKey())) {
      policy.requireReview(actor, request, request.currentLayer(), task.overdue());
    } else {
      policy.requireAnswer(actor, request);
    }
  }

  @Override
  public Class<? extends Record> form(InboxTask task) {
    return REVIEW_TASK.equals(task.taskKey())
        ? ReviewAccessRequest.class
        : AnswerReturnedRequest.class;
  }

  /**
   * Records the decision (its comment is kept in full with the decision; the audit entry refers to
   * it) and moves the engine on last: a final approval grants access inside this transaction.
   */
  @Override
  public void complete(Actor actor, InboxTask task, Record form) {
    AccessRequest request = requests.find(task.caseId());
    boolean review = REVIEW_TASK.equals(task.taskKey());
    Decision decision;
    String comment;
    if (review) {
      ReviewAccessRequest r = (ReviewAccessRequest) form;
      decision = r.decision().decision;
      comment = r.comment();
    } else {
      AnswerReturnedRequest a = (AnswerReturnedRequest) form;
      decision = a.decision().decision;
      comment = a.comment();
    }
    comment = comment == null || comment.isBlank() ? null : comment.strip();
    if (request.status()
        != (review ? AccessRequest.Status.IN_REVIEW : AccessRequest.Status.RETURNED)) {
      throw new ConflictException("This request is " + request.status() + " now.");
    }
    int layer = request.currentLayer();
    request.record(task.taskId(), actor.username(), decision, comment, clock.now());
    em.flush();
    audit.record(
        actor.username(),
        review
            ? "ACCESS_REVIEW_DECIDED"
            : "ACCESS_REQUEST_" + (decision == Decision.ANSWER ? "ANSWERED" : "WITHDRAWN"),
        "AccessRequest",
        request.id(),
        request.businessKey()
            + ": layer "
            + layer
            + " "
            + decision
            + (comment == null
                ? ""
                : " (comment of " + comment.length() + " characters, kept with the decision)"));
    if (decision == Decision.REJECT) {
      notices.requestDecided(
          request.requestedBy(),
          request.businessKey(),
          "Access request " + request.businessKey() + " was rejected",
          "/custodian/access/request.xhtml?id=" + request.id());
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision.name());
    variables.put("decidedBy", actor.username());
    tasks.complete(task.taskId(), actor.username(), variables);
  }

  @Override
  public String subject(InboxTask task) {
    AccessRequest request = requests.find(task.caseId());
    return request.member().name()
        + " ("
        + request.command().code()
        + "): "
        + request.accessLevel().qualifiedCode()
        + ", layer "
        + request.currentLayer()
        + " of "
        + request.reviewLayers();
  }

  @Override
  public String page(InboxTask task) {
    return "/access/review.xhtml?task=" + task.taskId();
  }
}
