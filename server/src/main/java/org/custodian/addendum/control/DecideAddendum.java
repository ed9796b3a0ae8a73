package org.custodian.addendum.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.custodian.platform.Rules;
import org.custodian.policy.entity.SectionKey;

/**
 * A review of an addendum's text by Legal Bureau counsel or the Agency Privacy Officer: APPROVE, or
 * RETURN it to the author saying what must change, overall ({@code comment}) or on sections ({@code
 * sections: {"RULES": "..."}}). The Commissioner's form is {@link ApproveAddendum}.
 */
@Rules
public record DecideAddendum(
    @NotNull(message = "decision must be APPROVE or RETURN.") Decision decision,
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

  public enum Decision {
    APPROVE,
    RETURN
  }

  @Override
  public void check(Rules.Violations v) {
    boolean remarks =
        sections != null && sections.values().stream().anyMatch(Rules.Checked::present);
    boolean reason = comment != null && comment.strip().length() >= AddendumTasks.MIN_REASON;
    v.require(
        decision != Decision.RETURN || reason || remarks,
        "comment",
        "Say what must change (at least "
            + AddendumTasks.MIN_REASON
            + " characters), or comment on the sections.");
  }
}
