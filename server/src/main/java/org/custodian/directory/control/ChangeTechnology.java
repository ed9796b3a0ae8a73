package org.custodian.directory.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many executive review layers an access request for the technology passes ({@code PUT
 * /api/technologies/{code}}, and the Commands screen); requests already under review keep theirs.
 */
public record ChangeTechnology(
    @NotNull(message = "Give the number of review layers (1 to 9).")
        @Min(value = 1, message = "must be 1 to 9")
        @Max(value = 9, message = "must be 1 to 9")
        Integer reviewLayers) {}
