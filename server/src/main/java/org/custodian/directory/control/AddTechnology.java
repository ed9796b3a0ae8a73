package org.custodian.directory.control;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator adds a system the impact and use policies cover ({@code POST /api/technologies},
 * and the Commands screen), in one of the policies' categories, with the number of executive review
 * layers its requests pass. Its access levels are added one by one.
 */
public record AddTechnology(
    @NotNull(message = "code is required.")
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9-]{1,39}",
            message = "Use 2 to 40 capital letters, digits and dashes, e.g. ERMS-CLEAR.")
        String code,
    @NotBlank(message = "name is required.") @Size(max = 200) String name,
    @NotNull(message = "category is required.")
        @Pattern(
            regexp = AddTechnology.CATEGORIES,
            message =
                "category is CASE_MANAGEMENT, RECORD_MANAGEMENT, COMMERCIAL_RECORD_SOURCE,"
                    + " PORTABLE_DEVICE or DIGITAL_CAMERA.")
        String category,
    @NotNull(message = "Give the number of review layers (1 to 9).")
        @Min(value = 1, message = "must be 1 to 9")
        @Max(value = 9, message = "must be 1 to 9")
        Integer reviewLayers) {

  /** The policies' kinds of surveillance technology: case management, record management, .... */
  public static final String CATEGORIES =
      "CASE_MANAGEMENT|RECORD_MANAGEMENT|COMMERCIAL_RECORD_SOURCE|PORTABLE_DEVICE|DIGITAL_CAMERA";
}
