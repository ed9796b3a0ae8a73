package org.custodian.access.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.custodian.access.entity.AccessRequest;
import org.custodian.platform.Rules;

/**
 * A Commanding Officer's request for a member's access ({@code POST /api/access-requests}, the "New
 * access request" screen): the member, the system and level, and the articulable need.
 */
@Rules
public record SubmitAccessRequest(
    @NotNull(message = "Choose the member who needs access.") @Positive Long memberId,
    @NotBlank(message = "Choose a technology.") @Size(max = 40) String technology,
    @NotBlank(message = "Choose an access level.") @Size(max = 40) String accessLevel,
    @NotNull(message = "Describe the articulable need.")
        @Size(max = AccessRequest.MAX_JUSTIFICATION)
        String justification)
    implements Rules.Checked {

  /**
   * Policies: access "is limited to personnel who have an articulable need to access the system".
   */
  @Override
  public void check(Rules.Violations v) {
    v.require(
        justification == null || justification.strip().length() >= AccessRequest.MIN_JUSTIFICATION,
        "justification",
        "Describe the articulable need in at least "
            + AccessRequest.MIN_JUSTIFICATION
            + " characters.");
  }
}
