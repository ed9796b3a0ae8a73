package org.custodian.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.platform.EngineClock;
import org.custodian.policy.control.Policies;

/**
 * The public index (no sign-in): every technology's current policy and its history; addenda open
 * for comment.
 */
@Named
@RequestScoped
public class PublicPoliciesPage {

  public record AddendumRow(
      Long id,
      String businessKey,
      String policyTitle,
      String newUse,
      boolean open,
      String status,
      java.time.Instant closesAt) {}

  @Inject Policies policies;

  @Inject Addenda addenda;

  @Inject EngineClock clock;

  private List<PolicyResource.PolicySummary> rows;
  private List<AddendumRow> addendumRows;

  @Transactional
  public void load() {
    rows = PolicyResource.summaries(policies);
    var now = clock.now();
    addendumRows =
        addenda.publicList().stream()
            .map(
                a ->
                    new AddendumRow(
                        a.id(),
                        a.businessKey(),
                        a.policy().title(),
                        Addenda.abbreviate(a.newUse(), 200),
                        a.openForComments(now),
                        a.publicStatus(now).label(),
                        a.commentClosesAt()))
            .toList();
  }

  public List<PolicyResource.PolicySummary> getPolicies() {
    return rows;
  }

  public List<AddendumRow> getAddenda() {
    return addendumRows;
  }
}
