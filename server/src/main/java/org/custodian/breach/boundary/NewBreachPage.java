package org.custodian.breach.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.control.ReportBreach;
import org.custodian.breach.entity.BreachReport;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/**
 * "Report a suspected improper disclosure": anyone signed in; from a ledger entry, it is linked.
 */
@Named
@ViewScoped
public class NewBreachPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject BreachReports breaches;

  @Inject SignedInUser signedIn;

  @Inject BreachPolicy policy;

  @Inject org.custodian.platform.EngineClock clock;

  private Long disclosure;
  private String summary;
  private String disclosedTo;
  private String recipientKind;
  private LocalDateTime disclosedAt;
  private String discoveredHow;
  private List<String> dataCategories = new ArrayList<>();
  private Integer affectedCount;
  private String affectedNames;

  /** Only the department's members report (auditors and the City CPO read, they do not report). */
  public void load() {
    policy.requireReport(signedIn.actor());
  }

  /**
   * The form as the same command the API takes; its rules are the command's, checked by the control
   * service. A choice the form never offered is bad input naming its field.
   */
  public String submit() {
    try {
      List<String> names =
          affectedNames == null
              ? List.of()
              : Arrays.stream(affectedNames.split("\\R"))
                  .map(String::strip)
                  .filter(n -> !n.isEmpty())
                  .toList();
      BreachReport b =
          breaches.report(
              signedIn.actor(),
              new ReportBreach(
                  summary,
                  disclosedTo,
                  Pages.choice("recipientKind", RecipientKind.class, recipientKind),
                  disclosedAt == null ? null : disclosedAt.atZone(Pages.NEW_YORK).toInstant(),
                  discoveredHow,
                  Pages.choices("dataCategories", DataCategory.class, dataCategories),
                  new ReportBreach.AffectedIndividuals(affectedCount, names),
                  disclosure == null ? List.of() : List.of(disclosure)));
      Pages.info(
          b.businessKey()
              + " is with the Agency Privacy Officer; the City CPO must have it by "
              + Pages.time(b.cpoDeadline())
              + ".");
      return "/breach/case?faces-redirect=true&id=" + b.id();
    } catch (InvalidInputException e) {
      Pages.show("breach", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public List<Option> getRecipientKinds() {
    return Arrays.stream(RecipientKind.values()).map(k -> new Option(k.name(), k.label())).toList();
  }

  public List<Option> getCategories() {
    return Arrays.stream(DataCategory.values()).map(k -> new Option(k.name(), k.label())).toList();
  }

  public Instant now() {
    return clock.now();
  }

  public Long getDisclosure() {
    return disclosure;
  }

  public void setDisclosure(Long disclosure) {
    this.disclosure = disclosure;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getDisclosedTo() {
    return disclosedTo;
  }

  public void setDisclosedTo(String disclosedTo) {
    this.disclosedTo = disclosedTo;
  }

  public String getRecipientKind() {
    return recipientKind;
  }

  public void setRecipientKind(String recipientKind) {
    this.recipientKind = recipientKind;
  }

  public LocalDateTime getDisclosedAt() {
    return disclosedAt;
  }

  public void setDisclosedAt(LocalDateTime disclosedAt) {
    this.disclosedAt = disclosedAt;
  }

  public String getDiscoveredHow() {
    return discoveredHow;
  }

  public void setDiscoveredHow(String discoveredHow) {
    this.discoveredHow = discoveredHow;
  }

  public List<String> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(List<String> dataCategories) {
    this.dataCategories = dataCategories;
  }

  public Integer getAffectedCount() {
    return affectedCount;
  }

  public void setAffectedCount(Integer affectedCount) {
    this.affectedCount = affectedCount;
  }

  public String getAffectedNames() {
    return affectedNames;
  }

  public void setAffectedNames(String affectedNames) {
    this.affectedNames = affectedNames;
  }
}
