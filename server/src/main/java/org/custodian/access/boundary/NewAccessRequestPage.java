package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.custodian.access.control.AccessRequests;
import org.custodian.access.control.SubmitAccessRequest;
import org.custodian.access.entity.AccessRequest;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Technology;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/**
 * "New access request": a Commanding Officer asks for a member's access, with the articulable need.
 */
@Named
@ViewScoped
public class NewAccessRequestPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject AccessRequests requests;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  private Long memberId;
  private String technology;
  private String accessLevel;
  private String justification;
  private String commandName;
  private List<Option> members = List.of();
  private List<Option> technologies = List.of();
  private List<Option> levels = List.of();
  private Set<String> permitted = Set.of();

  /**
   * Members of the CO's own command only; technologies and levels the command's functions justify.
   * The control checks the role and audits the roster read.
   */
  @Transactional
  public void load() {
    AccessRequests.RequestForm form = requests.requestForm(signedIn.actor());
    commandName =
        form.command() == null ? "" : form.command().name() + " (" + form.command().code() + ")";
    members =
        form.members().stream()
            .map(
                m ->
                    new Option(
                        String.valueOf(m.id()),
                        m.name() + " · " + m.rank() + " · " + m.taxNumber()))
            .toList();
    permitted = form.permittedLevels();
    technologies =
        form.technologies().stream()
            .filter(
                t ->
                    t.accessLevels().stream()
                        .anyMatch(l -> permitted.contains(t.code() + ":" + l.code())))
            .map(t -> new Option(t.code(), t.name()))
            .toList();
  }

  public void technologyChanged() {
    accessLevel = null;
    levels =
        technology == null
            ? List.of()
            : directory
                .technology(technology)
                .map(Technology::accessLevels)
                .orElse(List.of())
                .stream()
                .filter(l -> permitted.contains(technology + ":" + l.code()))
                .map(l -> new Option(l.code(), l.name()))
                .toList();
  }

  public String submit() {
    try {
      AccessRequest request =
          requests.submit(
              signedIn.actor(),
              new SubmitAccessRequest(memberId, technology, accessLevel, justification));
      Pages.info(
          request.businessKey()
              + " submitted; it is now with layer 1 of "
              + request.reviewLayers()
              + ".");
      return "/access/request?faces-redirect=true&id=" + request.id();
    } catch (InvalidInputException e) {
      Pages.show("request", e);
    } catch (ForbiddenException | ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public int minJustification() {
    return AccessRequest.MIN_JUSTIFICATION;
  }

  public int maxJustification() {
    return AccessRequest.MAX_JUSTIFICATION;
  }

  public Long getMemberId() {
    return memberId;
  }

  public void setMemberId(Long memberId) {
    this.memberId = memberId;
  }

  public String getTechnology() {
    return technology;
  }

  public void setTechnology(String technology) {
    this.technology = technology;
  }

  public String getAccessLevel() {
    return accessLevel;
  }

  public void setAccessLevel(String accessLevel) {
    this.accessLevel = accessLevel;
  }

  public String getJustification() {
    return justification;
  }

  public void setJustification(String justification) {
    this.justification = justification;
  }

  public String getCommandName() {
    return commandName;
  }

  public List<Option> getMembers() {
    return members;
  }

  public List<Option> getTechnologies() {
    return technologies;
  }

  public List<Option> getLevels() {
    return levels;
  }
}
