package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.oversight.control.DecideFocusedAudit;
import org.custodian.oversight.control.FocusedAudits;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/** One focused audit request; with its task, the Bureau's decision; once approved, its report. */
@Named
@ViewScoped
public class FocusedAuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject FocusedAudits audits;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  private Long id;
  private String taskId;
  private FocusedAudits.View audit;
  private String decision;
  private String note;

  public void load() {
    if (id == null) {
      Pages.error("Open a focused audit from the list or your inbox.");
      return;
    }
    try {
      audit = audits.view(signedIn.actor(), id);
      if (taskId != null && !taskId.isBlank()) {
        // a request of one's own is shown, not offered for a decision
        inbox
            .refusal(signedIn.actor(), inbox.task(signedIn.actor(), taskId))
            .ifPresent(
                refused -> {
                  Pages.error(refused);
                  taskId = null;
                });
      } else {
        taskId = null;
      }
    } catch (NotFoundException | ForbiddenException e) {
      Pages.error(e.getMessage());
      audit = null;
    }
  }

  public String decide() {
    try {
      inbox.complete(
          signedIn.actor(),
          taskId,
          new DecideFocusedAudit(
              Pages.choice("decision", DecideFocusedAudit.Decision.class, decision), note));
      Pages.info(audit.businessKey() + ": decided.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("decide", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public boolean isDeciding() {
    return taskId != null && audit != null && audit.status().name().equals("REQUESTED");
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public FocusedAudits.View getAudit() {
    return audit;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
