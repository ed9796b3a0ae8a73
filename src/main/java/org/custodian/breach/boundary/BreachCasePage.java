package org.custodian.breach.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.entity.Cause;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * A breach case with its live countdown to the City CPO deadline; opened from the inbox, it also
 * holds the task's form: the APO's assessment or report, the City CPO's acknowledgment.
 */
@Named
@ViewScoped
public class BreachCasePage implements Serializable {

  private static final long serialVersionUID = 1L;

  public record Option(String value, String label) implements Serializable {}

  @Inject BreachReports breaches;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  private Long id;
  private String taskId;
  private InboxTask task;
  private BreachView breach;
  private String decision;
  private String cause;
  private String text;
  private LocalDateTime awareAt;
  private String awareReason;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    if (taskId != null && !taskId.isBlank()) {
      task = inbox.task(actor, taskId);
      id = task.caseId();
    }
    if (id == null) {
      throw new NotFoundException("Open a breach case from the board or your inbox.");
    }
    breach = BreachView.of(breaches.view(actor, id), actor);
  }

  public String taskKey() {
    return task == null ? "" : task.taskKey();
  }

  public boolean isAssessing() {
    return BreachReports.ASSESS_TASK.equals(taskKey());
  }

  public boolean isReporting() {
    return BreachReports.REPORT_TASK.equals(taskKey());
  }

  public boolean isAcknowledging() {
    return BreachReports.ACKNOWLEDGE_TASK.equals(taskKey());
  }

  public String complete() {
    Map<String, String> form = new HashMap<>();
    if (isAssessing()) {
      form.put("decision", decision);
      form.put("cause", cause == null ? "" : cause);
      form.put("notes", text);
      if (awareAt != null) {
        form.put("awareAt", awareAt.atZone(Pages.NEW_YORK).toInstant().toString());
        form.put("awareReason", awareReason);
      }
    } else if (isReporting()) {
      form.put("summary", text);
    }
    try {
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info(breach.businessKey() + ": " + task.name().toLowerCase() + " recorded.");
      return "/breach/case?faces-redirect=true&id=" + breach.id();
    } catch (InvalidInputException e) {
      Pages.show("work", remap(e));
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /** The form has one text box: the notes (assessment) or the summary (report). */
  private static InvalidInputException remap(InvalidInputException e) {
    return new InvalidInputException(
        e.errors().stream()
            .map(f -> f.field().equals("notes") || f.field().equals("summary") ? new InvalidInputException.FieldError("text", f.message()) : f)
            .toList());
  }

  public List<Option> getCauses() {
    return Arrays.stream(Cause.values()).map(c -> new Option(c.name(), c.label())).toList();
  }

  public String time(Instant at) {
    return Pages.time(at);
  }

  public long deadlineMillis() {
    return breach.cpoDeadline().toEpochMilli();
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

  public InboxTask getTask() {
    return task;
  }

  public BreachView getBreach() {
    return breach;
  }

  public String getDecision() {
    return decision;
  }

  public void setDecision(String decision) {
    this.decision = decision;
  }

  public String getCause() {
    return cause;
  }

  public void setCause(String cause) {
    this.cause = cause;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public LocalDateTime getAwareAt() {
    return awareAt;
  }

  public void setAwareAt(LocalDateTime awareAt) {
    this.awareAt = awareAt;
  }

  public String getAwareReason() {
    return awareReason;
  }

  public void setAwareReason(String awareReason) {
    this.awareReason = awareReason;
  }
}
