package org.custodian.disclosure.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The requester records when and how the approved information went out ({@code POST .../release}).
 */
public record ReleaseDisclosure(
    @NotNull(message = "releasedAt is required.") Instant releasedAt,
    @NotBlank(message = "method is required: how the information was released.") @Size(max = 400)
        String method) {}
