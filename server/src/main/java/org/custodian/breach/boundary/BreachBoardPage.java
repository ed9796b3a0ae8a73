package org.custodian.breach.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.breach.control.BreachPolicy;
import org.custodian.breach.control.BreachReports;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Actor;

/** The breach board: the cases the user may see, the latest deadline first, overdue ones marked. */
@Named
@RequestScoped
public class BreachBoardPage {

  @Inject BreachReports breaches;

  @Inject SignedInUser signedIn;

  /** One page of the board; older cases follow on the next. */
  public static final int PAGE = 50;

  @Inject BreachPolicy policy;

  private int offset;
  private List<BreachView> cases;

  @Transactional
  public void load() {
    Actor actor = signedIn.actor();
    offset = Math.max(0, offset);
    cases =
        breaches.board(actor, offset, PAGE + 1).stream()
            .map(b -> BreachView.of(b, policy, actor))
            .toList();
  }

  /** This page's cases (one more was read only to know whether another page follows). */
  public List<BreachView> getPage() {
    return cases.size() > PAGE ? cases.subList(0, PAGE) : cases;
  }

  public boolean isMore() {
    return cases.size() > PAGE;
  }

  public int getOffset() {
    return offset;
  }

  public void setOffset(int offset) {
    this.offset = offset;
  }

  public int nextOffset() {
    return offset + PAGE;
  }

  public int previousOffset() {
    return Math.max(0, offset - PAGE);
  }
}
