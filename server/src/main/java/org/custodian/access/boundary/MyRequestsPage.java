package org.custodian.access.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.access.control.AccessRequests;
import org.custodian.directory.control.SignedInUser;

/** The Commanding Officer's own requests, newest first. */
@Named
@RequestScoped
public class MyRequestsPage {

  @Inject AccessRequests requests;

  @Inject SignedInUser signedIn;

  private List<AccessRequestResource.AccessRequestView> rows;

  @Transactional
  public void load() {
    rows =
        requests.mine(signedIn.actor(), 200).stream()
            .map(AccessRequestResource.AccessRequestView::of)
            .toList();
  }

  public List<AccessRequestResource.AccessRequestView> getRows() {
    return rows;
  }
}
