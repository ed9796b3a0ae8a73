package org.custodian.addendum.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.AddendumPolicy;
import org.custodian.addendum.control.OpenAddendum;
import org.custodian.addendum.entity.Addendum;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;
import org.custodian.policy.control.Policies;

/** A policy author opens an addendum: the technology, the new use, the planned first use. */
@Named
@ViewScoped
public class NewAddendumPage implements Serializable {

  @Inject transient Addenda addenda;

  @Inject transient Policies policies;

  @Inject transient SignedInUser signedIn;

  @Inject transient AddendumPolicy policy;

  @Inject transient org.custodian.platform.EngineClock clock;

  private String technology;
  private String newUse;
  private LocalDate plannedFirstUse;
  private List<Option> technologies;

  public void load() {
    policy.requireOpen(signedIn.actor());
    technologies =
        policies.coveredTechnologies().stream()
            .map(c -> new Option(c.technology(), c.name() + " (" + c.policyTitle() + " policy)"))
            .toList();
  }

  public String submit() {
    try {
      Addendum a =
          addenda.open(signedIn.actor(), new OpenAddendum(technology, newUse, plannedFirstUse));
      Pages.info(a.businessKey() + " opened: the policy's current text is your first draft.");
      return "/inbox/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("addendum", e);
    } catch (ForbiddenException | ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public List<Option> getTechnologies() {
    return technologies;
  }

  public String getTechnology() {
    return technology;
  }

  public void setTechnology(String technology) {
    this.technology = technology;
  }

  public String getNewUse() {
    return newUse;
  }

  public void setNewUse(String newUse) {
    this.newUse = newUse;
  }

  public LocalDate getPlannedFirstUse() {
    return plannedFirstUse;
  }

  public void setPlannedFirstUse(LocalDate plannedFirstUse) {
    this.plannedFirstUse = plannedFirstUse;
  }

  /**
   * The POST Act timeline from now: the notice (90 days) between publication for comment and first
   * use.
   */
  public LocalDate getEarliestFirstUse() {
    return addenda.earliestFirstUse(clock.now());
  }
}
