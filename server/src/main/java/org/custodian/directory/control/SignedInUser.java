package org.custodian.directory.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.custodian.directory.entity.AppUser;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.PasswordChangeRequiredException;
import org.custodian.platform.SignInAgainException;
import org.custodian.platform.web.ApiSignIn;

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
                      .map(a -> new Directory.SignedIn(a, false, null))
                  : directory.signedIn(username))
              .orElseThrow(
                  () -> {
                    endApiSignIn();
                    return new ForbiddenException("Unknown or disabled user " + username + ".");
                  });
      Optional<Instant> apiSignIn = ApiSignIn.signedInAt(request);
      if (apiSignIn.isPresent() && current.credentialsChangedSince(apiSignIn.get())) {
        current = null;
        endApiSignIn();
        throw new SignInAgainException(
            "Your password, roles or account changed since this client signed in; sign in again.");
      }
    }
    return current;
  }

  /**
   * Ends an API client's sign-in by its cookie (STATEFUL_BASIC), so the cookie stands for nobody:
   * its next call signs in with its credentials, which the realm checks again.
   */
  private void endApiSignIn() {
    if (ApiSignIn.signedInAt(request).isPresent()) {
      try {
        request.logout();
      } catch (jakarta.servlet.ServletException e) {
        throw new IllegalStateException("Could not end the API client's sign-in", e);
      }
    }
  }

  public String displayName() {
    return username().flatMap(directory::user).map(AppUser::displayName).orElse("");
  }
}
