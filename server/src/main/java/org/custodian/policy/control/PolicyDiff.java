package org.custodian.policy.control;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;

/**
 * Two texts of a policy side by side, section by section: java-diff-utils aligns the blocks
 * (paragraphs, list items, table rows) and marks the words deleted ({@code <del>}) and inserted
 * ({@code <ins>}) within a changed block. Text is HTML-escaped before it is marked up, so the
 * result is safe to render as is.
 */
public final class PolicyDiff {

  public enum Change {
    UNCHANGED,
    INSERTED,
    DELETED,
    CHANGED,
    /**
     * Unchanged blocks left out between changes ({@link SectionDiff#condensed}); the text says how
     * many.
     */
    ELIDED
  }

  /** Unchanged blocks shown around each change when a comparison is condensed. */
  public static final int CONTEXT = 1;

  /** One aligned pair of blocks; either side is empty where a block was inserted or deleted. */
  public record Row(Change change, String before, String after) implements java.io.Serializable {
    public String getChange() {
      return change.name();
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }
  }

  public record SectionDiff(SectionKey key, List<Row> rows) implements java.io.Serializable {
    public boolean changed() {
      return rows.stream().anyMatch(r -> r.change() != Change.UNCHANGED);
    }

    public long insertions() {
      return rows.stream()
          .filter(r -> r.change() == Change.INSERTED || r.change() == Change.CHANGED)
          .count();
    }

    public long deletions() {
      return rows.stream()
          .filter(r -> r.change() == Change.DELETED || r.change() == Change.CHANGED)
          .count();
    }

    public String getHeading() {
      return key.heading();
    }

    /**
     * The rows with long unchanged stretches folded: each change keeps {@link #CONTEXT} unchanged
     * block before and after it; what lies between becomes one ELIDED row.
     */
    public List<Row> condensed() {
      List<Row> shown = new ArrayList<>();
      int skipped = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (rows.get(i).change() != Change.UNCHANGED || nearChange(i)) {
          if (skipped > 0) {
            shown.add(elided(skipped));
            skipped = 0;
          }
          shown.add(rows.get(i));
        } else {
          skipped++;
        }
      }
      if (skipped > 0) {
        shown.add(elided(skipped));
      }
      return shown;
    }

    private boolean nearChange(int i) {
      for (int j = Math.max(0, i - CONTEXT); j <= Math.min(rows.size() - 1, i + CONTEXT); j++) {
        if (rows.get(j).change() != Change.UNCHANGED) {
          return true;
        }
      }
      return false;
    }

    private static Row elided(int count) {
      String text = "… " + count + " unchanged paragraph" + (count == 1 ? "" : "s") + " …";
      return new Row(Change.ELIDED, text, text);
    }

    public List<Row> getCondensed() {
      return condensed();
    }

    public boolean isChanged() {
      return changed();
    }

    public List<Row> getRows() {
      return rows;
    }
  }

  private PolicyDiff() {}

  private static DiffRowGenerator generator() {
    return DiffRowGenerator.create()
        .showInlineDiffs(true)
        .inlineDiffByWord(true)
        .mergeOriginalRevised(false)
        .oldTag(open -> open ? "<del>" : "</del>")
        .newTag(open -> open ? "<ins>" : "</ins>")
        .build();
  }

  public static List<SectionDiff> compare(List<Section> before, List<Section> after) {
    Map<SectionKey, String> old = byKey(before);
    Map<SectionKey, String> revised = byKey(after);
    DiffRowGenerator generator = generator();
    List<SectionDiff> diffs = new ArrayList<>();
    for (SectionKey key : SectionKey.values()) {
      List<String> a = PolicyHtml.blocks(old.getOrDefault(key, ""));
      List<String> b = PolicyHtml.blocks(revised.getOrDefault(key, ""));
      List<Row> rows = new ArrayList<>();
      for (DiffRow row : generator.generateDiffRows(a, b)) {
        rows.add(new Row(change(row.getTag()), row.getOldLine(), row.getNewLine()));
      }
      diffs.add(new SectionDiff(key, rows));
    }
    return diffs;
  }

  private static Change change(DiffRow.Tag tag) {
    return switch (tag) {
      case EQUAL -> Change.UNCHANGED;
      case INSERT -> Change.INSERTED;
      case DELETE -> Change.DELETED;
      case CHANGE -> Change.CHANGED;
    };
  }

  private static Map<SectionKey, String> byKey(List<Section> sections) {
    return sections.stream()
        .collect(Collectors.toMap(Section::key, Section::body, (x, y) -> x + y));
  }

  /** Only what changed: the sections with at least one change. */
  public static List<SectionDiff> changedOnly(List<SectionDiff> diffs) {
    return diffs.stream().filter(SectionDiff::changed).collect(Collectors.toList());
  }
}
