package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.oversight.control.ConcludeAllegation;
import org.custodian.oversight.control.MisuseAllegationTasks;
import org.custodian.oversight.control.MisuseAllegations;
import org.custodian.oversight.control.RecordStep;
import org.custodian.oversight.control.TriageAllegation;
import org.custodian.oversight.entity.MisuseAllegation;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * One allegation: what it is about, the steps so far; with its open task (from the inbox), the
 * triage or the conclusion, each the same form as the API's.
 */
@Named
@ViewScoped
public class AllegationPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MisuseAllegations allegations;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  private Long id;
  private String taskId;
  private String taskKey;
  private MisuseAllegations.View allegation;
  private String step;
  private String route;
  private String note;
  private String outcome;
  private String conclusion;
  private LocalDate resumeOn;
  private final Map<Long, String> grantActions = new HashMap<>();

  public void load() {
    if (id == null) {
      Pages.error("Open an allegation from the list or your inbox.");
      return;
    }
    try {
      allegation = allegations.view(signedIn.actor(), id);
      if (taskId != null && !taskId.isBlank()) {
        InboxTask task = inbox.task(signedIn.actor(), taskId);
        taskKey = task.taskKey();
      }
    } catch (NotFoundException | ForbiddenException e) {
      Pages.error(e.getMessage());
      allegation = null;
    }
  }

  public void recordStep() {
    try {
      allegations.recordStep(signedIn.actor(), id, new RecordStep(step));
      step = null;
      allegation = allegations.view(signedIn.actor(), id);
    } catch (InvalidInputException e) {
      Pages.show("steps", e);
    } catch (ForbiddenException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
  }

  public String triage() {
    return complete(
        () ->
            new TriageAllegation(Pages.choice("route", TriageAllegation.Route.class, route), note),
        "Triaged.");
  }

  public String conclude() {
    return complete(
        () -> {
          Map<String, ConcludeAllegation.GrantAction> grants = new LinkedHashMap<>();
          grantActions.forEach(
              (grant, action) -> {
                if (action != null && !action.isBlank()) {
                  grants.put(
                      String.valueOf(grant),
                      Pages.choice("grants", ConcludeAllegation.GrantAction.class, action));
                }
              });
          return new ConcludeAllegation(
              Pages.choice("outcome", MisuseAllegation.Outcome.class, outcome),
              conclusion,
              grants,
              resumeOn);
        },
        "Concluded.");
  }

  private String complete(java.util.function.Supplier<Record> form, String done) {
    try {
      inbox.complete(signedIn.actor(), taskId, form.get());
      Pages.info(allegation.businessKey() + ": " + done);
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("decide", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public boolean isTriaging() {
    return MisuseAllegationTasks.TRIAGE.equals(taskKey);
  }

  public boolean isInvestigating() {
    return MisuseAllegationTasks.INVESTIGATE.equals(taskKey);
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

  public MisuseAllegations.View getAllegation() {
    return allegation;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getRoute() {
    return route;
  }

  public void setRoute(String route) {
    this.route = route;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public String getConclusion() {
    return conclusion;
  }

  public void setConclusion(String conclusion) {
    this.conclusion = conclusion;
  }

  public LocalDate getResumeOn() {
    return resumeOn;
  }

  public void setResumeOn(LocalDate resumeOn) {
    this.resumeOn = resumeOn;
  }

  public Map<Long, String> getGrantActions() {
    return grantActions;
  }
}
