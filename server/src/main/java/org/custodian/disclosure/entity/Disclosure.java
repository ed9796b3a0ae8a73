package org.custodian.disclosure.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.custodian.directory.entity.Technology;

/**
 * A request to disclose identifying information outside the department, on one of the seven bases,
 * with its evidence, every decision on it, and when and how it was released. Policies (EXTERNAL
 * ENTITIES): "members of the NYPD may disclose identifying information externally only if: ...";
 * "NYPD personnel must confirm the identity and affiliation of individuals requesting information
 * from the NYPD and determine that the release of information is lawful prior to disclosure."
 * Released disclosures are the ledger.
 */
@Entity
@Table(name = "disclosure_request")
public class Disclosure {

  public static final int MAX_PURPOSE = 4_000;
  public static final int MAX_VERIFICATION = 2_000;
  public static final int MAX_SUBJECTS = 200;

  public enum Status {
    PENDING_APPROVAL,
    APPROVED,
    DENIED,
    REFUSED,
    RELEASED
  }

  /** Who signed a written authorization (basis 1). */
  public enum SignedBy {
    SUBJECT,
    PARENT_OR_GUARDIAN
  }

  /** Who receives it. */
  @Embeddable
  public static class Recipient {
    @Column(name = "recipient_name", nullable = false)
    private String name;

    @Column(name = "recipient_organization", nullable = false)
    private String organization;

    @Column(name = "recipient_org_key", nullable = false)
    private String organizationKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "recipient_kind", nullable = false)
    private RecipientKind kind;

    protected Recipient() {}

    public Recipient(String name, String organization, RecipientKind kind) {
      this.name = Objects.requireNonNull(name);
      this.organization = Objects.requireNonNull(organization);
      this.organizationKey = SearchKeys.organization(organization);
      this.kind = Objects.requireNonNull(kind);
    }

    public String name() {
      return name;
    }

    public String organization() {
      return organization;
    }

