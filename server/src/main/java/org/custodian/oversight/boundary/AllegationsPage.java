package org.custodian.oversight.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.FileAllegation;
import org.custodian.oversight.control.MisuseAllegations;
import org.custodian.oversight.entity.MisuseAllegation;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.PagedRows;
import org.custodian.platform.web.Pages;

/** The allegations the user may see, and a new one: the same form as the API's. */
@Named
@ViewScoped
public class AllegationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject MisuseAllegations allegations;

  @Inject SignedInUser signedIn;

  private final PagedRows<MisuseAllegations.View> visible =
      new PagedRows<>(
          new PagedRows.Source<>() {
            @Override
            public List<MisuseAllegations.View> page(int offset, int limit) {
              return allegations.list(signedIn.actor(), offset, limit);
            }

            @Override
            public long count() {
              return allegations.count(signedIn.actor());
            }
          },
          a -> String.valueOf(a.id()));
  private String memberTaxNumber;
  private String summary;
  private String eventIds;

  /** Refuses anyone who may not list allegations; the table reads its pages itself. */
  public void load() {
    allegations.count(signedIn.actor());
  }

  public String file() {
    List<Long> events = new ArrayList<>();
    if (eventIds != null) {
      for (String part : eventIds.split("[,\\s]+")) {
        if (part.isBlank()) {
          continue;
        }
        try {
          events.add(Long.valueOf(part.strip()));
        } catch (NumberFormatException e) {
          Pages.show(
              "file", new InvalidInputException("eventIds", "must be event numbers, e.g. 12, 13"));
          return null;
        }
      }
    }
    try {
      MisuseAllegation filed =
          allegations.file(signedIn.actor(), new FileAllegation(memberTaxNumber, summary, events));
      Pages.info("Allegation " + filed.businessKey() + " filed: Internal Affairs triages it.");
      return "/oversight/allegation?faces-redirect=true&id=" + filed.id();
    } catch (InvalidInputException e) {
      Pages.show("file", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public PagedRows<MisuseAllegations.View> getVisible() {
    return visible;
  }

  public String getMemberTaxNumber() {
    return memberTaxNumber;
  }

  public void setMemberTaxNumber(String memberTaxNumber) {
    this.memberTaxNumber = memberTaxNumber;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getEventIds() {
    return eventIds;
  }

  public void setEventIds(String eventIds) {
    this.eventIds = eventIds;
  }
}
