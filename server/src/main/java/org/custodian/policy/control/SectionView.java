package org.custodian.policy.control;

import org.custodian.policy.entity.Section;

/**
 * One section of a policy text as the API shows it (the policy's own endpoints and an addendum's
 * draft and public page): its key, heading and sanitized HTML.
 */
public record SectionView(String key, String heading, String html) {

  public static SectionView of(Section s) {
    return new SectionView(s.key().name(), s.heading(), s.body());
  }
}
