package org.custodian.oversight.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.Findings;
import org.custodian.oversight.entity.AccessFinding;

/** The findings screen: the same list as {@code GET /api/access-findings}, open ones first. */
@Named
@RequestScoped
public class FindingsPage {

  @Inject Findings findings;

  @Inject SignedInUser signedIn;

  private List<Findings.FindingView> open;

  public List<Findings.FindingView> getOpen() {
    if (open == null) {
      open = findings.list(signedIn.actor(), null, AccessFinding.Status.OPEN, 0, 200);
    }
    return open;
  }
}
