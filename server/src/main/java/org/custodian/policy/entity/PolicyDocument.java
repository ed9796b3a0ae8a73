package org.custodian.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A technology's impact and use policy (e.g. {@code CMS}, case management systems); its text is in
 * its versions.
 */
@Entity
@Immutable
@Table(name = "policy_document")
@NamedQuery(name = PolicyDocument.ALL, query = "select d from PolicyDocument d order by d.title")
@NamedQuery(
    name = PolicyDocument.BY_CODE,
    query = "select d from PolicyDocument d where d.code = :code")
public class PolicyDocument {

  public static final String ALL = "PolicyDocument.all";
  public static final String BY_CODE = "PolicyDocument.byCode";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String code;

  @Column(nullable = false)
  private String title;

  protected PolicyDocument() {}

  public PolicyDocument(String code, String title) {
    this.code = java.util.Objects.requireNonNull(code);
    this.title = java.util.Objects.requireNonNull(title);
  }

  public Long id() {
    return id;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }
}
