package org.custodian.disclosure.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.Rules;

/** "Review after the fact" (bases 6, 7): was the disclosure proper, and the finding in words. */
@Rules
public record ReviewAfterTheFact(
    @NotNull(message = "decision must be CONFIRM (the disclosure was proper) or CONCERN.")
        Choice decision,
    @NotNull(message = "Write the review's finding.") @Size(max = DisclosureTasks.MAX_TEXT)
        String comment)
    implements Rules.Checked {

  public enum Choice {
    CONFIRM,
    CONCERN
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        comment == null || comment.strip().length() >= DisclosureTasks.MIN_TEXT,
        "comment",
        "Write the review's finding ("
            + DisclosureTasks.MIN_TEXT
            + " to "
            + DisclosureTasks.MAX_TEXT
            + " characters).");
  }
}
