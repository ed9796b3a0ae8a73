package org.custodian.directory.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator adds an access level to a technology ({@code POST
 * /api/technologies/{code}/access-levels}, and the Commands screen). An intelligence-only level may
 * be held in the Intelligence Division alone (Revised Handschu Guidelines); left out, it is not
 * one. No command permits it until the administrator ticks it for one.
 */
public record AddAccessLevel(
    @NotNull(message = "code is required.")
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9-]{1,39}",
            message = "Use 2 to 40 capital letters, digits and dashes, e.g. BULK-EXPORT.")
        String code,
    @NotBlank(message = "name is required.") @Size(max = 200) String name,
    Boolean intelligenceOnly) {}
