package org.custodian.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One level of access to a technology; some only the Intelligence Division may hold (Handschu). */
@Entity
@Table(name = "access_level")
public class AccessLevel {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "technology_id")
  private Technology technology;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String name;

  @Column(name = "intelligence_only", nullable = false)
  private boolean intelligenceOnly;

  protected AccessLevel() {}

  AccessLevel(Technology technology, String code, String name, boolean intelligenceOnly) {
    this.technology = technology;
    this.code = code;
    this.name = name;
    this.intelligenceOnly = intelligenceOnly;
  }

  public Long id() {
    return id;
  }

  public Technology technology() {
    return technology;
  }

  public String code() {
    return code;
  }

  public String name() {
    return name;
  }

  public boolean intelligenceOnly() {
    return intelligenceOnly;
  }

  /** "CMS:VIEW": names the thing a member may hold once. */
  public String qualifiedCode() {
    return technology.code() + ":" + code;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessLevel other && id != null && id.equals(other.id);
  }

  @Override
  public int hashCode() {
    return AccessLevel.class.hashCode();
  }
}
