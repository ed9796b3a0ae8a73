package org.custodian.addendum.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.addendum.control.Addenda;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Roles;

/** Every addendum, the latest first, for those who work on them. */
@Named
@RequestScoped
public class AddendaPage {

  @Inject Addenda addenda;

  @Inject SignedInUser signedIn;

  private List<AddendumView> rows;

  @Transactional
  public void load() {
    rows = AddendumView.summaries(addenda, addenda.list(signedIn.actor()));
  }

  public List<AddendumView> getAddenda() {
    return rows;
  }

  public boolean isAuthor() {
    return signedIn.actor().hasRole(Roles.POLICY_AUTHOR);
  }
}
