package org.custodian.disclosure.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.Disclosures;

/** The signed-in member's disclosure requests, newest first, with their status. */
@Named
@RequestScoped
public class MyDisclosuresPage {

  /** One line of the list. */
  public record Row(
      long id, String businessKey, String status, int basis, String recipient, Instant createdAt) {}

  @Inject Disclosures disclosures;

  @Inject SignedInUser signedIn;

  private List<Row> rows;

  @Transactional
  public void load() {
    rows =
        disclosures.mine(signedIn.actor()).stream()
            .map(
                d ->
                    new Row(
                        d.id(),
                        d.businessKey(),
                        d.status().name(),
                        d.basis().number(),
                        d.recipient().organization(),
                        d.createdAt()))
            .toList();
  }

  public List<Row> getRows() {
    return rows;
  }
}
