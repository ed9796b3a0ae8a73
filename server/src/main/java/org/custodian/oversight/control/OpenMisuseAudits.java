package org.custodian.oversight.control;

import jakarta.validation.constraints.Pattern;

/** An auditor opens misuse audits now: of the month given ({@code 2026-11}), or of last month. */
public record OpenMisuseAudits(
    @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month, e.g. 2026-11")
        String period) {}
