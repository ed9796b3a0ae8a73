package org.custodian.disclosure.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Collectors;
import org.custodian.directory.control.SignedInUser;
import org.custodian.disclosure.control.DisclosureDocuments;
import org.custodian.disclosure.control.DisclosurePolicy;
import org.custodian.disclosure.control.DisclosureView;
import org.custodian.disclosure.control.Disclosures;
import org.custodian.disclosure.control.ReleaseDisclosure;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.Disclosure;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.platform.ConflictException;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.web.Pages;

/**
 * One disclosure request: what, to whom, on which basis, every decision, the evidence; its release.
 */
@Named
@ViewScoped
public class DisclosurePage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Disclosures disclosures;

  @Inject DisclosureDocuments documents;

  @Inject DisclosurePolicy policy;

  @Inject SignedInUser signedIn;

  private Long id;
  private DisclosureView disclosure;
  private boolean requester;
  private LocalDateTime releasedAt;
  private String releaseMethod;

  @Transactional
  public void load() {
    Disclosure d = disclosures.view(signedIn.actor(), id);
    disclosure = DisclosureView.of(d, documents.of(d));
    requester = policy.isRequester(signedIn.actor(), d);
    if (releasedAt == null) {
      releasedAt = LocalDateTime.now(Pages.NEW_YORK).withSecond(0).withNano(0);
    }
  }

  public boolean isReleasable() {
    return requester && "APPROVED".equals(disclosure.status());
  }

  public String release() {
    try {
      Instant at = releasedAt == null ? null : releasedAt.atZone(Pages.NEW_YORK).toInstant();
      disclosures.release(signedIn.actor(), id, new ReleaseDisclosure(at, releaseMethod));
      Pages.info(disclosure.businessKey() + " is released and in the disclosure ledger.");
      return "/disclosure/view?faces-redirect=true&id=" + id;
    } catch (InvalidInputException e) {
      Pages.show("release", e);
    } catch (ForbiddenException | ConflictException e) {
      Pages.error(e.getMessage());
    }
    return null;
  }

  public String kindLabel(String kind) {
    return RecipientKind.valueOf(kind).label();
  }

  public String purposeLabel(String purpose) {
    return PurposeCategory.valueOf(purpose).label();
  }

  public String categories() {
    return disclosure.dataCategories().stream()
        .map(c -> DataCategory.valueOf(c).label())
        .collect(Collectors.joining(", "));
  }

  public String identifiers(DisclosureView.Subject s) {
    return s.identifiers().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(" · "));
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public DisclosureView getDisclosure() {
    return disclosure;
  }

  public LocalDateTime getReleasedAt() {
    return releasedAt;
  }

  public void setReleasedAt(LocalDateTime releasedAt) {
    this.releasedAt = releasedAt;
  }

  public String getReleaseMethod() {
    return releaseMethod;
  }

  public void setReleaseMethod(String releaseMethod) {
    this.releaseMethod = releaseMethod;
  }
}
