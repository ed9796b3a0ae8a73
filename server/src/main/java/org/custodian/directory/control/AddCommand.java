package org.custodian.directory.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator adds a command: a precinct, bureau, unit or the Intelligence Division ({@code
 * POST /api/commands}, and the Commands screen). It permits no level until the administrator ticks
 * the ones its functions justify.
 */
public record AddCommand(
    @NotNull(message = "code is required.")
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9-]{1,31}",
            message = "Use 2 to 32 capital letters, digits and dashes, e.g. PCT-120.")
        String code,
    @NotBlank(message = "name is required.") @Size(max = 200) String name,
    @NotNull(message = "kind is required.")
        @Pattern(
            regexp = "PRECINCT|BUREAU|UNIT|INTELLIGENCE_DIVISION",
            message = "kind is PRECINCT, BUREAU, UNIT or INTELLIGENCE_DIVISION.")
        String kind) {}
