package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custodian.access.control.AcknowledgeReassignment;
import org.custodian.access.control.RevocationTasks;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * "Confirm continued need" after a reassignment: keep or end each grant (or all at once); and the
 * old command's acknowledgement of the move.
 */
@Named
@ViewScoped
public class ConfirmPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One grant to keep or end. */
  public record Row(long grantId, String access, String grantedAt, String request)
      implements Serializable {}

  @Inject Inbox inbox;

  @Inject RevocationTasks revocationTasks;

  @Inject SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private String memberName;
  private String move;
  private String businessKey;
  private List<Row> rows = List.of();
  private final KeepOrEndChoices choices = new KeepOrEndChoices();

  @Transactional
  public void load() {
    task = inbox.task(signedIn.actor(), taskId);
    PersonnelEvent event = revocationTasks.event(signedIn.actor(), task);
    businessKey = event.businessKey();
    memberName =
        event.member().name() + " · " + event.member().rank() + " · " + event.member().taxNumber();
    move =
        event.type() == PersonnelEvent.Type.SEPARATED
            ? "Separated"
            : "Reassigned from "
                + event.previousCommand().name()
                + " to "
                + event.newCommand().name()
                + ", effective "
                + Pages.time(event.effectiveAt());
    if (isConfirmation()) {
      rows =
          revocationTasks.grantsToConfirm(signedIn.actor(), task).stream()
              .map(
                  g ->
                      new Row(
                          g.id(),
                          g.accessLevel().technology().name() + ": " + g.accessLevel().name(),
                          Pages.time(g.grantedAt()),
                          g.request().businessKey()))
              .toList();
    }
  }

  public boolean isConfirmation() {
    return RevocationTasks.CONFIRM_TASK.equals(task.taskKey());
  }

  public void keepAll() {
    choices.all(rows.stream().map(Row::grantId).toList(), "KEEP", "confirm:grants");
  }

  public void endAll() {
    choices.all(rows.stream().map(Row::grantId).toList(), "END", "confirm:grants");
  }

  public String submit() {
    Record form =
        isConfirmation()
            ? choices.form()
            : new AcknowledgeReassignment(AcknowledgeReassignment.Choice.ACKNOWLEDGE);
    try {
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info(businessKey + ": recorded.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.error(KeepOrEndChoices.problem(e));
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

  public String getMemberName() {
    return memberName;
  }

  public String getMove() {
    return move;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public List<Row> getRows() {
    return rows;
  }

  public Map<Long, String> getChoices() {
    return choices.map();
  }
}
