package org.custodian.addendum.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.PublicComments;
import org.custodian.addendum.control.SubmitComment;
import org.custodian.addendum.entity.Addendum;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.TooManyRequestsException;
import org.custodian.platform.web.Pages;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.entity.Section;

/**
 * A proposed addendum for the public (no sign-in): what it changes, its full text, the comment
 * form, and later the responses.
 */
@Named
@ViewScoped
public class PublicAddendumPage implements Serializable {

  @Inject transient PublicComments comments;

  @Inject transient Addenda addenda;

  @Inject transient EngineClock clock;

  private Long id;
  private String businessKey;
  private String policyCode;
  private String policyTitle;
  private String technology;
  private String newUse;
  private LocalDate plannedFirstUse;
  private boolean open;
  private boolean published;
  private boolean withdrawn;
  private Integer publishedVersion;
  private Instant closesAt;
  private List<PolicyDiff.SectionDiff> changes;
  private List<Section> sections;
  private List<PublicAddendumResource.PublicCommentView> commentRows = List.of();
  private String name;
  private String text;
  private boolean sent;

  @Transactional
  public void load() {
    Addendum a = comments.published(id);
    businessKey = a.businessKey();
    policyCode = a.policy().code();
    policyTitle = a.policy().title();
    technology = a.technology();
    newUse = a.newUse();
    plannedFirstUse = a.plannedFirstUse();
    open = a.openForComments(clock.now());
    published = a.status() == Addendum.Status.PUBLISHED;
    withdrawn = a.status() == Addendum.Status.WITHDRAWN;
    publishedVersion = addenda.publishedNumber(a);
    closesAt = a.commentsEndAt();
    sections = new java.util.ArrayList<>(addenda.proposedText(a.id()).sections());
    changes = addenda.changes(a, sections);
    if (published) {
      commentRows =
          comments.comments(a.id()).stream()
              .map(PublicAddendumResource.PublicCommentView::of)
              .toList();
    }
  }

  public String submit() {
    try {
      String client =
          ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
              .getRemoteAddr();
      comments.submit(id, new SubmitComment(name, text), client);
      Pages.info(
          "Thank you: your comment on "
              + businessKey
              + " was received. The department answers the comments when it publishes the final version.");
      return "/public/addendum?faces-redirect=true&id=" + id;
    } catch (InvalidInputException e) {
      Pages.show("comment", e);
    } catch (ConflictException | TooManyRequestsException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public List<PolicyDiff.SectionDiff> getChanges() {
    return changes;
  }

  public List<Section> getSections() {
    return sections;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getBusinessKey() {
    return businessKey;
  }

  public String getPolicyCode() {
    return policyCode;
  }

  public String getPolicyTitle() {
    return policyTitle;
  }

  public String getTechnology() {
    return technology;
  }

  public String getNewUse() {
    return newUse;
  }

  public LocalDate getPlannedFirstUse() {
    return plannedFirstUse;
  }

  public boolean isOpen() {
    return open;
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  public boolean isPublished() {
    return published;
  }

  public Integer getPublishedVersion() {
    return publishedVersion;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public List<PublicAddendumResource.PublicCommentView> getComments() {
    return commentRows;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public boolean isSent() {
    return sent;
  }

  public int getMaxText() {
    return PublicComments.MAX_TEXT;
  }
}
