package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.Rules;

/** "Report to the City CPO": the report the City Chief Privacy Officer receives. */
@Rules
public record ReportToCpo(
    @NotNull(message = "Write the report the City CPO receives.") @Size(max = BreachTasks.MAX_TEXT)
        String summary)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        summary == null || summary.strip().length() >= BreachTasks.MIN_TEXT,
        "summary",
        "Write the report the City CPO receives ("
            + BreachTasks.MIN_TEXT
            + " to "
            + BreachTasks.MAX_TEXT
            + " characters).");
  }
}
