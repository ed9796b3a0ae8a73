package org.custodian.directory.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A user sets their own password ({@code POST /api/me/password}, and the Password screen). */
public record ChangePassword(
    @NotNull(message = "Give your current password.") @Size(max = 200) String currentPassword,
    @NotNull(message = "The new password needs at least 12 characters.")
        @Size(min = 12, max = 200, message = "The password needs 12 to 200 characters.")
        String newPassword) {

  @Override
  public String toString() {
    return "ChangePassword[...]";
  }
}
