package org.custodian.access.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * "Confirm continued need" after a reassignment and "Recertify access": keep or end each listed
 * grant, by its id ({@code "grants": {"12": "KEEP", "13": "END"}}), or all of them at once ({@code
 * "decision": "KEEP_ALL"}). Every listed grant must be decided ({@link KeepOrEnd}).
 */
public record KeepOrEndGrants(
    All decision,
    @Size(max = 100_000)
        Map<
                @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be a grant id") String,
                @NotNull Choice>
            grants) {

  public enum All {
    KEEP_ALL,
    END_ALL
  }

  public enum Choice {
    KEEP,
    END
  }

  /** The choice for one grant: the bulk decision if there is one, else the grant's own. */
  Choice choiceFor(long grantId) {
    if (decision != null) {
      return decision == All.KEEP_ALL ? Choice.KEEP : Choice.END;
    }
    return grants == null ? null : grants.get(String.valueOf(grantId));
  }
}
