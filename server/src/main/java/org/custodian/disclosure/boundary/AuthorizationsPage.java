package org.custodian.disclosure.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosurePolicy;
import org.custodian.disclosure.control.DraftAuthorization;
import org.custodian.disclosure.control.RetireAuthorization;
import org.custodian.disclosure.control.StandingAuthorizations;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.disclosure.entity.StandingAuthorization.Kind;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/**
 * Routine designations and written agreements (the APO keeps them) and City CPO pre-approvals (the
 * City CPO keeps them): the list of one kind, a new one, retiring one.
 */
@Named
@ViewScoped
public class AuthorizationsPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject StandingAuthorizations authorizations;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @Inject DisclosurePolicy policy;

  private String kind;
  private List<StandingAuthorizationResource.AuthorizationView> rows = List.of();
  private List<Option> technologies = List.of();
  private String title;
  private String description;
  private List<String> recipientKinds = new ArrayList<>();
  private String recipientOrganization;
  private List<String> purposeCategories = new ArrayList<>();
  private List<String> dataCategories = new ArrayList<>();
  private String technology;
  private LocalDate validFrom;
  private LocalDate validUntil;
  private Long retireId;
  private String retireReason;

  @Transactional
  public void load() {
    if (kind == null || Arrays.stream(Kind.values()).noneMatch(k -> k.name().equals(kind))) {
      kind =
          policy.mayKeep(signedIn.actor(), Kind.CPO_PRE_APPROVAL)
              ? Kind.CPO_PRE_APPROVAL.name()
              : Kind.ROUTINE_DESIGNATION.name();
    }
    Instant now = clock.now();
    rows =
        authorizations.list(signedIn.actor(), kind()).stream()
            .map(a -> StandingAuthorizationResource.AuthorizationView.of(a, now))
            .toList();
    technologies =
        directory.technologies().stream().map(t -> new Option(t.code(), t.name())).toList();
  }

  public Kind kind() {
    return Kind.valueOf(kind);
  }

  public boolean isKeeper() {
    return policy.mayKeep(signedIn.actor(), kind());
  }

  public boolean isAgreement() {
    return kind() == Kind.AGENCY_AGREEMENT;
  }

  public List<Option> getKinds() {
    return Arrays.stream(Kind.values()).map(k -> new Option(k.name(), k.plural())).toList();
  }

  /** Enum names as their labels, comma-separated: "Prosecutor, City agency". */
  public String recipients(List<String> names) {
    return names.stream()
        .map(n -> RecipientKind.valueOf(n).label())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public String purposes(List<String> names) {
    return names.stream()
        .map(n -> PurposeCategory.valueOf(n).label())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public String categories(List<String> names) {
    return names.stream()
        .map(n -> DataCategory.valueOf(n).label())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public String create() {
    try {
      StandingAuthorization created =
          authorizations.create(
              signedIn.actor(),
              kind(),
              new DraftAuthorization(
                  title,
                  description,
                  Pages.choices("recipientKinds", RecipientKind.class, recipientKinds),
                  recipientOrganization,
                  Pages.choices("purposeCategories", PurposeCategory.class, purposeCategories),
                  Pages.choices("dataCategories", DataCategory.class, dataCategories),
                  technology,
                  validFrom == null ? null : validFrom.atStartOfDay(Pages.NEW_YORK).toInstant(),
                  validUntil == null ? null : validUntil.atStartOfDay(Pages.NEW_YORK).toInstant()));
      Pages.info(created.reference() + " created: " + created.title() + ".");
      return "/disclosure/authorizations?faces-redirect=true&kind=" + kind;
    } catch (InvalidInputException e) {
      Pages.show("create", e);
    } catch (ForbiddenException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String retire() {
    try {
      StandingAuthorization retired =
          authorizations.retire(
              signedIn.actor(),
              kind(),
              retireId == null ? 0 : retireId,
              new RetireAuthorization(retireReason));
      Pages.info(retired.reference() + " retired; it no longer approves new requests.");
      return "/disclosure/authorizations?faces-redirect=true&kind=" + kind;
    } catch (InvalidInputException e) {
      Pages.show("retire", e);
    } catch (ForbiddenException | ConflictException | NotFoundException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public List<Option> getRecipientKindOptions() {
    return Arrays.stream(RecipientKind.values())
        .filter(k -> !isAgreement() || k.governmentAgency())
        .map(k -> new Option(k.name(), k.label()))
        .toList();
  }

  public List<Option> getPurposeOptions() {
    return Arrays.stream(PurposeCategory.values())
        .filter(p -> p != PurposeCategory.IMMIGRATION_ENFORCEMENT)
        .map(k -> new Option(k.name(), k.label()))
        .toList();
  }

  public List<Option> getCategoryOptions() {
    return Arrays.stream(DataCategory.values()).map(k -> new Option(k.name(), k.label())).toList();
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public List<StandingAuthorizationResource.AuthorizationView> getRows() {
    return rows;
  }

  public List<Option> getTechnologies() {
    return technologies;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getRecipientKinds() {
    return recipientKinds;
  }

  public void setRecipientKinds(List<String> recipientKinds) {
    this.recipientKinds = recipientKinds;
  }

  public String getRecipientOrganization() {
    return recipientOrganization;
  }

  public void setRecipientOrganization(String recipientOrganization) {
    this.recipientOrganization = recipientOrganization;
  }

  public List<String> getPurposeCategories() {
    return purposeCategories;
  }

  public void setPurposeCategories(List<String> purposeCategories) {
    this.purposeCategories = purposeCategories;
  }

  public List<String> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(List<String> dataCategories) {
    this.dataCategories = dataCategories;
  }

  public String getTechnology() {
    return technology;
  }

  public void setTechnology(String technology) {
    this.technology = technology;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }

  public void setValidUntil(LocalDate validUntil) {
    this.validUntil = validUntil;
  }

  public Long getRetireId() {
    return retireId;
  }

  public void setRetireId(Long retireId) {
    this.retireId = retireId;
  }

  public String getRetireReason() {
    return retireReason;
  }

  public void setRetireReason(String retireReason) {
    this.retireReason = retireReason;
  }
}
