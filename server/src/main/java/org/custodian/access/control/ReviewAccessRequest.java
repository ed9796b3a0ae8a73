package org.custodian.access.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.access.entity.Decision;
import org.custodian.platform.Rules;

/** "Review access request": an executive's decision on one layer. */
@Rules
public record ReviewAccessRequest(
    @NotNull(message = "Choose APPROVE, REJECT or RETURN.") Choice decision,
    @Size(max = 4000) String comment)
    implements Rules.Checked {

  public enum Choice {
    APPROVE(Decision.APPROVE),
    REJECT(Decision.REJECT),
    RETURN(Decision.RETURN);

    final Decision decision;

    Choice(Decision decision) {
      this.decision = decision;
    }
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != Choice.REJECT || Rules.Checked.present(comment),
        "comment",
        "Give the reason for rejecting.");
    v.require(
        decision != Choice.RETURN || Rules.Checked.present(comment),
        "comment",
        "Ask the question the Commanding Officer should answer.");
  }
}
