package org.custodian.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Technology;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.disclosure.entity.StandingAuthorization;
import org.custodian.disclosure.entity.StandingAuthorization.Kind;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.ConflictException;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;

/**
 * Routine designations and written agreements (kept by the Agency Privacy Officer) and City CPO
 * pre-approvals (kept by the City Chief Privacy Officer): created, listed, retired, and matched
 * against disclosure requests. Every change is audited.
 */
@ApplicationScoped
public class StandingAuthorizations {

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject BusinessKeys businessKeys;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject DisclosurePolicy policy;

  @Inject Validation validation;

  @Transactional
  public StandingAuthorization create(Actor actor, Kind kind, DraftAuthorization d) {
    policy.requireKeep(actor, kind);
    validation.check(d);
    List<FieldError> errors = new ArrayList<>();
    boolean agreement = kind == Kind.AGENCY_AGREEMENT;
    if (agreement) {
      if (d.recipientOrganization() == null || d.recipientOrganization().isBlank()) {
        errors.add(
            new FieldError(
                "recipientOrganization", "An agreement names the agency (recipientOrganization)."));
      }
      if (d.recipientKinds() == null
          || d.recipientKinds().isEmpty()
          || !d.recipientKinds().stream().allMatch(RecipientKind::governmentAgency)) {
        errors.add(
            new FieldError(
                "recipientKinds",
                "An agreement is with a government agency: LAW_ENFORCEMENT_AGENCY, CITY_AGENCY or GOVERNMENT_AGENCY."));
      }
      if (d.technology() == null || d.technology().isBlank()) {
        errors.add(
            new FieldError("technology", "An agreement covers a specified system (technology)."));
      }
    } else {
      if ((d.recipientKinds() == null || d.recipientKinds().isEmpty())
          && (d.recipientOrganization() == null || d.recipientOrganization().isBlank())) {
        errors.add(
            new FieldError(
                "recipientKinds", "The scope names recipient kinds or one organization."));
      }
      if (d.purposeCategories() == null || d.purposeCategories().isEmpty()) {
        errors.add(new FieldError("purposeCategories", "The scope names at least one purpose."));
      } else if (d.purposeCategories().contains(PurposeCategory.IMMIGRATION_ENFORCEMENT)) {
        // "Information is not shared in furtherance of immigration enforcement."
        errors.add(
            new FieldError("purposeCategories", "No scope may include immigration enforcement."));
      }
      if (d.dataCategories() == null || d.dataCategories().isEmpty()) {
        errors.add(new FieldError("dataCategories", "The scope names at least one data category."));
      }
    }
    Instant now = clock.now();
    Instant from = d.validFrom() == null ? now : d.validFrom();
    if (d.validUntil() != null && !d.validUntil().isAfter(from)) {
      errors.add(new FieldError("validUntil", "validUntil must be after validFrom."));
    }
    Technology technology = null;
    if (d.technology() != null && !d.technology().isBlank()) {
      technology = directory.technology(d.technology()).orElse(null);
      if (technology == null) {
        errors.add(new FieldError("technology", "There is no technology " + d.technology() + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    StandingAuthorization created =
        new StandingAuthorization(
            kind,
            businessKeys.next(kind.prefix()),
            d.title().strip(),
            d.description(),
            d.recipientKinds(),
            blankToNull(d.recipientOrganization()),
            d.purposeCategories(),
            d.dataCategories(),
            technology,
            from,
            d.validUntil(),
            actor.username(),
            now);
    em.persist(created);
    em.flush();
    audit.record(
        actor.username(),
        kind.name() + "_CREATED",
        "StandingAuthorization",
        created.id(),
        created.reference()
            + " "
            + created.title()
            + "; recipients "
            + created.recipientKinds()
            + (created.recipientOrganization() == null ? "" : " " + created.recipientOrganization())
            + "; purposes "
            + created.purposeCategories()
            + "; data "
            + created.dataCategories()
            + (technology == null ? "" : "; system " + technology.code())
            + "; valid "
            + from
            + (created.validUntil() == null ? "" : " to " + created.validUntil()));
    return created;
  }

  /** Retired: it no longer matches new requests; disclosures that used it keep it. */
  @Transactional
  public StandingAuthorization retire(
      Actor actor, Kind kind, long id, RetireAuthorization command) {
    StandingAuthorization a = find(id);
    if (a.kind() != kind) {
      throw new NotFoundException(
          "There is no " + kind.label().toLowerCase(java.util.Locale.ROOT) + " " + id + ".");
    }
    policy.requireKeep(actor, a.kind());
    validation.check(command);
    String reason = command.reason();
    if (a.retiredAt() != null) {
      throw new ConflictException(a.reference() + " was retired on " + a.retiredAt() + ".");
    }
    a.retire(actor.username(), clock.now(), reason.strip());
    audit.record(
        actor.username(),
        a.kind().name() + "_RETIRED",
        "StandingAuthorization",
        a.id(),
        a.reference() + ": " + reason.strip());
    return a;
  }

  public StandingAuthorization find(long id) {
    StandingAuthorization a = em.find(StandingAuthorization.class, id);
    if (a == null) {
      throw new NotFoundException("There is no designation, pre-approval or agreement " + id + ".");
    }
    return a;
  }

  public Optional<StandingAuthorization> lookup(long id) {
    return Optional.ofNullable(em.find(StandingAuthorization.class, id));
  }

  /**
   * One kind's list, for those who may read it ({@link DisclosurePolicy#mayListAuthorizations}):
   * recipients and scopes of disclosures of personal data, so the read is audited.
   */
  @Transactional
  public List<StandingAuthorization> list(Actor actor, Kind kind) {
    policy.requireListAuthorizations(actor);
    List<StandingAuthorization> list = all(kind);
    audit.record(
        actor.username(),
        kind.name() + "S_LISTED",
        "StandingAuthorization",
        kind.name(),
        list.size() + " " + kind.label().toLowerCase(java.util.Locale.ROOT) + "(s)");
    return list;
  }

  private List<StandingAuthorization> all(Kind kind) {
    return em.createNamedQuery(StandingAuthorization.OF_KIND, StandingAuthorization.class)
        .setParameter("kind", kind)
        .getResultList();
  }

  /** The written agreement in force with the receiving agency for the system, if any. */
  public Optional<StandingAuthorization> agreementFor(
      StandingAuthorization.Request request, Instant at) {
    return all(Kind.AGENCY_AGREEMENT).stream()
        .filter(a -> a.activeAt(at) && a.covers(request))
        .findFirst();
  }

  /**
   * Why the named pre-approval or designation does not approve the request (empty when it does):
   * retired, expired, not yet valid, or a scope that does not cover recipient, purpose or data.
   */
  public List<String> whyNot(
      StandingAuthorization a, StandingAuthorization.Request request, Instant at) {
    List<String> reasons = new ArrayList<>();
    if (a.retiredAt() != null) {
      reasons.add(a.reference() + " was retired on " + a.retiredAt() + ".");
    } else if (at.isBefore(a.validFrom())) {
      reasons.add(a.reference() + " is not valid before " + a.validFrom() + ".");
    } else if (a.validUntil() != null && !at.isBefore(a.validUntil())) {
      reasons.add(a.reference() + " expired on " + a.validUntil() + ".");
    }
    if (!a.covers(request)) {
      List<String> outside = new ArrayList<>();
      if (!a.coversRecipient(request)) {
        outside.add("the recipient");
      }
      if (!a.coversPurpose(request)) {
        outside.add("the purpose " + request.purpose());
      }
      List<DataCategory> extra =
          request.dataCategories().stream().filter(c -> !a.dataCategories().contains(c)).toList();
      if (!a.coversData(request)) {
        outside.add("the data categories " + extra);
      }
      if (!a.coversSystem(request)) {
        outside.add("the system " + request.technology().code());
      }
      reasons.add(a.reference() + "'s scope does not cover " + String.join(", ", outside) + ".");
    }
    return reasons;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
