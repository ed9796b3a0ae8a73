package org.custodian.directory.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.ResetPassword;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.control.UpdateUser;
import org.custodian.directory.entity.AppUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/**
 * One user, as an administrator changes them: the API's records ({@code UpdateUser}, {@code
 * ResetPassword}). Every change is audited by the directory.
 */
@Named
@ViewScoped
public class UserPage extends UserAccessForm {

  private static final long serialVersionUID = 1L;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  private String username;
  private DirectoryResource.UserView user;
  private boolean enabled;
  private String temporaryPassword;

  @Override
  protected Directory directory() {
    return directory;
  }

  public void load() {
    show(directory.user(signedIn.actor(), username));
  }

  private void show(AppUser u) {
    user = DirectoryResource.UserView.of(u);
    displayName = user.displayName();
    email = user.email();
    enabled = user.enabled();
    roles = new ArrayList<>(user.roles());
    groups = String.join(", ", user.groups());
    command = user.command();
  }

  public String save() {
    try {
      show(
          directory.updateUser(
              signedIn.actor(),
              username,
              new UpdateUser(displayName, roleSet(), groupSet(), commandOrNull(), email, enabled)));
      Pages.info(username + " saved.");
    } catch (InvalidInputException e) {
      Pages.show("edit", e);
    }
    return null;
  }

  public String reset() {
    try {
      directory.resetPassword(signedIn.actor(), username, new ResetPassword(temporaryPassword));
      show(directory.administered(signedIn.actor(), username));
      Pages.info(
          "A temporary password is set: give it to "
              + username
              + " in person; they choose their own at the next sign-in.");
    } catch (InvalidInputException e) {
      Pages.show("reset", e);
    } catch (ConflictException e) {
      Pages.error(e.getMessage());
    }
    temporaryPassword = null;
    return null;
  }

  public DirectoryResource.UserView getUser() {
    return user;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getTemporaryPassword() {
    return temporaryPassword;
  }

  public void setTemporaryPassword(String temporaryPassword) {
    this.temporaryPassword = temporaryPassword;
  }
}
