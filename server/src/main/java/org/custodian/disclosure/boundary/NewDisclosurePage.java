package org.custodian.disclosure.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.directory.control.Directory;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.control.FileDisclosure;
import org.custodian.disclosure.control.StandingAuthorizations;
import org.custodian.disclosure.entity.Basis;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Option;
import org.custodian.platform.web.Pages;

/**
 * "New disclosure request": recipient and how they were confirmed, the data subjects, the
 * information, the purpose, the basis and its evidence. The screen shows only the evidence fields
 * of the basis chosen; the rules decide the rest when it is filed.
 */
@Named
@ViewScoped
public class NewDisclosurePage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One data subject: the name and the identifiers to be disclosed. */
  public static class SubjectRow implements Serializable {
    private static final long serialVersionUID = 1L;
    private String name;
    private String dateOfBirth;
    private String nysid;
    private String address;
    private String licensePlate;

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public String getDateOfBirth() {
      return dateOfBirth;
    }

    public void setDateOfBirth(String dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
    }

    public String getNysid() {
      return nysid;
    }

    public void setNysid(String nysid) {
      this.nysid = nysid;
    }

    public String getAddress() {
      return address;
    }

    public void setAddress(String address) {
      this.address = address;
    }

    public String getLicensePlate() {
      return licensePlate;
    }

    public void setLicensePlate(String licensePlate) {
      this.licensePlate = licensePlate;
    }

    FileDisclosure.Subject subject() {
      Map<String, String> identifiers = new LinkedHashMap<>();
      put(identifiers, "dateOfBirth", dateOfBirth);
      put(identifiers, "nysid", nysid);
      put(identifiers, "address", address);
      put(identifiers, "licensePlate", licensePlate);
      return new FileDisclosure.Subject(name, identifiers);
    }

    private static void put(Map<String, String> map, String key, String value) {
      if (value != null && !value.isBlank()) {
        map.put(key, value.strip());
      }
    }
  }

  @Inject Disclosures disclosures;

  @Inject DisclosureDocuments documents;

  @Inject StandingAuthorizations authorizations;

  @Inject Directory directory;

  @Inject SignedInUser signedIn;

  @Inject org.custodian.platform.EngineClock clock;

  private String recipientName;
  private String recipientOrganization;
  private String recipientKind;
  private String recipientVerification;
  private final List<SubjectRow> subjects = new ArrayList<>(List.of(new SubjectRow()));
  private List<String> dataCategories = new ArrayList<>();
  private String sourceTechnology;
  private String purposeCategory;
  private String purpose;
  private Integer basis;
  private String signedBy;
  private String lawCitation;
  private String missionRationale;
  private Long preApprovalId;
  private Long routineDesignationId;
  private String incidentNumber;
  private String agency;
  private String agencyReference;
  private transient Part authorization;
  private Long documentId;
  private String documentName;
  private List<Option> technologies = List.of();
  private List<Option> preApprovals = List.of();
  private List<Option> designations = List.of();

  @Transactional
  public void load() {
    technologies =
        directory.technologies().stream().map(t -> new Option(t.code(), t.name())).toList();
    Instant now = clock.now();
    preApprovals = options(StandingAuthorization.Kind.CPO_PRE_APPROVAL, now);
    designations = options(StandingAuthorization.Kind.ROUTINE_DESIGNATION, now);
  }

  private List<Option> options(StandingAuthorization.Kind kind, Instant now) {
    return authorizations.list(signedIn.actor(), kind).stream()
        .filter(a -> a.activeAt(now))
        .map(a -> new Option(String.valueOf(a.id()), a.reference() + ": " + a.title()))
        .toList();
  }

  public void addSubject() {
    if (subjects.size() < Disclosure.MAX_SUBJECTS) {
      subjects.add(new SubjectRow());
    }
  }

  public void removeSubject(SubjectRow row) {
    if (subjects.size() > 1) {
      subjects.remove(row);
    }
  }

  public String submit() {
    try {
      if (authorization != null && authorization.getSize() > 0 && basis != null && basis == 1) {
        DisclosureDocuments.Info info =
            documents.upload(
                signedIn.actor(),
                authorization.getSubmittedFileName(),
                authorization.getContentType(),
                authorization.getInputStream());
        documentId = info.id();
        documentName = info.fileName();
      }
      Disclosure d = disclosures.file(signedIn.actor(), filing());
      if (d.status() == Disclosure.Status.REFUSED) {
        Pages.info(
            d.businessKey() + " is refused and nothing may be disclosed: " + d.refusalReason());
      } else if (d.status() == Disclosure.Status.APPROVED) {
        Pages.info(
            d.businessKey()
                + " is approved; record the release once the information has gone out.");
      } else {
        Pages.info(d.businessKey() + " is with the Agency Privacy Officer for written approval.");
      }
      return "/disclosure/view?faces-redirect=true&id=" + d.id();
    } catch (InvalidInputException e) {
      Pages.show("disclosure", e);
    } catch (ForbiddenException | ConflictException e) {
      Pages.error(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  /**
   * The form as the same command the API takes; its rules (what is required, how long) are the
   * command's, checked by the control service, so screen and API cannot disagree. A choice the form
   * never offered is bad input naming its field.
   */
  private FileDisclosure filing() {
    return new FileDisclosure(
        new FileDisclosure.Recipient(
            recipientName,
            recipientOrganization,
            Pages.choice("recipient.kind", RecipientKind.class, recipientKind)),
        recipientVerification,
        subjects.stream().map(SubjectRow::subject).toList(),
        Pages.choices("dataCategories", DataCategory.class, dataCategories),
        sourceTechnology,
        Pages.choice("purposeCategory", PurposeCategory.class, purposeCategory),
        purpose,
        basis,
        new FileDisclosure.Evidence(
            documentId,
            Pages.choice("evidence.signedBy", Disclosure.SignedBy.class, signedBy),
            lawCitation,
            missionRationale,
            preApprovalId,
            routineDesignationId,
            incidentNumber,
            agency,
            agencyReference));
  }

  public List<Option> getRecipientKinds() {
    return Arrays.stream(RecipientKind.values()).map(k -> new Option(k.name(), k.label())).toList();
  }

  public List<Option> getCategories() {
    return Arrays.stream(DataCategory.values()).map(k -> new Option(k.name(), k.label())).toList();
  }

  /** Immigration enforcement is not offered: it is never a lawful purpose (it would be refused). */
  public List<Option> getPurposes() {
    return Arrays.stream(PurposeCategory.values())
        .filter(p -> p != PurposeCategory.IMMIGRATION_ENFORCEMENT)
        .map(k -> new Option(k.name(), k.label()))
        .toList();
  }

  public List<Option> getBases() {
    return Arrays.stream(Basis.values())
        .map(b -> new Option(String.valueOf(b.number()), b.label()))
        .toList();
  }

  public boolean isGovernmentRecipient() {
    RecipientKind kind;
    try {
      kind = Pages.choice("recipient.kind", RecipientKind.class, recipientKind);
    } catch (InvalidInputException tampered) {
      return false;
    }
    return kind != null && kind.governmentAgency();
  }

  public int maxPurpose() {
    return Disclosure.MAX_PURPOSE;
  }

  public int maxVerification() {
    return Disclosure.MAX_VERIFICATION;
  }

  public List<SubjectRow> getSubjects() {
    return subjects;
  }

  public List<Option> getTechnologies() {
    return technologies;
  }

  public List<Option> getPreApprovals() {
    return preApprovals;
  }

  public List<Option> getDesignations() {
    return designations;
  }

  public String getRecipientName() {
    return recipientName;
  }

  public void setRecipientName(String recipientName) {
    this.recipientName = recipientName;
  }

  public String getRecipientOrganization() {
    return recipientOrganization;
  }

  public void setRecipientOrganization(String recipientOrganization) {
    this.recipientOrganization = recipientOrganization;
  }

  public String getRecipientKind() {
    return recipientKind;
  }

  public void setRecipientKind(String recipientKind) {
    this.recipientKind = recipientKind;
  }

  public String getRecipientVerification() {
    return recipientVerification;
  }

  public void setRecipientVerification(String recipientVerification) {
    this.recipientVerification = recipientVerification;
  }

  public List<String> getDataCategories() {
    return dataCategories;
  }

  public void setDataCategories(List<String> dataCategories) {
    this.dataCategories = dataCategories;
  }

  public String getSourceTechnology() {
    return sourceTechnology;
  }

  public void setSourceTechnology(String sourceTechnology) {
    this.sourceTechnology = sourceTechnology;
  }

  public String getPurposeCategory() {
    return purposeCategory;
  }

  public void setPurposeCategory(String purposeCategory) {
    this.purposeCategory = purposeCategory;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public Integer getBasis() {
    return basis;
  }

  public void setBasis(Integer basis) {
    this.basis = basis;
  }

  public String getSignedBy() {
    return signedBy;
  }

  public void setSignedBy(String signedBy) {
    this.signedBy = signedBy;
  }

  public String getLawCitation() {
    return lawCitation;
  }

  public void setLawCitation(String lawCitation) {
    this.lawCitation = lawCitation;
  }

  public String getMissionRationale() {
    return missionRationale;
  }

  public void setMissionRationale(String missionRationale) {
    this.missionRationale = missionRationale;
  }

  public Long getPreApprovalId() {
    return preApprovalId;
  }

  public void setPreApprovalId(Long preApprovalId) {
    this.preApprovalId = preApprovalId;
  }

  public Long getRoutineDesignationId() {
    return routineDesignationId;
  }

  public void setRoutineDesignationId(Long routineDesignationId) {
    this.routineDesignationId = routineDesignationId;
  }

  public String getIncidentNumber() {
    return incidentNumber;
  }

  public void setIncidentNumber(String incidentNumber) {
    this.incidentNumber = incidentNumber;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public String getAgencyReference() {
    return agencyReference;
  }

  public void setAgencyReference(String agencyReference) {
    this.agencyReference = agencyReference;
  }

  public Part getAuthorization() {
    return authorization;
  }

  public void setAuthorization(Part authorization) {
    this.authorization = authorization;
  }

  public String getDocumentName() {
    return documentName;
  }
}
