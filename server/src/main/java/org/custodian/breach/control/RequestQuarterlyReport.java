package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The City CPO asks for a quarter's report now ({@code POST /api/breach-reports/quarterly}). */
public record RequestQuarterlyReport(
    @NotNull(message = "quarter is required, e.g. 2026-Q3.")
        @Pattern(regexp = "\\s*[0-9]{4}-Q[1-4]\\s*", message = "quarter is written like 2026-Q3.")
        String quarter) {}
