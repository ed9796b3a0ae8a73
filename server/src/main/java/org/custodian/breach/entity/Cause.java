package org.custodian.breach.entity;

/** What made the disclosure improper, as the APO assesses it (counted in the quarterly report). */
public enum Cause {
  HUMAN_ERROR("Human error (misdirected or over-shared)"),
  UNAUTHORIZED_ACCESS("Unauthorized access or use"),
  NO_LAWFUL_BASIS("Disclosed without a lawful basis or approval"),
  LOST_OR_STOLEN("Lost or stolen device or record"),
  SYSTEM_FAULT("System or vendor fault"),
  OTHER("Other");

  private final String label;

  Cause(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
