package org.custodian.breach.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.platform.Rules;

/**
 * A suspected improper disclosure, as a member reports it ({@code POST /api/breaches}, the "Report
 * a breach" screen): what went to whom and when, how it came to light, which kinds of information,
 * who is affected, and the ledger entries it concerns (released disclosures the reporter may see).
 */
@Rules
public record ReportBreach(
    @NotBlank(message = "Say what happened.") @Size(max = 4000) String summary,
    @NotBlank(message = "Say to whom the information went.") @Size(max = 400) String disclosedTo,
    RecipientKind recipientKind,
    Instant disclosedAt,
    @NotBlank(message = "Say how it came to light.") @Size(max = 2000) String discoveredHow,
    @NotEmpty(message = "Choose the kinds of information disclosed.")
        Set<DataCategory> dataCategories,
    @NotNull(message = "Name the affected individuals or estimate how many they are (count).")
        @Valid
        AffectedIndividuals affectedIndividuals,
    @Size(max = 200) List<@NotNull @Positive Long> ledgerEntryIds)
    implements Rules.Checked {

  /** Who is affected: their number, and the names known so far. */
  public record AffectedIndividuals(
      @PositiveOrZero @Max(100_000_000) Integer count,
      @Size(max = BreachReport.MAX_PEOPLE) List<@NotBlank @Size(max = 200) String> names) {}

  @Override
  public void check(Rules.Violations v) {
    boolean someone =
        affectedIndividuals == null
            || (affectedIndividuals.count() != null && affectedIndividuals.count() > 0)
            || (affectedIndividuals.names() != null && !affectedIndividuals.names().isEmpty());
    v.require(
        someone,
        "affectedIndividuals",
        "Name the affected individuals or estimate how many they are (count).");
  }
}
