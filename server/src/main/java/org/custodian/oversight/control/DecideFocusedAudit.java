package org.custodian.oversight.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "Review focused audit request" (Information Technology Bureau): {@code {"decision": "APPROVE" |
 * "REFUSE", "note"?: "..."}}; a refusal says why.
 */
public record DecideFocusedAudit(@NotNull Decision decision, @Size(max = 2000) String note) {

  public enum Decision {
    APPROVE,
    REFUSE
  }
}
