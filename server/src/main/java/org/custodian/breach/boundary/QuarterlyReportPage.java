package org.custodian.breach.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.control.PublishQuarterlyReport;
import org.custodian.breach.control.QuarterlyReportTasks;
import org.custodian.breach.control.QuarterlyReports;
import org.custodian.breach.control.QuarterlySummary;
import org.custodian.breach.control.RequestQuarterlyReport;
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
 * Quarterly breach reports: the published versions (CSV, PDF); from the inbox, the quarter's
 * generated summary to publish; the City CPO may ask for any quarter.
 */
@Named
@ViewScoped
public class QuarterlyReportPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One line of a summary table. */
  public record Line(String dimension, String value, String count) implements Serializable {}

  @Inject QuarterlyReports reports;

  @Inject QuarterlyReportTasks reportTasks;

  @Inject Inbox inbox;

  @Inject SignedInUser signedIn;

  @Inject BreachPolicy policy;

  private String taskId;
  private String quarter;
  private String requestedQuarter;
  private QuarterlySummary preview;
  private List<QuarterlyReportResource.ReportView> published = List.of();

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    if (taskId != null && !taskId.isBlank()) {
      InboxTask task = inbox.task(actor, taskId);
      quarter = reportTasks.quarterOf(task);
      preview = reports.preview(actor, quarter);
    }
    published =
        reports.published(actor).stream()
            .map(
                r ->
                    new QuarterlyReportResource.ReportView(
                        r.id(),
                        r.quarter(),
                        r.versionNo(),
                        r.publishedBy(),
                        r.publishedAt(),
                        reports.content(r)))
            .toList();
  }

  public List<Line> lines(QuarterlySummary s) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line("all", "confirmed breaches", s.total()));
    for (Map.Entry<String, Map<String, String>> d : s.counts().entrySet()) {
      d.getValue().forEach((value, count) -> lines.add(new Line(d.getKey(), value, count)));
    }
    return lines;
  }

  public String publish() {
    try {
      inbox.complete(signedIn.actor(), taskId, new PublishQuarterlyReport());
      Pages.info("The " + quarter + " report is published.");
      return "/breach/quarterly?faces-redirect=true";
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String request() {
    try {
      reports.start(signedIn.actor(), new RequestQuarterlyReport(requestedQuarter));
      Pages.info("Compile quarterly report for " + requestedQuarter.strip() + " is in your inbox.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("request", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public boolean isCpo() {
    return policy.mayCompileQuarterly(signedIn.actor());
  }

  public String getTaskId() {
    return taskId;
  }

  public void setTaskId(String taskId) {
    this.taskId = taskId;
  }

  public String getQuarter() {
    return quarter;
  }

  public QuarterlySummary getPreview() {
    return preview;
  }

  public List<QuarterlyReportResource.ReportView> getPublished() {
    return published;
  }

  public String getRequestedQuarter() {
    return requestedQuarter;
  }

  public void setRequestedQuarter(String requestedQuarter) {
    this.requestedQuarter = requestedQuarter;
  }
}
