package org.custodian.disclosure.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.PurposeCategory;
import org.custodian.disclosure.entity.RecipientKind;

/**
 * A new routine designation, City CPO pre-approval or agency agreement ({@code POST
 * /api/routine-designations}, {@code .../pre-approvals}, {@code .../agency-agreements}, the
 * "Designations and agreements" screen): its scope and validity. Which fields a kind needs is
 * checked by {@link StandingAuthorizations#create}.
 */
public record DraftAuthorization(
    @NotBlank(message = "title is required.") @Size(max = 200) String title,
    @Size(max = 4000) String description,
    Set<RecipientKind> recipientKinds,
    @Size(max = 200) String recipientOrganization,
    Set<PurposeCategory> purposeCategories,
    Set<DataCategory> dataCategories,
    @Size(max = 40) String technology,
    Instant validFrom,
    Instant validUntil) {}
