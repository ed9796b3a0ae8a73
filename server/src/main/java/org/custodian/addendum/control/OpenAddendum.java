package org.custodian.addendum.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A policy author opens an addendum for a new use of a technology ({@code POST /api/addenda}, the
 * "Open an addendum" screen): the technology, the new use in words, when it is to begin.
 */
public record OpenAddendum(
    @NotBlank(message = "Choose the technology.") @Size(max = 40) String technology,
    @NotBlank(message = "Describe the new use or enhancement.") @Size(max = Addenda.MAX_NEW_USE)
        String newUse,
    @NotNull(message = "plannedFirstUse must be a date, e.g. 2027-06-01.")
        LocalDate plannedFirstUse) {}
