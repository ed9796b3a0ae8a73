package org.custodian.directory.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * The access levels a command's functions justify ({@code PUT
 * /api/commands/{code}/permitted-levels}, and the Commands screen), each as {@code
 * TECHNOLOGY:LEVEL}. Policies: "Access levels are only granted for functions and abilities relevant
 * to individual commands."
 */
public record PermitLevels(
    @NotNull(message = "Give the levels, or none.") @Size(max = 200)
        Set<
                @NotNull
                @Pattern(
                    regexp = "[A-Z0-9_-]{1,40}:[A-Z0-9_-]{1,40}",
                    message = "Name each level as TECHNOLOGY:LEVEL, e.g. CMS:VIEW.")
                String>
            levels) {}
