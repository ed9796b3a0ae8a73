package org.custodian.directory.control;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * An administrator changes a user ({@code PUT /api/users/{username}}, and the user's screen): name,
 * roles, work groups, command, address, and whether they may sign in. The same rules as adding one
 * (roles that oversee each other are refused); a user the directory signs in takes roles, groups
 * and command from it at each sign-in, so only the switch to disable them is theirs to change here.
 */
public record UpdateUser(
    @Size(max = 200) String displayName,
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
    @Email(message = "must be an e-mail address") @Size(max = 254) String email,
    @NotNull(message = "say whether the user may sign in") Boolean enabled) {}