    public RecipientKind kind() {
      return kind;
    }
  }

  /** What the basis needs: each basis reads its own fields (DisclosureRules). */
  @Embeddable
  public static class Evidence {
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "authorization_document_id")
    private DisclosureDocument authorizationDocument;

    /** The same column as a number: naming the document never loads its content. */
    @Column(name = "authorization_document_id", insertable = false, updatable = false)
    private Long authorizationDocumentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "signed_by")
    private SignedBy signedBy;

    @Column(name = "law_citation")
    private String lawCitation;

    @Column(name = "mission_rationale")
    private String missionRationale;

    @Column(name = "incident_number")
    private String incidentNumber;

    private String agency;

    @Column(name = "agency_reference")
    private String agencyReference;

    protected Evidence() {}

    @SuppressWarnings("java:S107") // one field per basis' evidence
    public Evidence(
        DisclosureDocument authorizationDocument,
        SignedBy signedBy,
        String lawCitation,
        String missionRationale,
        String incidentNumber,
        String agency,
        String agencyReference) {
      this.authorizationDocument = authorizationDocument;
      this.signedBy = signedBy;
      this.lawCitation = lawCitation;
      this.missionRationale = missionRationale;
      this.incidentNumber = incidentNumber;
      this.agency = agency;
      this.agencyReference = agencyReference;
    }

    public DisclosureDocument authorizationDocument() {
      return authorizationDocument;
    }

    public Long authorizationDocumentId() {
      return authorizationDocument != null && authorizationDocumentId == null
          ? authorizationDocument.id()
          : authorizationDocumentId;
    }

    public SignedBy signedBy() {
      return signedBy;
    }

    public String lawCitation() {
      return lawCitation;
    }

    public String missionRationale() {
      return missionRationale;
    }

    public String incidentNumber() {
      return incidentNumber;
    }

    public String agency() {
      return agency;
    }

    public String agencyReference() {
      return agencyReference;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "business_key", nullable = false, unique = true)
  private String businessKey;

  @Column(name = "requested_by", nullable = false)
  private String requestedBy;

  @Embedded private Recipient recipient;

  @Column(name = "recipient_verification", nullable = false)
  private String recipientVerification;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "source_technology_id")
  private Technology sourceTechnology;

  @Enumerated(EnumType.STRING)
  @Column(name = "purpose_category", nullable = false)
  private PurposeCategory purposeCategory;

  @Column(nullable = false)
  private String purpose;

  @Convert(converter = BasisConverter.class)
  @Column(nullable = false)
  private Basis basis;

  @Embedded private Evidence evidence;

  /** The pre-approval (basis 4) or routine designation (basis 5) that approved it. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "relied_on_id")
  private StandingAuthorization reliedOn;

  /** The written agreement with the receiving government agency. */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "agreement_id")
  private StandingAuthorization agreement;

  @ElementCollection
  @CollectionTable(name = "disclosure_category", joinColumns = @JoinColumn(name = "disclosure_id"))
  @Enumerated(EnumType.STRING)
  @Column(name = "category", nullable = false)
  private Set<DataCategory> dataCategories = EnumSet.noneOf(DataCategory.class);

  @OneToMany(mappedBy = "disclosure", cascade = CascadeType.PERSIST)
  @OrderBy("position")
  private List<DisclosureSubject> subjects = new ArrayList<>();

  @OneToMany(mappedBy = "disclosure", cascade = CascadeType.PERSIST)
  @OrderBy("decidedAt, id")
  private List<DisclosureDecision> decisions = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "refusal_reason")
  private String refusalReason;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "released_at")
  private Instant releasedAt;

  @Column(name = "release_method")
  private String releaseMethod;

  @Column(name = "release_recorded_at")
  private Instant releaseRecordedAt;

  @Version private long version;

  protected Disclosure() {}

  /** A subject as filed: the name and the identifiers to be disclosed (kind to value). */
  public record Subject(String name, Map<String, String> identifiers) {}

  @SuppressWarnings("java:S107") // the filed form, field by field
  public Disclosure(
      String businessKey,
      String requestedBy,
      Recipient recipient,
      String recipientVerification,
      Technology sourceTechnology,
      PurposeCategory purposeCategory,
      String purpose,
      Basis basis,
      Evidence evidence,
      Collection<DataCategory> dataCategories,
      List<Subject> subjects,
      Instant createdAt) {
    this.businessKey = Objects.requireNonNull(businessKey);
    this.requestedBy = Objects.requireNonNull(requestedBy);
    this.recipient = Objects.requireNonNull(recipient);
    this.recipientVerification = Objects.requireNonNull(recipientVerification);
    this.sourceTechnology = Objects.requireNonNull(sourceTechnology);
    this.purposeCategory = Objects.requireNonNull(purposeCategory);
    this.purpose = Objects.requireNonNull(purpose);
    this.basis = Objects.requireNonNull(basis);
    this.evidence = Objects.requireNonNull(evidence);
    this.dataCategories = EnumSet.copyOf(dataCategories);
    for (Subject subject : subjects) {
      this.subjects.add(
          new DisclosureSubject(this, this.subjects.size(), subject.name(), subject.identifiers()));
    }
    this.createdAt = Objects.requireNonNull(createdAt);
    this.status = Status.PENDING_APPROVAL;
  }

  /** Refused at filing: nothing is sent anywhere; the reason is recorded. */
  public DisclosureDecision refuse(String reason, String actor, Instant at) {
    requireStatus(Status.PENDING_APPROVAL);
    this.status = Status.REFUSED;
    this.refusalReason = reason;
    this.decidedAt = at;
    return addDecision(
        null,
        DisclosureDecision.Kind.REFUSAL,
        actor,
        actor,
        DisclosureDecision.Outcome.REFUSE,
        reason,
        at);
  }

  /** Approved by a standing authorization (bases 4, 5) or on filing (bases 6, 7). */
  public DisclosureDecision approveAtFiling(
      DisclosureDecision.Kind kind,
      StandingAuthorization reliedOn,
      String actor,
      String text,
      Instant at) {
    requireStatus(Status.PENDING_APPROVAL);
    this.reliedOn = reliedOn;
    this.status = Status.APPROVED;
    this.decidedAt = at;
    return addDecision(null, kind, actor, actor, DisclosureDecision.Outcome.APPROVE, text, at);
  }

  /** The APO's written approval or denial (bases 1-3). */
  public DisclosureDecision decideInWriting(
      String taskId, String actor, String actorName, boolean approve, String text, Instant at) {
    requireStatus(Status.PENDING_APPROVAL);
    this.status = approve ? Status.APPROVED : Status.DENIED;
    this.decidedAt = at;
    return addDecision(
        taskId,
        DisclosureDecision.Kind.WRITTEN_APPROVAL,
        actor,
        actorName,
        approve ? DisclosureDecision.Outcome.APPROVE : DisclosureDecision.Outcome.DENY,
        text,
        at);
  }

  /** The APO's review of a disclosure approved on filing (bases 6, 7); the status stays. */
  public DisclosureDecision reviewAfterTheFact(
      String taskId, String actor, String actorName, boolean proper, String text, Instant at) {
    return addDecision(
        taskId,
        DisclosureDecision.Kind.AFTER_THE_FACT_REVIEW,
        actor,
        actorName,
        proper ? DisclosureDecision.Outcome.CONFIRM : DisclosureDecision.Outcome.CONCERN,
        text,
        at);
  }

  /** The requester records the release; it enters the ledger. */
  public void release(Instant at, String method, Instant recordedAt) {
    requireStatus(Status.APPROVED);
    this.status = Status.RELEASED;
    this.releasedAt = Objects.requireNonNull(at);
    this.releaseMethod = Objects.requireNonNull(method);
    this.releaseRecordedAt = Objects.requireNonNull(recordedAt);
  }

  public void relyOnAgreement(StandingAuthorization agreement) {
    this.agreement = agreement;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  private DisclosureDecision addDecision(
      String taskId,
      DisclosureDecision.Kind kind,
      String actor,
      String actorName,
      DisclosureDecision.Outcome outcome,
      String text,
      Instant at) {
    DisclosureDecision decision =
        new DisclosureDecision(this, taskId, kind, actor, actorName, outcome, text, at);
    decisions.add(decision);
    return decision;
  }

  private void requireStatus(Status expected) {
    if (status != expected) {
      throw new IllegalStateException(businessKey + " is " + status + ", not " + expected);
    }
  }

  /** The APO's written approval, if there is one (the letter is made from it). */
  public Optional<DisclosureDecision> writtenApproval() {
    return decisions.stream()
        .filter(
            d ->
                d.kind() == DisclosureDecision.Kind.WRITTEN_APPROVAL
                    && d.decision() == DisclosureDecision.Outcome.APPROVE)
        .findFirst();
  }

  public Long id() {
    return id;
  }

  public String businessKey() {
    return businessKey;
  }

  public String requestedBy() {
    return requestedBy;
  }

  public Recipient recipient() {
    return recipient;
  }

  public String recipientVerification() {
    return recipientVerification;
  }

  public Technology sourceTechnology() {
    return sourceTechnology;
  }

  public PurposeCategory purposeCategory() {
    return purposeCategory;
  }

  public String purpose() {
    return purpose;
  }

  public Basis basis() {
    return basis;
  }

  /**
   * Never null: Hibernate loads an embeddable whose columns are all null (bases 4 and 5) as null.
   */
  public Evidence evidence() {
    return evidence == null ? new Evidence() : evidence;
  }

  public StandingAuthorization reliedOn() {
    return reliedOn;
  }

  public StandingAuthorization agreement() {
    return agreement;
  }

  public Set<DataCategory> dataCategories() {
    return dataCategories;
  }

  public List<DisclosureSubject> subjects() {
    return subjects;
  }

  public List<DisclosureDecision> decisions() {
    return decisions;
  }

  public Status status() {
    return status;
  }

  public String refusalReason() {
    return refusalReason;
  }

  public String processInstanceId() {
    return processInstanceId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public Instant releasedAt() {
    return releasedAt;
  }

  public String releaseMethod() {
    return releaseMethod;
  }

  public Instant releaseRecordedAt() {
    return releaseRecordedAt;
  }
}
