package org.custodian.disclosure.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A person whose identifying information a disclosure carries, with the identifiers disclosed. */
@Entity
@Table(name = "disclosure_subject")
public class DisclosureSubject {

  /** One identifier, e.g. licensePlate = "ABC-1234"; valueKey is its search form. */
  @Embeddable
  public static class Identifier {
    @Column(nullable = false)
    private String kind;

    @Column(name = "identifier_value", nullable = false)
    private String value;

    @Column(name = "value_key", nullable = false)
    private String valueKey;

    protected Identifier() {}

    public Identifier(String kind, String value) {
      this.kind = Objects.requireNonNull(kind);
      this.value = Objects.requireNonNull(value);
      this.valueKey = SearchKeys.identifier(value);
    }

    public String kind() {
      return kind;
    }

    public String value() {
      return value;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "disclosure_id")
  private Disclosure disclosure;

  @Column(nullable = false)
  private int position;

  @Column(nullable = false)
  private String name;

  @Column(name = "name_key", nullable = false)
  private String nameKey;

  @ElementCollection
  @CollectionTable(name = "disclosure_identifier", joinColumns = @JoinColumn(name = "subject_id"))
  private List<Identifier> identifiers = new ArrayList<>();

  protected DisclosureSubject() {}

  DisclosureSubject(
      Disclosure disclosure, int position, String name, Map<String, String> identifiers) {
    this.disclosure = disclosure;
    this.position = position;
    this.name = Objects.requireNonNull(name);
    this.nameKey = SearchKeys.name(name);
    identifiers.forEach((kind, value) -> this.identifiers.add(new Identifier(kind, value)));
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public List<Identifier> identifiers() {
    return identifiers;
  }
}
