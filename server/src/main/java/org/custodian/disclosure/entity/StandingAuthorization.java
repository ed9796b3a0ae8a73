package org.custodian.disclosure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.custodian.directory.entity.Technology;

/**
 * A standing authorization that disclosures may rely on: the Agency Privacy Officer's routine
 * designation (basis 5: "designated as routine by the Agency Privacy Officer"), the City Chief
 * Privacy Officer's pre-approval (basis 4: "pre-approved as in the best interests of the City"), or
 * a written agreement with a government agency ("subject to the terms of written agreements between
 * the NYPD and the agency receiving access to a specified system"). Each has a scope and validity;
 * retiring one stops it matching new requests, and the disclosures that used it keep it.
 */
@Entity
@Table(name = "standing_authorization")
@NamedQuery(
    name = StandingAuthorization.OF_KIND,
    query =
        "select a from StandingAuthorization a left join fetch a.technology where a.kind = :kind order by a.retiredAt nulls first, a.reference")
public class StandingAuthorization {

  public static final String OF_KIND = "StandingAuthorization.ofKind";

  public enum Kind {
    ROUTINE_DESIGNATION("Routine designation", "Routine designations", "RD"),
    CPO_PRE_APPROVAL("City CPO pre-approval", "City CPO pre-approvals", "PA"),
    AGENCY_AGREEMENT("Written agreement with a government agency", "Agency agreements", "AG");

    private final String label;
    private final String plural;
    private final String prefix;

    Kind(String label, String plural, String prefix) {
      this.label = label;
      this.plural = plural;
      this.prefix = prefix;
    }

    public String label() {
      return label;
    }

    public String plural() {
      return plural;
    }

    public String prefix() {
      return prefix;
    }
  }

  /** What a disclosure request asks for, matched against a scope. */
  public record Request(
      RecipientKind recipientKind,
      String recipientOrganization,
      PurposeCategory purpose,
      Collection<DataCategory> dataCategories,
      Technology technology) {}

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(nullable = false)
  private String reference;

  @Column(nullable = false)
  private String title;

  private String description;

  @Convert(converter = EnumSetCsv.RecipientKinds.class)
  @Column(name = "recipient_kinds", nullable = false)
  private Set<RecipientKind> recipientKinds = EnumSet.noneOf(RecipientKind.class);

  @Column(name = "recipient_organization")
  private String recipientOrganization;

  @Convert(converter = EnumSetCsv.PurposeCategories.class)
  @Column(name = "purpose_categories", nullable = false)
  private Set<PurposeCategory> purposeCategories = EnumSet.noneOf(PurposeCategory.class);

  @Convert(converter = EnumSetCsv.DataCategories.class)
  @Column(name = "data_categories", nullable = false)
  private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "technology_id")
  private Technology technology;

  @Column(name = "valid_from", nullable = false)
  private Instant validFrom;

  @Column(name = "valid_until")
  private Instant validUntil;

  @Column(name = "retired_at")
  private Instant retiredAt;

  @Column(name = "retired_by")
  private String retiredBy;

  @Column(name = "retire_reason")
  private String retireReason;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected StandingAuthorization() {}

  @SuppressWarnings("java:S107") // one value per column of a scope
  public StandingAuthorization(
      Kind kind,
      String reference,
      String title,
      String description,
      Set<RecipientKind> recipientKinds,
      String recipientOrganization,
      Set<PurposeCategory> purposeCategories,
      Set<DataCategory> dataCategories,
      Technology technology,
      Instant validFrom,
      Instant validUntil,
      String createdBy,
      Instant createdAt) {
    this.kind = Objects.requireNonNull(kind);
    this.reference = Objects.requireNonNull(reference);
    this.title = Objects.requireNonNull(title);
    this.description = description;
    this.recipientKinds = copy(recipientKinds, RecipientKind.class);
    this.recipientOrganization = recipientOrganization;
    this.purposeCategories = copy(purposeCategories, PurposeCategory.class);
    this.dataCategories = copy(dataCategories, DataCategory.class);
    this.technology = technology;
    this.validFrom = Objects.requireNonNull(validFrom);
    this.validUntil = validUntil;
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
    return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
  }

  /** In force at that instant: begun, not expired, not retired. */
  public boolean activeAt(Instant at) {
    return retiredAt == null
        && !at.isBefore(validFrom)
        && (validUntil == null || at.isBefore(validUntil));
  }

  /**
   * Whether the scope covers the request: the recipient (its kind, or the one organization named),
   * the purpose, every data category asked for, and the system when one is named.
   */
  public boolean covers(Request request) {
    return coversRecipient(request)
        && coversPurpose(request)
        && coversData(request)
        && coversSystem(request);
  }

  public boolean coversRecipient(Request request) {
    if (recipientOrganization != null && !recipientOrganization.isBlank()) {
      return SearchKeys.organization(recipientOrganization)
              .equals(SearchKeys.organization(request.recipientOrganization()))
          && (recipientKinds.isEmpty() || recipientKinds.contains(request.recipientKind()));
    }
    return recipientKinds.contains(request.recipientKind());
  }

  /** An agreement governs access to a system, whatever the purpose; a scope names its purposes. */
  public boolean coversPurpose(Request request) {
    return kind == Kind.AGENCY_AGREEMENT || purposeCategories.contains(request.purpose());
  }

  public boolean coversData(Request request) {
    return kind == Kind.AGENCY_AGREEMENT || dataCategories.containsAll(request.dataCategories());
  }

  public boolean coversSystem(Request request) {
    return technology == null || technology.id().equals(request.technology().id());
  }

  public void retire(String by, Instant at, String reason) {
    this.retiredBy = by;
    this.retiredAt = at;
    this.retireReason = reason;
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public String reference() {
    return reference;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public Set<RecipientKind> recipientKinds() {
    return recipientKinds;
  }

  public String recipientOrganization() {
    return recipientOrganization;
  }

  public Set<PurposeCategory> purposeCategories() {
    return purposeCategories;
  }

  public Set<DataCategory> dataCategories() {
    return dataCategories;
  }

  public Technology technology() {
    return technology;
  }

  public Instant validFrom() {
    return validFrom;
  }

  public Instant validUntil() {
    return validUntil;
  }

  public Instant retiredAt() {
    return retiredAt;
  }

  public String retiredBy() {
    return retiredBy;
  }

  public String retireReason() {
    return retireReason;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
