package org.custodian.disclosure.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DecideInWriting;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.DisclosureTasks;
import org.custodian.disclosure.control.DisclosureView;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.control.ReviewAfterTheFact;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * The Agency Privacy Officer's task: the written approval or denial of a disclosure (bases 1-3), or
 * the review of one approved on filing (bases 6, 7).
 */
@Named
@ViewScoped
public class DecidePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Inbox inbox;

  @Inject Disclosures disclosures;

  @Inject DisclosureDocuments documents;

  @Inject SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private DisclosureView disclosure;
  private String decision;
  private String text;

  @Transactional
  public void load() {
    task = inbox.task(signedIn.actor(), taskId);
    Disclosure d = disclosures.view(signedIn.actor(), task.caseId());
    disclosure = DisclosureView.of(d, documents.of(d));
  }

  public boolean isApproval() {
    return DisclosureTasks.APPROVE_TASK.equals(task.taskKey());
  }

  public List<String> decisions() {
    return isApproval() ? List.of("APPROVE", "DENY") : List.of("CONFIRM", "CONCERN");
  }

  public String label(String value) {
    return switch (value) {
      case "APPROVE" -> "Approve in writing";
      case "DENY" -> "Deny in writing";
      case "CONFIRM" -> "The disclosure was proper";
      case "CONCERN" -> "I have a concern (say what)";
      default -> value;
    };
  }

  public String decide() {
    try {
      Record form =
          isApproval()
              ? new DecideInWriting(
                  Pages.choice("decision", DecideInWriting.Choice.class, decision), text)
              : new ReviewAfterTheFact(
                  Pages.choice("decision", ReviewAfterTheFact.Choice.class, decision), text);
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info(disclosure.businessKey() + ": " + label(decision).toLowerCase() + " recorded.");
      return "/disclosure/view?faces-redirect=true&id=" + disclosure.id();
    } catch (InvalidInputException e) {
      Pages.show("decide", e, Map.of("approvalText", "text", "comment", "text"));
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

  public DisclosureView getDisclosure() {
    return disclosure;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public int minText() {
    return DisclosureTasks.MIN_TEXT;
  }

  public int maxText() {
    return DisclosureTasks.MAX_TEXT;
  }
}
