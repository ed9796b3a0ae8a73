package org.custodian.policy.control;

import java.util.List;

/**
 * One section of a comparison between two policy texts as the API shows it (a policy's versions, an
 * addendum against the text it amends).
 */
public record SectionDiffView(String key, String heading, boolean changed, List<RowView> rows) {

  /**
   * change: UNCHANGED, INSERTED, DELETED or CHANGED; before and after are HTML with &lt;del&gt; and
   * &lt;ins&gt; marks.
   */
  public record RowView(String change, String before, String after) {}

  public static List<SectionDiffView> of(List<PolicyDiff.SectionDiff> diffs) {
    return diffs.stream()
        .map(
            d ->
                new SectionDiffView(
                    d.key().name(),
                    d.key().heading(),
                    d.changed(),
                    d.rows().stream()
                        .map(r -> new RowView(r.change().name(), r.before(), r.after()))
                        .toList()))
        .toList();
  }
}
