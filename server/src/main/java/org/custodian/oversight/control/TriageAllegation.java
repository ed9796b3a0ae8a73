package org.custodian.oversight.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Triage misuse allegation": {@code {"route": "COMMAND" | "IAB", "note"?: "..."}}. */
public record TriageAllegation(@NotNull Route route, @Size(max = 2000) String note) {

  /** Who investigates. */
  public enum Route {
    /** The member's command: its Commanding Officer and Integrity Control Officer. */
    COMMAND,
    /** The Internal Affairs Bureau; the command does not see the case meanwhile. */
    IAB
  }
}
