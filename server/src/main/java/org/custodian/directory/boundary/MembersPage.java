package org.custodian.directory.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.custodian.directory.boundary.DirectoryResource.MemberView;
import org.custodian.directory.control.AddMember;
import org.custodian.directory.control.ChangeMember;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.DirectoryPolicy;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Pages;

/**
 * A command's members, a member added, a name or rank corrected: the API's records ({@code
 * AddMember}, {@code ChangeMember}). Each listing is an audited search of personal data, so the
 * list is read when the administrator chooses a command, not at every render. Moves and separations
 * are personnel events (the roster above, or one by hand), so that access follows. Admin only.
 */
@Named
@ViewScoped
public class MembersPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Directory directory;

  @Inject DirectoryPolicy policy;

  @Inject SignedInUser signedIn;

  private List<String> commandCodes = List.of();
  private String command;
  private List<MemberView> members = List.of();

  private Long editing;
  private String editName;
  private String editRank;

  private String taxNumber;
  private String name;
  private String rank;
  private String newCommand;

  /**
   * The page itself is the roster's (admin or the HR system's account); these cards are admin's.
   */
  public void load() {
    if (policy.mayKeep(signedIn.actor())) {
      commandCodes = directory.commands().stream().map(c -> c.code()).toList();
    }
  }

  /** Lists the chosen command's members (an audited search). */
  public String show() {
    editing = null;
    if (command == null || command.isBlank()) {
      members = List.of();
      return null;
    }
    members =
        directory.searchMembers(signedIn.actor(), command).stream().map(MemberView::of).toList();
    return null;
  }

  public String edit(MemberView member) {
    editing = member.id();
    editName = member.name();
    editRank = member.rank();
    return null;
  }

  public String cancel() {
    editing = null;
    return null;
  }

  public String save() {
    try {
      MemberView saved =
          MemberView.of(
              directory.changeMember(
                  signedIn.actor(), editing, new ChangeMember(editName, editRank)));
      Pages.info("Member " + saved.taxNumber() + " saved.");
      show();
    } catch (InvalidInputException e) {
      Pages.show("edit", e);
    } catch (NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String add() {
    try {
      MemberView added =
          MemberView.of(
              directory.addMember(
                  signedIn.actor(),
                  new AddMember(
                      taxNumber == null ? null : taxNumber.strip(), name, rank, newCommand, true)));
      Pages.info("Member " + added.taxNumber() + " added to " + added.command() + ".");
      taxNumber = null;
      name = null;
      rank = null;
      command = added.command();
      show();
    } catch (InvalidInputException e) {
      Pages.show("add", e);
    } catch (ConflictException e) {
      Pages.show("add", new InvalidInputException("taxNumber", e.getMessage()));
    }
    return null;
  }

  public List<String> getCommandCodes() {
    return commandCodes;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }

  public List<MemberView> getMembers() {
    return members;
  }

  public Long getEditing() {
    return editing;
  }

  public String getEditName() {
    return editName;
  }

  public void setEditName(String editName) {
    this.editName = editName;
  }

  public String getEditRank() {
    return editRank;
  }

  public void setEditRank(String editRank) {
    this.editRank = editRank;
  }

  public String getTaxNumber() {
    return taxNumber;
  }

  public void setTaxNumber(String taxNumber) {
    this.taxNumber = taxNumber;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getRank() {
    return rank;
  }

  public void setRank(String rank) {
    this.rank = rank;
  }

  public String getNewCommand() {
    return newCommand;
  }

  public void setNewCommand(String newCommand) {
    this.newCommand = newCommand;
  }
}
