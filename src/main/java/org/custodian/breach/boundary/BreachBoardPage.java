package org.custodian.breach.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.custodian.breach.control.BreachReports;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Actor;
import org.custodian.platform.web.Pages;

/** The breach board: the cases the user may see, the latest deadline first, overdue ones marked. */
@Named
@RequestScoped
public class BreachBoardPage {

  @Inject BreachReports breaches;

  @Inject SignedInUser signedIn;

  private List<BreachView> cases;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    cases = breaches.board(actor, 0, 200).stream().map(b -> BreachView.of(b, actor)).toList();
  }

  public List<BreachView> getCases() {
    return cases;
  }

  public String time(Instant at) {
    return Pages.time(at);
  }
}
