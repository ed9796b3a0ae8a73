package org.custodian.directory.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.directory.control.ChangePassword;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.directory.entity.AppUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/** The signed-in user changes their password: the same record as {@code POST /api/me/password}. */
@Named
@RequestScoped
public class PasswordPage {

  @Inject SignedInUser signedIn;

  @Inject Directory directory;

  private String currentPassword;
  private String newPassword;

  public boolean isMustChange() {
    return signedIn.mustChangePassword();
  }

  public boolean isDirectory() {
    return directory
        .user(signedIn.actorChangingPassword().username())
        .map(AppUser::signsInAgainstDirectory)
        .orElse(false);
  }

  public String change() {
    try {
      directory.changePassword(
          signedIn.actorChangingPassword().username(),
          new ChangePassword(currentPassword, newPassword));
      Pages.info("Your password is changed.");
      return "/index?faces-redirect=true";
    } catch (InvalidInputException e) {
      Pages.show("password", e);
    } catch (ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }
}
