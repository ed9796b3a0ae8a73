package org.custodian.access.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.custodian.access.entity.Decision;
import org.custodian.platform.Rules;

/**
 * "Answer returned request": the Commanding Officer answers the reviewer's question, or withdraws.
 */
@Rules
public record AnswerReturnedRequest(
    @NotNull(message = "Choose ANSWER or WITHDRAW.") Choice decision,
    @Size(max = 4000) String comment)
    implements Rules.Checked {

  public enum Choice {
    ANSWER(Decision.ANSWER),
    WITHDRAW(Decision.WITHDRAW);

    final Decision decision;

    Choice(Decision decision) {
      this.decision = decision;
    }
  }

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != Choice.ANSWER || Rules.Checked.present(comment),
        "comment",
        "Answer the reviewer's question.");
  }
}
