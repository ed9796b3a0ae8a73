package org.custodian.oversight.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A request for a focused audit of computer activity: {@code {"members": ["931002"], "systems":
 * ["CMS"], "from": "2026-11-01T00:00:00Z", "to": "2026-12-01T00:00:00Z", "reason": "..."}}; no
 * systems means every covered system.
 */
public record RequestFocusedAudit(
    @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 20) String> members,
    @Size(max = 20) List<@NotBlank @Size(max = 32) String> systems,
    @NotNull Instant from,
    @NotNull Instant to,
    @NotBlank @Size(min = 20, max = 4000, message = "must be 20 to 4,000 characters")
        String reason) {

  public List<String> systemsOrAll() {
    return systems == null ? List.of() : systems;
  }
}
