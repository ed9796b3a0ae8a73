package org.custodian.addendum.control;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.custodian.platform.Rules;

/**
 * The author answers one public comment or a group of them ({@code POST
 * /api/addenda/{id}/responses}).
 */
@Rules
public record RespondToComments(
    @NotEmpty(message = "Choose the comment(s) this answers.") @Size(max = 1000)
        List<@NotNull @Positive Long> commentIds,
    @NotNull(message = "Write the response.") @Size(max = PublicComments.MAX_RESPONSE) String text)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        text == null || text.strip().length() >= 10,
        "text",
        "Write the response (10 to " + PublicComments.MAX_RESPONSE + " characters).");
  }
}
