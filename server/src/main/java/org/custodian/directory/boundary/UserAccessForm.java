package org.custodian.directory.boundary;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
import org.custodian.platform.Roles;

/**
 * What the add and edit screens share: a user's name and address, and their roles, work groups and
 * command (WEB-INF/includes/user-access.xhtml), as the values the API's records take.
 */
public abstract class UserAccessForm implements Serializable {

  private static final long serialVersionUID = 1L;

  protected String displayName;
  protected String email;
  protected List<String> roles = new ArrayList<>();
  protected String groups;
  protected String command;

  protected abstract Directory directory();

  public List<String> getRoleNames() {
    return List.copyOf(new TreeSet<>(Roles.ALL));
  }

  public List<String> getCommandCodes() {
    return directory().commands().stream().map(Command::code).sorted().toList();
  }

  protected Set<String> roleSet() {
    return new LinkedHashSet<>(roles);
  }

  protected Set<String> groupSet() {
    Set<String> set = new LinkedHashSet<>();
    if (groups != null) {
      Arrays.stream(groups.split("[,\\s]+")).filter(g -> !g.isBlank()).forEach(set::add);
    }
    return set;
  }

  protected String commandOrNull() {
    return command == null || command.isBlank() ? null : command;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
  }

  public String getGroups() {
    return groups;
  }

  public void setGroups(String groups) {
    this.groups = groups;
  }

  public String getCommand() {
    return command;
  }

  public void setCommand(String command) {
    this.command = command;
  }
}
