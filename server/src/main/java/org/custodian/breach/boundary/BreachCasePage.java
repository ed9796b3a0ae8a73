package org.custodian.breach.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custodian.breach.control.AcknowledgeBreachReport;
import org.custodian.breach.control.AssessBreach;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.control.ConcurOnNotification;
import org.custodian.breach.control.ProposeNotification;
import org.custodian.breach.control.RecordNotification;
import org.custodian.breach.control.ReportToCpo;
import org.custodian.breach.control.SendNotifications;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.breach.entity.BreachReport;
import org.custodian.breach.entity.Cause;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/**
 * A breach case with its live countdown to the City CPO deadline; opened from the inbox, it also
 * holds the task's form: the APO's assessment or report, the City CPO's acknowledgment.
 */
@Named
@ViewScoped
public class BreachCasePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BreachReports breaches;

  @Inject org.custodian.breach.control.BreachNotifications notifications;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  @Inject BreachPolicy policy;

  @Inject org.custodian.platform.EngineClock clock;

  private Long id;
  private String taskId;
  private InboxTask task;
  private BreachView breach;
  private String decision;
  private String cause;
  private String text;
  private LocalDateTime awareAt;
  private String awareReason;
  private List<String> grounds = new java.util.ArrayList<>();
  private Long letterId;
  private String letterStatus;
  private String letterMethod;
  private String letterEfforts;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    if (taskId != null && !taskId.isBlank()) {
      task = inbox.task(actor, taskId);
      id = task.caseId();
      // a report of one's own is shown, not offered for assessment
      Optional<String> refused = inbox.refusal(actor, task);
      if (refused.isPresent()) {
        Pages.error(refused.get());
        task = null;
      }
    }
    if (id == null) {
      throw new NotFoundException("Open a breach case from the board or your inbox.");
    }
    breach = BreachView.of(breaches.view(actor, id), policy, actor, notifications.of(id));
  }

  public boolean isProposing() {
    return org.custodian.breach.control.BreachTasks.PROPOSE_TASK.equals(taskKey());
  }

  public boolean isConcurring() {
    return org.custodian.breach.control.BreachTasks.CONCUR_TASK.equals(taskKey());
  }

  public boolean isSending() {
    return org.custodian.breach.control.BreachTasks.SEND_TASK.equals(taskKey());
  }

  public boolean isPrivacyOfficer() {
    return policy.mayHandle(signedIn.actor());
  }

  public List<Option> getGroundOptions() {
    return List.of(
        new Option("RISK_OF_HARM", "Potential risk of harm to the individuals"),
        new Option(
            "DECIDED_WITH_CPO_AND_LAW_DEPARTMENT",
            "Decided with the City CPO and the Law Department"),
        new Option("LEGALLY_REQUIRED", "Legally required"));
  }

  /** One letter's fate: sent (how, now), returned, or the efforts made. */
  public String recordLetter() {
    try {
      BreachNotification.Status status =
          Pages.choice("letterStatus", BreachNotification.Status.class, letterStatus);
      notifications.record(
          signedIn.actor(),
          breach.id(),
          letterId == null ? 0 : letterId,
          new RecordNotification(
              status,
              letterMethod,
              status == BreachNotification.Status.SENT ? clock.now() : null,
              letterEfforts));
      Pages.info("Notification recorded.");
      return "/breach/case?faces-redirect=true&task=" + taskId;
    } catch (InvalidInputException e) {
      Pages.show(
          "letters",
          e,
          Map.of("status", "letterStatus", "method", "letterMethod", "efforts", "letterEfforts"));
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
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
    try {
      Record form = form();
      inbox.complete(signedIn.actor(), taskId, form);
      Pages.info(breach.businessKey() + ": " + task.name().toLowerCase() + " recorded.");
      return "/breach/case?faces-redirect=true&id=" + breach.id();
    } catch (InvalidInputException e) {
      Pages.show(
          "work",
          e,
          Map.of(
              "notes",
              "text",
              "summary",
              "text",
              "rationale",
              "text",
              "comment",
              "text",
              "decision",
              isAssessing()
                  ? "assessDecision"
                  : isProposing() ? "proposeDecision" : "concurDecision"));
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /**
   * The task's form, the same command the API takes; a choice the screen never offered is bad
   * input.
   */
  private Record form() {
    if (isAssessing()) {
      return new AssessBreach(
          Pages.choice("decision", AssessBreach.Decision.class, decision),
          Pages.choice("cause", Cause.class, cause),
          text,
          awareAt == null ? null : awareAt.atZone(Pages.NEW_YORK).toInstant(),
          awareReason);
    } else if (isReporting()) {
      return new ReportToCpo(text);
    } else if (isProposing()) {
      return new ProposeNotification(
          Pages.choice("decision", ProposeNotification.Decision.class, decision),
          Pages.choices("grounds", BreachReport.Ground.class, grounds),
          text);
    } else if (isConcurring()) {
      return new ConcurOnNotification(
          Pages.choice("decision", ConcurOnNotification.Decision.class, decision), text);
    } else if (isAcknowledging()) {
      return new AcknowledgeBreachReport();
    }
    return new SendNotifications();
  }

  public List<Option> getCauses() {
    return Arrays.stream(Cause.values()).map(c -> new Option(c.name(), c.label())).toList();
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

  public List<String> getGrounds() {
    return grounds;
  }

  public void setGrounds(List<String> grounds) {
    this.grounds = grounds;
  }

  public Long getLetterId() {
    return letterId;
  }

  public void setLetterId(Long letterId) {
    this.letterId = letterId;
  }

  public String getLetterStatus() {
    return letterStatus;
  }

  public void setLetterStatus(String letterStatus) {
    this.letterStatus = letterStatus;
  }

  public String getLetterMethod() {
    return letterMethod;
  }

  public void setLetterMethod(String letterMethod) {
    this.letterMethod = letterMethod;
  }

  public String getLetterEfforts() {
    return letterEfforts;
  }

  public void setLetterEfforts(String letterEfforts) {
    this.letterEfforts = letterEfforts;
  }

  public String getAwareReason() {
    return awareReason;
  }

  public void setAwareReason(String awareReason) {
    this.awareReason = awareReason;
  }
}
