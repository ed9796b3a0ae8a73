package org.custodian.disclosure.entity;

/**
 * Categories of identifying information, after the NYC Identifying Information Law (Admin. Code §
 * 23-1201), including information obtained from a surveillance system.
 */
public enum DataCategory {
  NAME("Name"),
  DATE_OF_BIRTH("Date of birth"),
  ADDRESS("Address"),
  PHOTOGRAPH("Photograph"),
  BIOMETRIC("Biometric information"),
  LICENSE_PLATE("License plate"),
  ARREST_RECORD("Arrest record"),
  CRIMINAL_CONVICTION("Criminal conviction"),
  VICTIM_OR_WITNESS_STATUS("Status as a crime victim or witness"),
  CITIZENSHIP_OR_IMMIGRATION_STATUS("Citizenship or immigration status"),
  SURVEILLANCE_SYSTEM_INFORMATION("Information from a surveillance system"),
  LOCATION("Location"),
  OTHER("Other identifying information");

  private final String label;

  DataCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
