package org.custodian.access.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.platform.Rules;

/**
 * What the HR system sends ({@code POST /api/personnel-events}, the admin's "Personnel event"
 * screen): a member reassigned to another command, or separated, from an instant on.
 */
@Rules
public record PersonnelEventNotice(
    @NotNull @Positive Long memberId,
    @NotNull(message = "type must be REASSIGNED or SEPARATED.") PersonnelEvent.Type type,
    @Size(max = 32) String newCommand,
    @NotNull(message = "effectiveAt is required (an ISO-8601 instant).") Instant effectiveAt)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        type != PersonnelEvent.Type.REASSIGNED || Rules.Checked.present(newCommand),
        "newCommand",
        "A reassignment names the new command.");
  }
}
