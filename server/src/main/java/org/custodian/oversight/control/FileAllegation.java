package org.custodian.oversight.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An allegation that a member misused a covered system: {@code {"memberTaxNumber": "931002",
 * "summary": "...", "eventIds": [12, 13]}}. The member's active grants are linked to it when it is
 * filed.
 */
public record FileAllegation(
    @NotBlank @Size(max = 20) String memberTaxNumber,
    @NotBlank @Size(min = 20, max = 4000, message = "must be 20 to 4,000 characters")
        String summary,
    @Size(max = 100) List<@NotNull Long> eventIds) {

  public List<Long> eventIdsOrNone() {
    return eventIds == null ? List.of() : eventIds;
  }
}
