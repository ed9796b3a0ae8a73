package org.custodian.breach.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The Agency Privacy Officer became aware of the breach before the report arrived ({@code POST
 * /api/breaches/{id}/aware-at}, or with the assessment): the 24-hour clock starts then.
 */
public record SetAwareAt(
    @NotNull(message = "awareAt is required.") Instant awareAt,
    @NotBlank(message = "Say how the APO became aware earlier.") @Size(max = 1000)
        String awareReason) {}
