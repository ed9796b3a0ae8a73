package org.custodian.addendum.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.addendum.control.AcknowledgeFirstUseWarning;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.ApproveAddendum;
import org.custodian.addendum.control.DecideAddendum;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.entity.SectionKey;

/**
 * Legal review, privacy review and the Commissioner's approvals: what the draft changes in the
 * policy, a remark box per section, and the decision. Also where a first-use warning is
 * acknowledged.
 */
@Named
@ViewScoped
public class ReviewAddendumPage implements Serializable {

  /** A changed section and the reviewer's remark on it. */
  public static class SectionReview implements Serializable {
    private final PolicyDiff.SectionDiff diff;
    private String remark;

    SectionReview(PolicyDiff.SectionDiff diff) {
      this.diff = diff;
    }

    public PolicyDiff.SectionDiff getDiff() {
      return diff;
    }

    public String getKey() {
      return diff.key().name();
    }

    public String getRemark() {
      return remark;
    }

    public void setRemark(String remark) {
      this.remark = remark;
    }
  }

  @Inject transient Addenda addenda;

  @Inject transient Inbox inbox;

  @Inject transient SignedInUser signedIn;

  @Inject transient EngineClock clock;

  private String taskId;
  private InboxTask task;
  private AddendumView addendum;
  private int draftNumber;
  private List<SectionReview> sections;
  private String comment;
  private boolean firstUseSoon;
  private LocalDate earliestFirstUse;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    if (taskId == null || taskId.isBlank()) {
      throw new NotFoundException("Open the review from your inbox.");
    }
    task = inbox.task(actor, taskId);
    if (Addenda.DRAFT_TASK.equals(task.taskKey())
        || Addenda.RESPOND_TASK.equals(task.taskKey())
        || !Addenda.PROCESS.equals(task.processKey())) {
      throw new NotFoundException("This task is not worked here.");
    }
    Addendum a = addenda.view(actor, task.caseId());
    addendum = AddendumView.of(a, addenda.base(a).number(), null);
    AddendumDraft latest = addenda.latestDraft(a.id());
    draftNumber = latest.number();
    sections = new ArrayList<>();
    addenda.changes(a, latest.sections()).forEach(d -> sections.add(new SectionReview(d)));
    // POST Act: at least 90 days' notice before first use, counted from publication (now, if
    // approved now)
    firstUseSoon = a.firstUseWarning() || addenda.firstUseTooSoon(a.plannedFirstUse(), clock.now());
    earliestFirstUse = addenda.earliestFirstUse(clock.now());
  }

  public String approve() {
    return decide("APPROVE");
  }

  public String sendBack() {
    return decide("RETURN");
  }

  public String acknowledge() {
    return decide(null);
  }

  private String decide(String decision) {
    try {
      inbox.complete(signedIn.actor(), taskId, form(decision));
      Pages.info(addendum.businessKey() + ": " + task.name().toLowerCase() + " recorded.");
      return "/addenda/view?faces-redirect=true&id=" + addendum.id();
    } catch (InvalidInputException e) {
      Pages.show("review", e, sectionInputs());
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /** The task's own form: the reviewers' or the Commissioner's decision, or the acknowledgement. */
  private Record form(String decision) {
    if (decision == null) {
      return new AcknowledgeFirstUseWarning();
    }
    Map<SectionKey, String> remarks = new EnumMap<>(SectionKey.class);
    sections.forEach(
        s -> {
          if (s.getRemark() != null && !s.getRemark().isBlank()) {
            remarks.put(SectionKey.valueOf(s.getKey()), s.getRemark());
          }
        });
    DecideAddendum.Decision choice = DecideAddendum.Decision.valueOf(decision);
    return inbox.formOf(signedIn.actor(), taskId) == ApproveAddendum.class
        ? new ApproveAddendum(choice, comment, remarks)
        : new DecideAddendum(choice, comment, remarks);
  }

  /** A remark's error beside its box: {@code sections.RULES} is row n's input. */
  private Map<String, String> sectionInputs() {
    Map<String, String> inputs = new HashMap<>();
    for (int i = 0; i < sections.size(); i++) {
      inputs.put("sections." + sections.get(i).getKey(), "sections:" + i + ":remark");
    }
    return inputs;
  }

  public boolean isApproval() {
    return task != null
        && (Addenda.APPROVE_TASK.equals(task.taskKey())
            || Addenda.APPROVE_FINAL_TASK.equals(task.taskKey()));
  }

  public boolean isWarning() {
    return task != null
        && (Addenda.WARN_AUTHOR_TASK.equals(task.taskKey())
            || Addenda.WARN_COMMISSIONER_TASK.equals(task.taskKey()));
  }

  public boolean isReview() {
    return !isApproval() && !isWarning();
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

  public AddendumView getAddendum() {
    return addendum;
  }

  public int getDraftNumber() {
    return draftNumber;
  }

  public List<SectionReview> getSections() {
    return sections;
  }

  public String getComment() {
    return comment;
  }

  public void setComment(String comment) {
    this.comment = comment;
  }

  public LocalDate getEarliestFirstUse() {
    return earliestFirstUse;
  }

  public boolean isFirstUseSoon() {
    return firstUseSoon;
  }
}
