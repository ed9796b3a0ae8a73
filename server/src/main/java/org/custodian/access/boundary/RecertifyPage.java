package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.custodian.access.control.KeepOrEndGrants;
import org.custodian.access.control.RecertificationTasks;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/** "Recertify access for COMMAND": keep or end each active grant of the command's members. */
@Named
@ViewScoped
public class RecertifyPage implements Serializable {

  private static final long serialVersionUID = 1L;

  public record Row(long grantId, String member, String access, String grantedAt)
      implements Serializable {}

  @Inject Inbox inbox;

  @Inject RecertificationTasks recertificationTasks;

  @Inject SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private String command;
  private List<Row> rows = List.of();
  private final KeepOrEndChoices choices = new KeepOrEndChoices();

  @Transactional
  public void load() {
    task = inbox.task(signedIn.actor(), taskId);
    command = recertificationTasks.commandOf(task);
    rows =
        recertificationTasks.items(signedIn.actor(), task).stream()
            .map(
                i ->
                    new Row(
                        i.grant().id(),
                        i.grant().member().name() + " · " + i.grant().member().taxNumber(),
                        i.grant().accessLevel().technology().name()
                            + ": "
                            + i.grant().accessLevel().name(),
                        Pages.time(i.grant().grantedAt())))
            .toList();
  }

  public void keepAll() {
    choices.all(rows.stream().map(Row::grantId).toList(), "KEEP", "recertify:grants");
  }

  public void endAll() {
    choices.all(rows.stream().map(Row::grantId).toList(), "END", "recertify:grants");
  }

  public String submit() {
    KeepOrEndGrants form = choices.form();
    try {
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info("Recertification for " + command + " recorded.");
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

  public String getCommand() {
    return command;
  }

  public List<Row> getRows() {
    return rows;
  }

  public Map<Long, String> getChoices() {
    return choices.map();
  }
}
