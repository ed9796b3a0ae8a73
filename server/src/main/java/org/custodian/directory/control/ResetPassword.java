package org.custodian.directory.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An administrator gives a user a temporary password ({@code POST
 * /api/users/{username}/password-reset}); the user must change it at the next sign-in.
 */
public record ResetPassword(
    @NotNull(message = "The temporary password needs at least 12 characters.")
        @Size(min = 12, max = 200, message = "The password needs 12 to 200 characters.")
        String temporaryPassword) {

  @Override
  public String toString() {
    return "ResetPassword[...]";
  }
}
