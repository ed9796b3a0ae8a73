package org.custodian.access.control;

import jakarta.validation.constraints.NotNull;

/** "Acknowledge reassignment": the old command's Commanding Officer has seen the move. */
public record AcknowledgeReassignment(
    @NotNull(message = "decision must be ACKNOWLEDGE.") Choice decision) {

  public enum Choice {
    ACKNOWLEDGE
  }
}
