package org.custodian.directory.control;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * An administrator adds a user who can sign in at once ({@code POST /api/users}): roles, work
 * groups, command; for a covered system's account (role {@code covered-system}), the technology
 * whose access events it reports; the address mail about their work goes to. The password never
 * leaves this call in clear text.
 */
public record AddUser(
    @NotNull(message = "username is required.")
        @Pattern(
            regexp = "[a-z0-9][a-z0-9._-]{2,79}",
            message = "Use 3 to 80 lower-case letters, digits, dots, dashes or underscores.")
        String username,
    @Size(max = 200) String displayName,
    @NotNull(message = "The password needs at least 12 characters.")
        @Size(min = 12, max = 200, message = "The password needs 12 to 200 characters.")
        String password,
    @NotEmpty(message = "Give one or more roles.") @Size(max = 20) Set<@NotNull String> roles,
    @Size(max = 50)
        Set<
                @NotNull
                @Pattern(
                    regexp = "[a-z0-9-]{1,60}",
                    message = "Group names are lower-case letters, digits and dashes.")
                String>
            groups,
    @Size(max = 32) String command,
    @Size(max = 40) String technology,
    @Email(message = "must be an e-mail address") @Size(max = 254) String email) {

  /** The password is never shown, logged or echoed back. */
  @Override
  public String toString() {
    return "AddUser[username="
        + username
        + ", roles="
        + roles
        + ", groups="
        + groups
        + ", command="
        + command
        + ", technology="
        + technology
        + ", email="
        + email
        + "]";
  }
}
