package org.custodian.disclosure.entity;

/** Who receives identifying information. */
public enum RecipientKind {
  PROSECUTOR("Prosecutor"),
  LAW_ENFORCEMENT_AGENCY("Law-enforcement agency"),
  CITY_AGENCY("City agency"),
  GOVERNMENT_AGENCY("Other government agency"),
  DATA_SUBJECT("The data subject or their guardian"),
  COMMUNITY_OR_MEDIA("Community organization or news media"),
  VENDOR("Vendor or contractor");

  private final String label;

  RecipientKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * A government agency needs a written agreement on file. Policy (ERMS, EXTERNAL ENTITIES):
   * "Government agencies at the local, state, and federal level, including law enforcement agencies
   * other than the NYPD, have limited access ... subject to the terms of written agreements". A
   * prosecutor receives case information under discovery law ("the NYPD turns over relevant
   * information to the prosecutor with jurisdiction over the matter"), so is not counted here.
   */
  public boolean governmentAgency() {
    return this == LAW_ENFORCEMENT_AGENCY || this == CITY_AGENCY || this == GOVERNMENT_AGENCY;
  }
}
