package org.custodian.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.NotFoundException;
import org.custodian.policy.control.Addenda;
import org.custodian.policy.control.PolicyDiff;
import org.custodian.policy.control.PublicComments;
import org.custodian.policy.entity.Addendum;
import org.custodian.policy.entity.Section;

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

  private Long id;
  private String from;
  private String to;
  private AddendumView addendum;
  private List<PolicyDiff.SectionDiff> diffs;

  @Transactional
  public void load() {
    if (id == null) {
      throw new NotFoundException("Open an addendum from the list.");
    }
    Addendum a = addenda.view(signedIn.actor(), id);
    addendum = AddendumView.of(a, addenda.base(a).number(), addenda.publishedNumber(a), addenda.drafts(a.id()), addenda.reviews(a.id()), comments.comments(a.id()));
    if (from == null || from.isBlank()) {
      from = "base";
    }
    if (to == null || to.isBlank()) {
      to = String.valueOf(addenda.latestDraft(a.id()).number());
    }
    diffs = PolicyDiff.changedOnly(PolicyDiff.compare(text(a, from), text(a, to)));
  }

  private List<Section> text(Addendum a, String which) {
    if ("base".equals(which)) {
      return addenda.base(a).sections();
    }
    try {
      return addenda.draft(a.id(), Integer.parseInt(which)).sections();
    } catch (NumberFormatException e) {
      throw new NotFoundException("There is no draft " + which + ".");
    }
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
