package org.custodian.addendum.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.AddendumPolicy;
import org.custodian.addendum.control.PublicComments;
import org.custodian.addendum.control.WithdrawAddendum;
import org.custodian.addendum.entity.Addendum;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;
import org.custodian.policy.control.PolicyDiff;

/**
 * One addendum for those who work on it: its dates, drafts, reviews and comments, and any two of
 * its texts compared ({@code from}/{@code to}: a draft number, or "base" for the policy version it
 * started from; by default the base against the latest draft).
 */
@Named
@RequestScoped
public class AddendumPage {

  @Inject Addenda addenda;

  @Inject PublicComments comments;

  @Inject SignedInUser signedIn;

  @Inject AddendumPolicy policy;

  private Long id;
  private String from;
  private String to;
  private AddendumView addendum;
  private List<PolicyDiff.SectionDiff> diffs;
  private String reason;
  private boolean mayWithdraw;

  @Transactional
  public void load() {
    if (id == null) {
      throw new NotFoundException("Open an addendum from the list.");
    }
    Addendum a = addenda.view(signedIn.actor(), id);
    mayWithdraw = policy.mayWithdraw(signedIn.actor(), a);
    addendum = AddendumView.full(addenda, comments, a);
    if (from == null || from.isBlank()) {
      from = "base";
    }
    if (to == null || to.isBlank()) {
      to = String.valueOf(addenda.latestDraft(a.id()).number());
    }
    try {
      diffs =
          PolicyDiff.changedOnly(
              PolicyDiff.compare(addenda.text(a, from, "from"), addenda.text(a, to, "to")));
    } catch (InvalidInputException e) {
      throw new NotFoundException(e.getMessage());
    }
  }

  /**
   * The author or the Commissioner withdraws the addendum, with the reason. This page reads the
   * addendum per request, so a refusal is shown on the reloaded page rather than this postback.
   */
  public String withdraw() {
    try {
      addenda.withdraw(signedIn.actor(), id, new WithdrawAddendum(reason));
      Pages.info("Withdrawn: the policy is free for another addendum.");
    } catch (InvalidInputException | ForbiddenException | ConflictException | NotFoundException e) {
      FacesContext faces = FacesContext.getCurrentInstance();
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
      faces.getExternalContext().getFlash().setKeepMessages(true);
    }
    return "/addenda/view?faces-redirect=true&id=" + id;
  }

  public boolean isMayWithdraw() {
    return mayWithdraw;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public AddendumView getAddendum() {
    return addendum;
  }

  public List<PolicyDiff.SectionDiff> getDiffs() {
    return diffs;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }
}
