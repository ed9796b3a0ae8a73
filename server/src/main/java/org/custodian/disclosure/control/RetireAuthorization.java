package org.custodian.disclosure.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Retiring a designation, pre-approval or agreement: it no longer matches new requests. */
public record RetireAuthorization(
    @NotBlank(message = "Say why it is retired.") @Size(max = 1000) String reason) {}
