package org.custodian.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** One section of a policy version or a draft: its key and its text as sanitized HTML. */
@Embeddable
public class Section implements java.io.Serializable {

  @Enumerated(EnumType.STRING)
  @Column(name = "section_key", nullable = false)
  private SectionKey key;

  @Column(nullable = false)
  private String body;

  protected Section() {}

  public Section(SectionKey key, String body) {
    this.key = Objects.requireNonNull(key);
    this.body = Objects.requireNonNull(body);
  }

  public SectionKey key() {
    return key;
  }

  public String heading() {
    return key.heading();
  }

  public String body() {
    return body;
  }

  /** For screens (EL reads bean properties). */
  public SectionKey getKey() {
    return key;
  }

  public String getHeading() {
    return key.heading();
  }

  public String getBody() {
    return body;
  }

  /**
   * Two sections are the same when they have the same key and the same text (a value, as
   * embeddables are).
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Section s && key == s.key && body.equals(s.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, body);
  }
}
