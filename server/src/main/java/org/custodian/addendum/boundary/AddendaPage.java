package org.custodian.addendum.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.addendum.control.AddendumPolicy;
import org.custodian.directory.control.SignedInUser;

/** Every addendum, the latest first, for those who work on them. */
@Named
@RequestScoped
public class AddendaPage {

  @Inject Addenda addenda;

  @Inject SignedInUser signedIn;

  @Inject AddendumPolicy policy;

  private List<AddendumView> rows;

  @Transactional
  public void load() {
    rows = AddendumView.summaries(addenda, addenda.list(signedIn.actor()));
  }

  public List<AddendumView> getAddenda() {
    return rows;
  }

  /** Whether "Open an addendum" is offered: the policy's rule, not the screen's. */
  public boolean isAuthor() {
    return policy.mayOpen(signedIn.actor());
  }
}
