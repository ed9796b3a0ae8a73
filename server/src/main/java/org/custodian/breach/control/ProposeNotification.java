package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.custodian.breach.entity.BreachReport;
import org.custodian.platform.Rules;

/**
 * "Propose notification": the APO proposes to notify the affected individuals in writing (on its
 * grounds) or not, with the rationale either way.
 */
@Rules
public record ProposeNotification(
    @NotNull(message = "decision must be NOTIFY or NOT_NOTIFY.") Decision decision,
    Set<BreachReport.Ground> grounds,
    @NotNull(message = "Give the grounds in words.") @Size(max = BreachTasks.MAX_TEXT)
        String rationale)
    implements Rules.Checked {

  public enum Decision {
    NOTIFY,
    NOT_NOTIFY
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != Decision.NOTIFY || (grounds != null && !grounds.isEmpty()),
        "grounds",
        "Notification needs its ground: risk of harm, decided with the City CPO and the Law Department, or legally required.");
    v.require(
        rationale == null || rationale.strip().length() >= BreachTasks.MIN_TEXT,
        "rationale",
        "Give the grounds in words ("
            + BreachTasks.MIN_TEXT
            + " to "
            + BreachTasks.MAX_TEXT
            + " characters).");
  }
}
