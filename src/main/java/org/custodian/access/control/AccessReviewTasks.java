package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.Decision;
import org.custodian.audit.control.AuditLog;
import org.custodian.inbox.control.TaskHandler;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Roles;
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

  private static final List<Decision> REVIEW_DECISIONS =
      List.of(Decision.APPROVE, Decision.REJECT, Decision.RETURN);
  private static final List<Decision> ANSWER_DECISIONS =
      List.of(Decision.ANSWER, Decision.WITHDRAW);
  private static final int MAX_COMMENT = 4_000;

  @PersistenceContext EntityManager em;

  @Inject AccessRequests requests;

  @Inject TaskService tasks;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Override
  public boolean handles(InboxTask task) {
    return AccessRequests.PROCESS.equals(task.processKey());
  }

  @Override
  public void checkMayAct(Actor actor, InboxTask task) {
    AccessRequest request = requests.find(task.caseId());
    if (REVIEW_TASK.equals(task.taskKey())) {
      checkMayReview(actor, request, task);
    } else if (!actor.username().equals(request.requestedBy())) {
      throw new ForbiddenException(
          "Only the Commanding Officer who made the request may answer it.");
    }
  }

  private void checkMayReview(Actor actor, AccessRequest request, InboxTask task) {
    actor.requireRole(Roles.EXECUTIVE_REVIEWER);
    int layer = request.currentLayer();
    boolean inLayer = actor.inGroup(Groups.accessReview(layer));
    boolean escalated = task.overdue() && actor.inGroup(Groups.ACCESS_REVIEW_ESCALATION);
    if (!inLayer && !escalated) {
      throw new ForbiddenException("You do not review layer " + layer + " access requests.");
    }
    if (actor.username().equals(request.requestedBy())) {
      throw new ForbiddenException("You made this request; another executive must review it.");
    }
    if (request.decidedOtherLayer(actor.username(), layer)) {
      throw new ForbiddenException(
          "You decided another layer of this request; a different executive must decide layer "
              + layer
              + ".");
    }
  }

  @Override
  public void complete(Actor actor, InboxTask task, Map<String, String> form) {
    AccessRequest request = requests.find(task.caseId());
    checkMayAct(actor, task);
    boolean review = REVIEW_TASK.equals(task.taskKey());
    Decision decision =
        decision(form.get("decision"), review ? REVIEW_DECISIONS : ANSWER_DECISIONS);
    String comment = form.get("comment") == null ? null : form.get("comment").strip();
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw new InvalidInputException(
          "comment", "Keep the comment to " + MAX_COMMENT + " characters.");
    }
    if ((decision == Decision.REJECT || decision == Decision.RETURN || decision == Decision.ANSWER)
        && (comment == null || comment.isEmpty())) {
      throw new InvalidInputException(
          "comment",
          switch (decision) {
            case REJECT -> "Give the reason for rejecting.";
            case RETURN -> "Ask the question the Commanding Officer should answer.";
            default -> "Answer the reviewer's question.";
          });
    }
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
            + (comment == null || comment.isEmpty() ? "" : ": " + comment));
    // the engine moves on last: a final approval grants access inside this same transaction
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision.name());
    variables.put("decidedBy", actor.username());
    tasks.complete(task.taskId(), variables);
  }

  private static Decision decision(String value, List<Decision> allowed) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("decision", "Choose one of " + allowed + ".");
    }
    for (Decision d : allowed) {
      if (d.name().equals(value)) {
        return d;
      }
    }
    throw new InvalidInputException("decision", "decision must be one of " + allowed + ".");
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
