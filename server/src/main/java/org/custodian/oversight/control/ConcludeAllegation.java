package org.custodian.oversight.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.custodian.oversight.entity.MisuseAllegation;

/**
 * "Investigate misuse allegation": the outcome, the conclusion in writing, and for a substantiated
 * case what becomes of each linked grant: {@code {"outcome": "SUBSTANTIATED", "conclusion": "...",
 * "grants": {"7": "END", "8": "SUSPEND"}, "resumeOn": "2027-03-01"}}. A grant not named is kept; a
 * suspended grant gives access again from the start of {@code resumeOn} (New York time).
 */
public record ConcludeAllegation(
    @NotNull MisuseAllegation.Outcome outcome,
    @NotBlank @Size(min = 20, max = 4000, message = "must be 20 to 4,000 characters")
        String conclusion,
    @Size(max = 100)
        Map<
                @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a grant id") String,
                @NotNull GrantAction>
            grants,
    LocalDate resumeOn) {

  /** What a substantiated case does to a grant. */
  public enum GrantAction {
    KEEP,
    END,
    SUSPEND
  }

  public Map<String, GrantAction> grantsOrNone() {
    return grants == null ? Map.of() : grants;
  }
}
