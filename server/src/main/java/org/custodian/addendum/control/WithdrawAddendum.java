package org.custodian.addendum.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.platform.Rules;

/** The author or the Commissioner abandons an addendum before publication, saying why. */
@Rules
public record WithdrawAddendum(
    @NotNull(message = "Say why it is withdrawn (10 to 2000 characters).") @Size(max = 2_000)
        String reason)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        reason == null || reason.strip().length() >= 10,
        "reason",
        "Say why it is withdrawn (10 to 2000 characters).");
  }
}
