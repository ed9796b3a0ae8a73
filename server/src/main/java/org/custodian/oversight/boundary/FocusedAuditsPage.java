package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Technology;
import org.custodian.oversight.control.FocusedAudits;
import org.custodian.oversight.control.OversightPolicy;
import org.custodian.oversight.control.RequestFocusedAudit;
import org.custodian.oversight.entity.FocusedAudit;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.PagedRows;
import org.custodian.platform.web.Pages;

/** Focused audits: the requests the user may read, and a new one (the API's form). */
@Named
@ViewScoped
public class FocusedAuditsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject FocusedAudits audits;

  @Inject OversightPolicy policy;

  @Inject SignedInUser signedIn;

  @Inject Directory directory;

  private final PagedRows<FocusedAudits.View> visible =
      new PagedRows<>(
          new PagedRows.Source<>() {
            @Override
            public List<FocusedAudits.View> page(int offset, int limit) {
              return audits.list(signedIn.actor(), offset, limit);
            }

            @Override
            public long count() {
              return audits.count(signedIn.actor());
            }
          },
          a -> String.valueOf(a.id()));
  private String members;
  private List<String> systems = new ArrayList<>();
  private LocalDate from;
  private LocalDate to;
  private String reason;

  /** Refuses anyone who may not list focused audits; the table reads its pages itself. */
  public void load() {
    policy.requireListFocusedAudits(signedIn.actor());
  }

  public boolean isMayRequest() {
    return policy.mayRequestFocusedAudit(signedIn.actor());
  }

  public String request() {
    if (from == null || to == null) {
      Pages.show("request", new InvalidInputException(from == null ? "from" : "to", "is required"));
      return null;
    }
    List<String> taxNumbers =
        members == null
            ? List.of()
            : Arrays.stream(members.split("[,\\s]+")).filter(m -> !m.isBlank()).toList();
    try {
      FocusedAudit a =
          audits.request(
              signedIn.actor(),
              new RequestFocusedAudit(
                  taxNumbers,
                  systems,
                  from.atStartOfDay(Pages.NEW_YORK).toInstant(),
                  to.plusDays(1).atStartOfDay(Pages.NEW_YORK).toInstant(),
                  reason));
      Pages.info(
          a.businessKey()
              + " requested: the Information Technology Bureau approves or refuses it.");
      return "/oversight/focused-audit?faces-redirect=true&id=" + a.id();
    } catch (InvalidInputException e) {
      Pages.show("request", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public List<String> getSystemCodes() {
    return directory.technologies().stream().map(Technology::code).sorted().toList();
  }

  public PagedRows<FocusedAudits.View> getVisible() {
    return visible;
  }

  public String getMembers() {
    return members;
  }

  public void setMembers(String members) {
    this.members = members;
  }

  public List<String> getSystems() {
    return systems;
  }

  public void setSystems(List<String> systems) {
    this.systems = systems;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
