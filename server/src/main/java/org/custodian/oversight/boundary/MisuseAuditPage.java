package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.oversight.control.MisuseAuditTasks;
import org.custodian.oversight.control.MisuseAudits;
import org.custodian.oversight.control.ReviewSample;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.oversight.entity.MisuseAuditItem;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * "Audit your command's system use": every sampled event and open finding, each marked reviewed or
 * questionable (with a note); the same form as the API's task completion.
 */
@Named
@ViewScoped
public class MisuseAuditPage implements Serializable {

  private static final long serialVersionUID = 1L;

  public record Row(
      long id,
      long eventId,
      String why,
      Instant at,
      String system,
      String action,
      String member,
      String subject,
      String record,
      String purpose)
      implements Serializable {}

  @Inject Inbox inbox;

  @Inject MisuseAuditTasks misuseAuditTasks;

  @Inject MisuseAudits audits;

  @Inject SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private String heading;
  private List<Row> rows = List.of();
  private final Map<Long, String> verdicts = new HashMap<>();
  private final Map<Long, String> notes = new HashMap<>();

  @Transactional
  public void load() {
    if (taskId == null || taskId.isBlank()) {
      Pages.error("Open a task from your inbox.");
      return;
    }
    task = inbox.task(signedIn.actor(), taskId);
    MisuseAudit audit = misuseAuditTasks.auditOf(task);
    heading = misuseAuditTasks.subject(task);
    rows =
        misuseAuditTasks.items(signedIn.actor(), task).stream()
            .map(
                i ->
                    new Row(
                        i.id(),
                        i.event().id(),
                        i.findingId() != null ? "open finding" : "sampled",
                        i.event().at(),
                        audits.systemCode(i.event().technologyId()),
                        i.event().action().name(),
                        i.event().memberTaxNumber(),
                        i.event().subject(),
                        i.event().record(),
                        i.event().purpose()))
            .toList();
    if (audit.status() != MisuseAudit.Status.OPEN) {
      Pages.info("This audit was completed.");
    }
  }

  /** Marks every event not yet marked as reviewed. */
  public void reviewRest() {
    for (Row row : rows) {
      verdicts.putIfAbsent(row.id(), MisuseAuditItem.Verdict.REVIEWED.name());
    }
  }

  public String submit() {
    Map<String, ReviewSample.Review> items = new LinkedHashMap<>();
    for (Row row : rows) {
      String verdict = verdicts.get(row.id());
      if (verdict != null && !verdict.isBlank()) {
        items.put(
            String.valueOf(row.id()),
            new ReviewSample.Review(MisuseAuditItem.Verdict.valueOf(verdict), notes.get(row.id())));
      }
    }
    try {
      inbox.complete(signedIn.actor(), taskId, new ReviewSample(items));
      Pages.info("The audit of " + heading + " is recorded.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      e.errors()
          .forEach(
              f -> Pages.error("Event " + f.field().replace("items.", "") + ": " + f.message()));
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

  public String getHeading() {
    return heading;
  }

  public List<Row> getRows() {
    return rows;
  }

  public Map<Long, String> getVerdicts() {
    return verdicts;
  }

  public Map<Long, String> getNotes() {
    return notes;
  }
}
