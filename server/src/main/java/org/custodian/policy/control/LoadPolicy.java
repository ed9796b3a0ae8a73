package org.custodian.policy.control;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.platform.Rules;
import org.custodian.policy.entity.SectionKey;

/**
 * A published impact and use policy loaded by the administrator ({@code POST /api/policies}): its
 * code, title, label and publication, the technologies it covers, and its text, either whole
 * ({@code text}, split into its sections by their headings) or by section ({@code sections}, HTML).
 * Later versions come only from addenda.
 */
@Rules
public record LoadPolicy(
    @NotNull(message = "code is required.")
        @Pattern(
            regexp = "[A-Z0-9][A-Z0-9-]{0,19}",
            message = "code must be capital letters, digits and hyphens, e.g. DRONES.")
        String code,
    @NotBlank(message = "title is required.") @Size(max = 200) String title,
    @NotBlank(message = "label is required.") @Size(max = 300) String label,
    Instant publishedAt,
    @Size(max = 50) List<@NotBlank @Size(max = 40) String> technologies,
    @Size(max = LoadPolicy.MAX_TEXT) String text,
    Map<SectionKey, @NotNull @Size(max = LoadPolicy.MAX_TEXT) String> sections)
    implements Rules.Checked {

  /** The longest policy text accepted: a 50-page policy is about 150,000 characters. */
  public static final int MAX_TEXT = 2_000_000;

  /** The largest body the endpoint reads. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  @Override
  public void check(Rules.Violations v) {
    boolean hasText = text != null;
    boolean hasSections = sections != null && !sections.isEmpty();
    v.require(
        hasText != hasSections,
        "text",
        "Give either text (the policy as plain text) or sections, not both.");
  }
}
