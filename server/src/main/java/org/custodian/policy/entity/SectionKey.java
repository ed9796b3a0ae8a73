package org.custodian.policy.entity;

/**
 * The standard sections of an NYPD impact and use policy, in the order the published policies print
 * them (the POST Act, NYC Admin. Code § 14-188, names what each must cover).
 */
public enum SectionKey {
  ABSTRACT("Abstract"),
  CAPABILITIES("Capabilities of the technology"),
  RULES("Rules, processes & guidelines relating to use of the technology"),
  SAFEGUARDS("Safeguard & security measures against unauthorized access"),
  RETENTION("Policies & procedures relating to retention, access & use of the data"),
  PUBLIC_ACCESS("Policies & procedures relating to public access or use of the data"),
  EXTERNAL_ENTITIES("External entities"),
  TRAINING("Training"),
  AUDIT("Internal audit & oversight mechanisms"),
  HEALTH_AND_SAFETY("Health & safety reporting"),
  DISPARATE_IMPACTS("Disparate impacts of the technology");

  private final String heading;

  SectionKey(String heading) {
    this.heading = heading;
  }

  public String heading() {
    return heading;
  }
}
