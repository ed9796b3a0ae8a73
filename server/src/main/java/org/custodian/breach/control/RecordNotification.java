package org.custodian.breach.control;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.custodian.breach.entity.BreachNotification;
import org.custodian.platform.Rules;

/**
 * What happened to one written notification ({@code POST /api/breaches/{id}/notifications/{n}}, the
 * case screen): sent (how, when), returned undeliverable, or the reasonable efforts made.
 */
@Rules
public record RecordNotification(
    @NotNull(message = "status must be SENT, RETURNED_UNDELIVERABLE or EFFORTS_DOCUMENTED.")
        BreachNotification.Status status,
    @Size(max = 200) String method,
    Instant sentAt,
    @Size(max = 4000) String efforts)
    implements Rules.Checked {

  @Override
  public void check(Rules.Violations v) {
    v.require(
        status != BreachNotification.Status.PENDING,
        "status",
        "status must be SENT, RETURNED_UNDELIVERABLE or EFFORTS_DOCUMENTED.");
    v.require(
        status != BreachNotification.Status.SENT || Rules.Checked.present(method),
        "method",
        "Say how it was sent (mail, e-mail, by hand...).");
    v.require(
        status != BreachNotification.Status.SENT || sentAt != null,
        "sentAt",
        "sentAt is required.");
    v.require(
        status != BreachNotification.Status.EFFORTS_DOCUMENTED
            || (efforts != null && efforts.strip().length() >= 20),
        "efforts",
        "Describe the reasonable efforts made to reach the individual (at least 20 characters).");
  }
}
