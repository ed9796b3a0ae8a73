package org.custodian.addendum.control;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.custodian.policy.entity.SectionKey;

/**
 * The author saves the text ({@code POST /api/addenda/{id}/drafts}, the draft screen): each section
 * given as HTML, {@code {"sections": {"RULES": "<p>...</p>"}}}; sections not given keep their text.
 * The HTML is sanitized where it is stored.
 */
public record SaveDraft(
    @NotEmpty(
            message =
                "sections must be an object of section texts, e.g. {\"RULES\": \"<p>...</p>\"}.")
        Map<SectionKey, @NotNull @Size(max = SaveDraft.MAX_INPUT) String> sections) {

  /** The most characters a section's HTML may have as sent, before sanitizing shrinks it. */
  public static final int MAX_INPUT = 2_000_000;

  /** The largest body the draft endpoint reads: every section at its longest, in UTF-8. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;
}
