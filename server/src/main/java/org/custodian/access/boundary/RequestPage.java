package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodian.access.control.AccessRequests;
import org.custodian.access.entity.AccessDecision;
import org.custodian.access.entity.AccessRequest;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.SignedInUser;

/** The request page: its facts, its timeline, and the process diagram with the current step. */
@Named
@ViewScoped
public class RequestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One line of the timeline. */
  public record Event(Instant at, String who, String what, String detail) implements Serializable {}

  @Inject AccessRequests requests;

  @Inject AuditLog audit;

  @Inject SignedInUser signedIn;

  private Long id;
  private AccessRequestResource.AccessRequestView request;
  private String memberName;
  private String commandName;
  private String levelName;
  private List<Event> timeline = List.of();
  private Instant grantedAt;

  @Transactional
  public void load() {
    AccessRequest r = requests.view(signedIn.actor(), id == null ? -1 : id);
    request = AccessRequestResource.AccessRequestView.of(r);
    memberName = r.member().name() + " · " + r.member().rank() + " · " + r.member().taxNumber();
    commandName = r.command().name() + " (" + r.command().code() + ")";
    levelName = r.accessLevel().technology().name() + ": " + r.accessLevel().name();
    var grant = requests.grantOf(r);
    grantedAt = grant.map(g -> g.grantedAt()).orElse(null);
    List<Event> events = new ArrayList<>();
    events.add(
        new Event(
            r.createdAt(),
            r.requestedBy(),
            "Submitted",
            r.reviewLayers() + " review layer(s) required"));
    for (AccessDecision d : r.decisions()) {
      String what =
          switch (d.decision()) {
            case APPROVE -> "Approved layer " + d.layer();
            case REJECT -> "Rejected at layer " + d.layer();
            case RETURN -> "Returned at layer " + d.layer() + " with a question";
            case ANSWER -> "Answered the question";
            case WITHDRAW -> "Withdrew the request";
          };
      events.add(new Event(d.decidedAt(), d.actor(), what, d.comment()));
    }
    for (AuditLog.Logged e : audit.forObject("AccessRequest", r.id())) {
      if (e.action().equals("ACCESS_REVIEW_OVERDUE")) {
        events.add(new Event(e.at(), "system", "Review overdue: escalated", e.details()));
      }
    }
    if (grantedAt != null) {
      events.add(new Event(grantedAt, "system", "Access granted", levelName));
    }
    grant
        .filter(g -> g.endedAt() != null)
        .ifPresent(
            g -> events.add(new Event(g.endedAt(), "system", "Access ended", g.endReason())));
    events.sort(Comparator.comparing(Event::at));
    timeline = events;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public AccessRequestResource.AccessRequestView getRequest() {
    return request;
  }

  public String getMemberName() {
    return memberName;
  }

  public String getCommandName() {
    return commandName;
  }

  public String getLevelName() {
    return levelName;
  }

  public List<Event> getTimeline() {
    return timeline;
  }
}
