package org.custodian.directory.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.custodian.directory.control.AddUser;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.ResetPassword;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.ConflictException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.PagedRows;
import org.custodian.platform.web.Pages;

/**
 * The users, a page at a time, and a new one: the API's records ({@code AddUser}); a user added
 * here changes the temporary password at the first sign-in. Admin only.
 */
@Named
@ViewScoped
public class UsersPage extends UserAccessForm {

  private static final long serialVersionUID = 1L;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  private final PagedRows<DirectoryResource.UserView> users =
      new PagedRows<>(
          new PagedRows.Source<>() {
            @Override
            public List<DirectoryResource.UserView> page(int offset, int limit) {
              return directory.users(signedIn.actor(), offset, limit).stream()
                  .map(DirectoryResource.UserView::of)
                  .toList();
            }

            @Override
            public long count() {
              return directory.countUsers(signedIn.actor());
            }
          },
          DirectoryResource.UserView::username);

  private String username;
  private String password;

  @Override
  protected Directory directory() {
    return directory;
  }

  /** Refuses anyone but an administrator. */
  public void load() {
    directory.countUsers(signedIn.actor());
  }

  public String add() {
    try {
      directory.addUser(
          signedIn.actor(),
          new AddUser(
              username == null ? null : username.strip(),
              displayName,
              password,
              roleSet(),
              groupSet(),
              commandOrNull(),
              null,
              email));
      directory.resetPassword(signedIn.actor(), username.strip(), new ResetPassword(password));
      Pages.info(username.strip() + " added: they choose their own password at the first sign-in.");
      return "/admin/user?faces-redirect=true&username=" + username.strip();
    } catch (InvalidInputException e) {
      Pages.show("add", e);
    } catch (ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public PagedRows<DirectoryResource.UserView> getUsers() {
    return users;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
