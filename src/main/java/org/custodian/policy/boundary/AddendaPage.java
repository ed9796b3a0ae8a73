package org.custodian.policy.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Roles;
import org.custodian.policy.control.Addenda;
import org.custodian.policy.entity.Addendum;

/** Every addendum, the latest first, for those who work on them. */
@Named
@RequestScoped
public class AddendaPage {

  @Inject Addenda addenda;

  @Inject SignedInUser signedIn;

  private List<AddendumView> rows;

  @Transactional
  public void load() {
    rows = addenda.list(signedIn.actor()).stream().map(this::row).toList();
  }

  private AddendumView row(Addendum a) {
    return AddendumView.of(a, addenda.base(a).number(), addenda.publishedNumber(a));
  }

  public List<AddendumView> getAddenda() {
    return rows;
  }

  public boolean isAuthor() {
    return signedIn.actor().hasRole(Roles.POLICY_AUTHOR);
  }
}
