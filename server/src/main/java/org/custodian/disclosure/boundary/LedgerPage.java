package org.custodian.disclosure.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosurePolicy;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.entity.Basis;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.DisclosureSubject;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/**
 * The disclosure ledger: released disclosures by data subject, recipient, basis and release dates.
 * The APO and auditors search all; anyone else their own requests. Searches are audited.
 */
@Named
@ViewScoped
public class LedgerPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One ledger line. */
  public record Entry(
      long id,
      String businessKey,
      Instant releasedAt,
      String subjects,
      String recipient,
      int basis,
      String requestedBy,
      String releaseMethod) {}

  @Inject Disclosures disclosures;

  @Inject SignedInUser signedIn;

  @Inject DisclosurePolicy policy;

  private String subject;
  private String recipient;
  private Integer basis;
  private LocalDate from;
  private LocalDate to;
  private List<Entry> entries;
  private boolean wholeLedger;

  public void load() {
    wholeLedger = policy.ledgerFor(signedIn.actor()) == DisclosurePolicy.Ledger.ALL;
  }

  /** Whether the search covers the whole ledger (the APO, auditors) or the user's own requests. */
  public boolean isWholeLedger() {
    return wholeLedger;
  }

  @Transactional
  public void search() {
    if (from != null && to != null && to.isBefore(from)) {
      Pages.show(
          "ledger", new InvalidInputException("to", "The end date is before the start date."));
      return;
    }
    try {
      entries =
          disclosures
              .ledger(
                  signedIn.actor(),
                  new Disclosures.LedgerQuery(
                      blankToNull(subject),
                      blankToNull(recipient),
                      basis,
                      from == null ? null : from.atStartOfDay(Pages.NEW_YORK).toInstant(),
                      to == null ? null : to.plusDays(1).atStartOfDay(Pages.NEW_YORK).toInstant(),
                      0,
                      200))
              .stream()
              .map(LedgerPage::entry)
              .collect(Collectors.toCollection(ArrayList::new));
    } catch (InvalidInputException e) {
      Pages.show("ledger", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
  }

  private static Entry entry(Disclosure d) {
    return new Entry(
        d.id(),
        d.businessKey(),
        d.releasedAt(),
        d.subjects().stream().map(DisclosureSubject::name).collect(Collectors.joining("; ")),
        d.recipient().name() + ", " + d.recipient().organization(),
        d.basis().number(),
        d.requestedBy(),
        d.releaseMethod());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public List<Integer> getBases() {
    return java.util.Arrays.stream(Basis.values()).map(Basis::number).toList();
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getRecipient() {
    return recipient;
  }

  public void setRecipient(String recipient) {
    this.recipient = recipient;
  }

  public Integer getBasis() {
    return basis;
  }

  public void setBasis(Integer basis) {
    this.basis = basis;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public List<Entry> getEntries() {
    return entries;
  }
}
