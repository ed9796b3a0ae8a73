package org.custodian.disclosure.entity;

/** Why the information leaves the department. */
public enum PurposeCategory {
  CRIMINAL_INVESTIGATION("Criminal investigation"),
  PROSECUTION("Prosecution"),
  CIVIL_LITIGATION("Civil litigation"),
  DISCIPLINARY_PROCEEDING("Disciplinary proceeding"),
  PUBLIC_SAFETY_NOTICE("Public safety notice"),
  COMMUNITY_CONCERN("Community concern"),
  SUBJECT_REQUEST("The subject's own request"),
  WELFARE_INVESTIGATION("Welfare investigation of a minor or incompetent person"),
  IMMIGRATION_ENFORCEMENT("Immigration enforcement"),
  OTHER("Other");

  private final String label;

  PurposeCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
