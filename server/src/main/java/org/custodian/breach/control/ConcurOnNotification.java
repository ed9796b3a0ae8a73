package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.Rules;

/** "Concur on notification": the City CPO concurs, or objects (back to the APO) saying why. */
@Rules
public record ConcurOnNotification(
    @NotNull(message = "decision must be CONCUR or OBJECT.") Decision decision,
    @Size(max = BreachTasks.MAX_TEXT) String comment)
    implements Rules.Checked {

  public enum Decision {
    CONCUR,
    OBJECT
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != Decision.OBJECT
            || (comment != null && comment.strip().length() >= BreachTasks.MIN_TEXT),
        "comment",
        "Say what the City CPO objects to ("
            + BreachTasks.MIN_TEXT
            + " to "
            + BreachTasks.MAX_TEXT
            + " characters).");
  }
}
