package org.custodian.access.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.custodian.access.control.AccessPolicy;
import org.custodian.access.control.PersonnelEventNotice;
import org.custodian.access.control.PersonnelEvents;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.Member;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/** The admin records a reassignment or separation by hand, as the HR system would send it. */
@Named
@ViewScoped
public class PersonnelEventPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject PersonnelEvents events;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  @Inject AccessPolicy policy;

  private String taxNumber;
  private PersonnelEvent.Type type = PersonnelEvent.Type.REASSIGNED;
  private String newCommand;
  private LocalDateTime effectiveAt = LocalDateTime.now(Pages.NEW_YORK).withNano(0);
  private List<Option> commands = List.of();

  public void load() {
    policy.requireRecordPersonnelEvent(signedIn.actor());
    commands =
        directory.commands().stream()
            .map(c -> new Option(c.code(), c.name() + " (" + c.code() + ")"))
            .toList();
  }

  public String submit() {
    try {
      policy.requireRecordPersonnelEvent(signedIn.actor()); // before the roster is looked up
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
      return null;
    }
    Member member =
        taxNumber == null ? null : directory.memberWithTaxNumber(taxNumber.strip()).orElse(null);
    if (member == null) {
      Pages.show(
          "event",
          new InvalidInputException(
              "taxNumber", "There is no member with tax number " + taxNumber + "."));
      return null;
    }
    Instant effective = effectiveAt == null ? null : effectiveAt.atZone(Pages.NEW_YORK).toInstant();
    try {
      PersonnelEvents.Received received =
          events.receive(
              signedIn.actor(),
              new PersonnelEventNotice(
                  member.id(),
                  type,
                  type == PersonnelEvent.Type.SEPARATED ? null : newCommand,
                  effective));
      Pages.info(
          received.event().businessKey()
              + (received.created()
                  ? " recorded."
                  : " had been recorded already; nothing changed."));
      return "/access/member?faces-redirect=true&id=" + member.id();
    } catch (InvalidInputException e) {
      // the API names the member by id; this screen by tax number
      Pages.show(
          "event",
          new InvalidInputException(
              e.errors().stream()
                  .map(
                      f ->
                          f.field().equals("memberId")
                              ? new InvalidInputException.FieldError("taxNumber", f.message())
                              : f)
                  .toList()));
    } catch (ForbiddenException | ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String getTaxNumber() {
    return taxNumber;
  }

  public void setTaxNumber(String taxNumber) {
    this.taxNumber = taxNumber;
  }

  public PersonnelEvent.Type getType() {
    return type;
  }

  public void setType(PersonnelEvent.Type type) {
    this.type = type;
  }

  public String getNewCommand() {
    return newCommand;
  }

  public void setNewCommand(String newCommand) {
    this.newCommand = newCommand;
  }

  public LocalDateTime getEffectiveAt() {
    return effectiveAt;
  }

  public void setEffectiveAt(LocalDateTime effectiveAt) {
    this.effectiveAt = effectiveAt;
  }

  public List<Option> getCommands() {
    return commands;
  }
}
