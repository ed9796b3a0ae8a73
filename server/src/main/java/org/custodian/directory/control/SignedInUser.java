package org.custodian.directory.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.custodian.directory.entity.AppUser;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.PasswordChangeRequiredException;

/**
 * The signed-in user of this request as an {@link Actor}. The container authenticated them
 * (Elytron: the jdbc-realm, or the ldap-realm against Active Directory); roles, work groups and
 * command come from the user tables, which a directory sign-in first brings up to date.
 */
@RequestScoped
public class SignedInUser {

  @Inject HttpServletRequest request;

  @Inject Directory directory;

  @Inject DirectoryAccounts accounts;

  private Directory.SignedIn current;

  public Optional<String> username() {
    Principal principal = request.getUserPrincipal();
    return Optional.ofNullable(principal).map(Principal::getName);
  }

  /**
   * The signed-in user, for everything they do; refused (403) while a password an administrator
   * reset waits to be changed.
   */
  public Actor actor() {
    Directory.SignedIn signedIn = signedIn();
    if (signedIn.mustChangePassword()) {
      throw new PasswordChangeRequiredException();
    }
    return signedIn.actor();
  }

  /** Whether a password an administrator reset waits to be changed. */
  public boolean mustChangePassword() {
    return signedIn().mustChangePassword();
  }

  /** The signed-in user even before they changed a reset password: for changing it only. */
  public Actor actorChangingPassword() {
    return signedIn().actor();
  }

  private Directory.SignedIn signedIn() {
    if (current == null) {
      String username = username().orElseThrow(() -> new ForbiddenException("Sign in first."));
      Optional<DirectoryAccounts.Account> account = accounts.current();
      current =
          (account.isPresent()
                  ? directory
                      .actorFromDirectory(account.get())
                      .map(a -> new Directory.SignedIn(a, false))
                  : directory.signedIn(username))
              .orElseThrow(
                  () -> new ForbiddenException("Unknown or disabled user " + username + "."));
    }
    return current;
  }

  public String displayName() {
    return username().flatMap(directory::user).map(AppUser::displayName).orElse("");
  }
}
