package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import org.custodian.access.control.AccessRequests;
import org.custodian.access.control.AccessReviewTasks;
import org.custodian.access.control.AnswerReturnedRequest;
import org.custodian.access.control.ReviewAccessRequest;
import org.custodian.access.entity.AccessRequest;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * The review page: the request, the member, every earlier decision, and this layer's decision (or,
 * for a returned request, the Commanding Officer's answer).
 */
@Named
@ViewScoped
public class ReviewPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Inbox inbox;

  @Inject AccessRequests requests;

  @Inject SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private AccessRequestResource.AccessRequestView request;
  private String memberName;
  private String memberCommand;
  private String levelName;
  private String question;
  private String decision;
  private String comment;

  @Transactional
  public void load() {
    task = inbox.task(signedIn.actor(), taskId);
    AccessRequest r = requests.view(signedIn.actor(), task.caseId());
    request = AccessRequestResource.AccessRequestView.of(r);
    memberName = r.member().name() + " · " + r.member().rank() + " · " + r.member().taxNumber();
    memberCommand = r.command().name() + " (" + r.command().code() + ")";
    levelName = r.accessLevel().technology().name() + ": " + r.accessLevel().name();
    question = r.lastReturn().map(d -> d.comment()).orElse(null);
  }

  public boolean isReview() {
    return AccessReviewTasks.REVIEW_TASK.equals(task.taskKey());
  }

  public List<String> decisions() {
    return isReview() ? List.of("APPROVE", "REJECT", "RETURN") : List.of("ANSWER", "WITHDRAW");
  }

  public String label(String value) {
    return switch (value) {
      case "APPROVE" -> "Approve this layer";
      case "REJECT" -> "Reject (give the reason)";
      case "RETURN" -> "Return to the Commanding Officer with a question";
      case "ANSWER" -> "Answer and send back to review";
      case "WITHDRAW" -> "Withdraw the request";
      default -> value;
    };
  }

  public String decide() {
    Record form;
    try {
      form =
          isReview()
              ? new ReviewAccessRequest(
                  decision == null ? null : ReviewAccessRequest.Choice.valueOf(decision), comment)
              : new AnswerReturnedRequest(
                  decision == null ? null : AnswerReturnedRequest.Choice.valueOf(decision),
                  comment);
    } catch (IllegalArgumentException e) {
      Pages.show(
          "decide", new InvalidInputException("decision", "Choose one of " + decisions() + "."));
      return null;
    }
    try {
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info(request.businessKey() + ": " + label(decision).toLowerCase() + " recorded.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("decide", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public InboxTask getTask() {
    return task;
  }

  public AccessRequestResource.AccessRequestView getRequest() {
    return request;
  }

  public String getMemberName() {
    return memberName;
  }

  public String getMemberCommand() {
    return memberCommand;
  }

  public String getLevelName() {
    return levelName;
  }

  public String getQuestion() {
    return question;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }
}
