package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.custodian.access.control.AccessRequests;
import org.custodian.access.entity.GrantSuspension;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Member;
import org.custodian.platform.EngineClock;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/** A member: current command, assignment history, and every grant with the request behind it. */
@Named
@ViewScoped
public class MemberPage implements Serializable {

  private static final long serialVersionUID = 1L;

  public record AssignmentRow(String command, String from, String until) implements Serializable {}

  public record GrantRow(
      String access,
      String grantedAt,
      String endedAt,
      String endReason,
      String suspendedUntil,
      String suspensionReason,
      long requestId,
      String requestKey,
      String decisions)
      implements Serializable {}

  @Inject Directory directory;

  @Inject AccessRequests requests;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  private Long id;
  private String name;
  private String command;
  private boolean active;
  private List<AssignmentRow> assignments = List.of();
  private List<GrantRow> grants = List.of();

  @Transactional
  public void load() {
    long memberId = id == null ? -1 : id;
    Instant now = clock.now();
    // the view is authorised and audited by grantsOf (MEMBER_GRANTS_VIEWED)
    grants =
        requests.grantsOf(signedIn.actor(), memberId).stream()
            .map(
                g ->
                    new GrantRow(
                        g.accessLevel().technology().name() + ": " + g.accessLevel().name(),
                        Pages.time(g.grantedAt()),
                        Pages.time(g.endedAt()),
                        g.endReason(),
                        g.suspensionAt(now).map(sus -> Pages.time(sus.until())).orElse(null),
                        g.suspensionAt(now).map(GrantSuspension::reason).orElse(null),
                        g.request().id(),
                        g.request().businessKey(),
                        String.join(
                            "; ",
                            g.request().decisions().stream()
                                .map(
                                    d ->
                                        "layer "
                                            + d.layer()
                                            + " "
                                            + d.decision()
                                            + " by "
                                            + d.actor())
                                .toList())))
            .toList();
    Member member =
        directory
            .member(memberId)
            .orElseThrow(() -> new NotFoundException("No member " + memberId + "."));
    name = member.name() + " · " + member.rank() + " · " + member.taxNumber();
    command = member.command().name() + " (" + member.command().code() + ")";
    active = member.active();
    assignments =
        directory.assignments(memberId).stream()
            .map(
                a ->
                    new AssignmentRow(
                        a.command().name() + " (" + a.command().code() + ")",
                        Pages.time(a.startedAt()),
                        Pages.time(a.endedAt())))
            .toList();
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getName() {
    return name;
  }

  public String getCommand() {
    return command;
  }

  public boolean isActive() {
    return active;
  }

  public List<AssignmentRow> getAssignments() {
    return assignments;
  }

  public List<GrantRow> getGrants() {
    return grants;
  }
}
