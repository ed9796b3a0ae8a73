package org.custodian.disclosure.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.Rules;

/**
 * "Approve in writing" (bases 1-3): the Agency Privacy Officer's written approval or denial, whose
 * text is the letter ({@code approval.pdf}).
 */
@Rules
public record DecideInWriting(
    @NotNull(message = "decision must be APPROVE or DENY.") Choice decision,
    @NotNull(message = "The approval or denial is given in writing: write its text.")
        @Size(max = DisclosureTasks.MAX_TEXT)
        String approvalText)
    implements Rules.Checked {

  public enum Choice {
    APPROVE,
    DENY
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        approvalText == null || approvalText.strip().length() >= DisclosureTasks.MIN_TEXT,
        "approvalText",
        "The approval or denial is given in writing: write its text ("
            + DisclosureTasks.MIN_TEXT
            + " to "
            + DisclosureTasks.MAX_TEXT
            + " characters).");
  }
}
