package org.custodian.directory.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator (or the HR system's account) adds a member to a command ({@code POST
 * /api/members}).
 */
public record AddMember(
    @NotNull(message = "taxNumber is required.")
        @Pattern(regexp = "[0-9]{6,9}", message = "The tax number is 6 to 9 digits.")
        String taxNumber,
    @NotBlank(message = "name is required.") @Size(max = 200) String name,
    @NotBlank(message = "rank is required.") @Size(max = 60) String rank,
    @NotBlank(message = "command is required.") @Size(max = 32) String command,
    Boolean active) {}
