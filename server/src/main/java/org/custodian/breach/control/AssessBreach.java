package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.custodian.breach.entity.Cause;
import org.custodian.platform.Rules;

/**
 * "Assess breach": the Agency Privacy Officer confirms a violation (with its cause) or finds none
 * (with the reason); {@code awareAt} moves the 24-hour clock's start earlier, with its reason.
 */
@Rules
public record AssessBreach(
    @NotNull(message = "decision must be CONFIRM or NOT_A_VIOLATION.") Decision decision,
    Cause cause,
    @Size(max = BreachTasks.MAX_TEXT) String notes,
    Instant awareAt,
    @Size(max = 1000) String awareReason)
    implements Rules.Checked {

  public enum Decision {
    CONFIRM,
    NOT_A_VIOLATION
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != Decision.CONFIRM || cause != null,
        "cause",
        "A confirmed violation names its cause.");
    v.require(
        decision != Decision.NOT_A_VIOLATION
            || (notes != null && notes.strip().length() >= BreachTasks.MIN_TEXT),
        "notes",
        "Say why it is not a violation ("
            + BreachTasks.MIN_TEXT
            + " to "
            + BreachTasks.MAX_TEXT
            + " characters).");
    v.require(
        awareAt == null || Rules.Checked.present(awareReason),
        "awareReason",
        "Say how the APO became aware earlier.");
  }
}
