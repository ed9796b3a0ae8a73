package org.custodian.platform;

/**
 * The user signed in with a password an administrator reset: they change it before anything else
 * (403 from the API; the screens send them to the password page).
 */
public class PasswordChangeRequiredException extends ForbiddenException {
  public PasswordChangeRequiredException() {
    super(
        "Change your password first: an administrator reset it (screen: Password;"
            + " API: POST /api/me/password).");
  }
}
