package org.custodian.directory.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.custodian.directory.entity.AppUser;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;

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

  private Actor actor;

  public Optional<String> username() {
    Principal principal = request.getUserPrincipal();
    return Optional.ofNullable(principal).map(Principal::getName);
  }

  public Actor actor() {
    if (actor == null) {
      String username = username().orElseThrow(() -> new ForbiddenException("Sign in first."));
      Optional<DirectoryAccounts.Account> account = accounts.current();
      actor =
          (account.isPresent()
                  ? directory.actorFromDirectory(account.get())
                  : directory.actor(username))
              .orElseThrow(
                  () -> new ForbiddenException("Unknown or disabled user " + username + "."));
    }
    return actor;
  }

  public String displayName() {
    return username().flatMap(directory::user).map(AppUser::displayName).orElse("");
  }
}
