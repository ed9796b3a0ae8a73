package org.custodian.addendum.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.PublicComments;
import org.custodian.addendum.control.RespondToComments;
import org.custodian.addendum.control.SaveDraft;
import org.custodian.addendum.control.SubmitDraft;
import org.custodian.addendum.entity.Addendum;
import org.custodian.addendum.entity.AddendumDraft;
import org.custodian.addendum.entity.AddendumReview;
import org.custodian.directory.control.SignedInUser;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;
import org.custodian.policy.entity.SectionKey;

/**
 * The author's desk for "Draft addendum" and "Respond to comments and write final text": each
 * section in a rich-text editor beside the reviewers' remarks on it; every save is a draft version.
 * After the comment period, the public comments and the responses to them.
 */
@Named
@ViewScoped
public class EditAddendumPage implements Serializable {

  /** One section in the editor, with what the reviewers said about it. */
  public static class EditableSection implements Serializable {
    private final SectionKey key;
    private String html;
    private final List<String> remarks;

    EditableSection(SectionKey key, String html, List<String> remarks) {
      this.key = key;
      this.html = html;
      this.remarks = remarks;
    }

    public String getKey() {
      return key.name();
    }

    public String getHeading() {
      return key.heading();
    }

    public String getHtml() {
      return html;
    }

    public void setHtml(String html) {
      this.html = html;
    }

    public List<String> getRemarks() {
      return remarks;
    }
  }

  @Inject transient Addenda addenda;

  @Inject transient PublicComments comments;

  @Inject transient Inbox inbox;

  @Inject transient SignedInUser signedIn;

  private String taskId;
  private InboxTask task;
  private AddendumView addendum;
  private List<EditableSection> sections;
  private List<String> generalRemarks;
  private int draftNumber;
  private List<String> selectedComments = new ArrayList<>();
  private String response;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    if (taskId == null || taskId.isBlank()) {
      throw new NotFoundException("Open the addendum from your inbox.");
    }
    task = inbox.task(actor, taskId);
    if (!Addenda.DRAFT_TASK.equals(task.taskKey())
        && !Addenda.RESPOND_TASK.equals(task.taskKey())) {
      throw new NotFoundException("This task is not worked here.");
    }
    inbox.handler(task).checkMayAct(actor, task);
    Addendum a = addenda.view(actor, task.caseId());
    List<AddendumReview> reviews = addenda.reviews(a.id());
    addendum =
        AddendumView.of(
            a, addenda.base(a).number(), null, List.of(), reviews, comments.comments(a.id()));
    AddendumDraft latest = addenda.latestDraft(a.id());
    draftNumber = latest.number();
    Map<SectionKey, List<String>> remarks = new EnumMap<>(SectionKey.class);
    generalRemarks = new ArrayList<>();
    for (AddendumReview r : reviews) {
      if (r.round() != a.round()) {
        continue;
      }
      String who =
          r.kind().label() + " (" + r.reviewer() + ", " + r.decision().name().toLowerCase() + ")";
      if (r.remarks() != null) {
        generalRemarks.add(who + ": " + r.remarks());
      }
      r.sectionRemarks()
          .forEach(
              s ->
                  remarks
                      .computeIfAbsent(s.section(), k -> new ArrayList<>())
                      .add(who + ": " + s.remark()));
    }
    sections = new ArrayList<>();
    latest
        .sections()
        .forEach(
            s ->
                sections.add(
                    new EditableSection(
                        s.key(), s.body(), remarks.getOrDefault(s.key(), List.of()))));
  }

  private SaveDraft text() {
    Map<SectionKey, String> text = new EnumMap<>(SectionKey.class);
    sections.forEach(
        s -> text.put(SectionKey.valueOf(s.getKey()), s.getHtml() == null ? "" : s.getHtml()));
    return new SaveDraft(text);
  }

  public String save() {
    try {
      Addenda.SavedDraft saved = addenda.saveDraft(signedIn.actor(), addendum.id(), text());
      Pages.info(
          saved.created()
              ? "Saved as draft " + saved.draft().number() + "."
              : "Nothing changed since draft " + saved.draft().number() + ".");
      return "/addenda/edit?faces-redirect=true&task=" + taskId;
    } catch (InvalidInputException e) {
      Pages.show("draft", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /** Saves, then hands the text to legal and privacy review. */
  public String submit() {
    try {
      addenda.saveDraft(signedIn.actor(), addendum.id(), text());
      inbox.complete(signedIn.actor(), taskId, new SubmitDraft());
      Pages.info(addendum.businessKey() + " is with legal and privacy review.");
      return "/addenda/view?faces-redirect=true&id=" + addendum.id();
    } catch (InvalidInputException e) {
      Pages.show("draft", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /** Answers the chosen comments with one response. */
  public String answer() {
    try {
      comments.respond(
          signedIn.actor(), addendum.id(), new RespondToComments(commentIds(), response));
      Pages.info("Response recorded for " + selectedComments.size() + " comment(s).");
      return "/addenda/edit?faces-redirect=true&task=" + taskId;
    } catch (InvalidInputException e) {
      Pages.show("responses", e, Map.of("text", "response"));
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  /** The chosen comments' ids; one the list never offered (a tampered request) is bad input. */
  private List<Long> commentIds() {
    List<Long> ids = new ArrayList<>();
    for (String id : selectedComments == null ? List.<String>of() : selectedComments) {
      if (!id.matches("[1-9][0-9]{0,17}")) {
        throw new InvalidInputException("commentIds", "Choose among the comments listed.");
      }
      ids.add(Long.valueOf(id));
    }
    return ids;
  }

  public boolean isResponding() {
    return task != null && Addenda.RESPOND_TASK.equals(task.taskKey());
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

  public List<EditableSection> getSections() {
    return sections;
  }

  public List<String> getGeneralRemarks() {
    return generalRemarks;
  }

  public int getDraftNumber() {
    return draftNumber;
  }

  public List<String> getSelectedComments() {
    return selectedComments;
  }

  public void setSelectedComments(List<String> selectedComments) {
    this.selectedComments = selectedComments;
  }

  public String getResponse() {
    return response;
  }

  public void setResponse(String response) {
    this.response = response;
  }
}
