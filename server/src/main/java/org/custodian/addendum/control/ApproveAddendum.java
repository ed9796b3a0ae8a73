package org.custodian.addendum.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.custodian.platform.Rules;
import org.custodian.policy.entity.SectionKey;

/**
 * The Commissioner's approval of an addendum's text, for public comment or as the policy's next
 * version: APPROVE (it is published at once), or RETURN it to the author with the reason ({@code
 * comment}, required) and, if they like, remarks on sections. The reviewers' form is {@link
 * DecideAddendum}, where a section remark alone may say what must change.
 */
@Rules
public record ApproveAddendum(
    @NotNull(message = "decision must be APPROVE or RETURN.") DecideAddendum.Decision decision,
    @Size(max = AddendumTasks.MAX_REMARK) String comment,
    @Size(max = 11)
        Map<
                SectionKey,
                @NotNull
                @Size(
                    max = AddendumTasks.MAX_REMARK,
                    message =
                        "A remark must be at most " + AddendumTasks.MAX_REMARK + " characters.")
                String>
            sections)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        decision != DecideAddendum.Decision.RETURN
            || (comment != null && comment.strip().length() >= AddendumTasks.MIN_REASON),
        "comment",
        "Say what must change (at least " + AddendumTasks.MIN_REASON + " characters).");
  }
}
