package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.YearMonth;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.MisuseAudits;
import org.custodian.oversight.control.OpenMisuseAudits;
import org.custodian.oversight.control.OversightPolicy;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Validation;
import org.custodian.platform.web.Pages;

/**
 * How every command's misuse audits stand (Internal Affairs, auditors): completed or not, overdue,
 * escalated, how many events were questioned; and a round opened out of schedule.
 */
@Named
@ViewScoped
public class MisuseAuditsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MisuseAudits audits;

  @Inject OversightPolicy policy;

  @Inject SignedInUser signedIn;

  @Inject Validation validation;

  private String period;
  private List<MisuseAudits.Standing> standing;

  public void load() {
    policy.requireReadMisuseAudits(signedIn.actor());
    show();
  }

  public void show() {
    try {
      YearMonth month = null;
      if (period != null && !period.isBlank()) {
        validation.check(new OpenMisuseAudits(period.strip()));
        month = YearMonth.parse(period.strip());
      }
      standing = audits.standing(signedIn.actor(), month);
    } catch (InvalidInputException e) {
      Pages.show("audits", e);
    }
  }

  public void openNow() {
    try {
      List<MisuseAudit> opened =
          audits.openRound(
              signedIn.actor(),
              new OpenMisuseAudits(period == null || period.isBlank() ? null : period.strip()));
      Pages.info(
          opened.isEmpty()
              ? "No command needed a new audit: each has one for that month already, or had no"
                  + " events."
              : opened.size() + " audit(s) opened.");
      show();
    } catch (InvalidInputException e) {
      Pages.show("audits", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
  }

  public boolean isMayOpen() {
    return policy.mayOpenMisuseAudits(signedIn.actor());
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public List<MisuseAudits.Standing> getStanding() {
    return standing;
  }
}
