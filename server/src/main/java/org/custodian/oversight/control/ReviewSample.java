package org.custodian.oversight.control;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.custodian.oversight.entity.MisuseAuditItem;

/**
 * The form of "Audit your command's system use": a verdict for every event of the audit, by the
 * item's id, {@code {"items": {"12": {"verdict": "REVIEWED"}, "13": {"verdict": "QUESTIONABLE",
 * "note": "..."}}}}. A questionable event needs a note saying why.
 */
public record ReviewSample(
    @NotNull @Size(min = 1, max = 10_000)
        Map<
                @Pattern(regexp = "[1-9][0-9]{0,17}", message = "must be an item id") String,
                @NotNull @Valid Review>
            items) {

  /** One event's verdict. */
  public record Review(@NotNull MisuseAuditItem.Verdict verdict, @Size(max = 2000) String note) {}
}
