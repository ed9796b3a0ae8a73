package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import org.custodian.access.control.AccessPolicy;
import org.custodian.access.control.Recertifications;
import org.custodian.access.entity.RecertificationCampaign;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.web.Pages;

/**
 * Recertification campaigns and, per command, how many grants are certified, ended, outstanding.
 */
@Named
@ViewScoped
public class CampaignsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  public record CampaignRow(
      long id, String businessKey, String startedAt, String dueAt, String state)
      implements Serializable {}

  @Inject Recertifications recertifications;

  @Inject SignedInUser signedIn;

  @Inject AccessPolicy policy;

  private Long id;
  private List<CampaignRow> campaigns = List.of();
  private List<Recertifications.Progress> progress = List.of();
  private String selected;

  @Transactional
  public void load() {
    campaigns =
        recertifications.campaigns(signedIn.actor()).stream()
            .map(
                c ->
                    new CampaignRow(
                        c.id(),
                        c.businessKey(),
                        Pages.time(c.startedAt()),
                        Pages.time(c.dueAt()),
                        c.closedAt() == null ? "open" : "closed " + Pages.time(c.closedAt())))
            .toList();
    Long show = id != null ? id : campaigns.isEmpty() ? null : campaigns.get(0).id();
    if (show != null) {
      RecertificationCampaign campaign = recertifications.find(show);
      selected = campaign.businessKey();
      progress = recertifications.progress(signedIn.actor(), show);
    }
  }

  public String startNow() {
    try {
      RecertificationCampaign campaign = recertifications.startNow(signedIn.actor());
      Pages.info(
          campaign.businessKey()
              + " started: every Commanding Officer has a recertification task.");
      return "/access/campaigns?faces-redirect=true&id=" + campaign.id();
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
      return null;
    }
  }

  /** Whether the "Start a campaign now" button is shown: the policy's rule, not the screen's. */
  public boolean isAdmin() {
    return policy.mayStartCampaign(signedIn.actor());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public List<CampaignRow> getCampaigns() {
    return campaigns;
  }

  public List<Recertifications.Progress> getProgress() {
    return progress;
  }

  public String getSelected() {
    return selected;
  }
}
