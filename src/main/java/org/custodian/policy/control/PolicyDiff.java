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
    CHANGED
  }

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
      return rows.stream().filter(r -> r.change() == Change.INSERTED || r.change() == Change.CHANGED).count();
    }

    public long deletions() {
      return rows.stream().filter(r -> r.change() == Change.DELETED || r.change() == Change.CHANGED).count();
    }

    public String getHeading() {
      return key.heading();
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
    return sections.stream().collect(Collectors.toMap(Section::key, Section::body, (x, y) -> x + y));
  }

  /** Only what changed: the sections with at least one change. */
  public static List<SectionDiff> changedOnly(List<SectionDiff> diffs) {
    return diffs.stream().filter(SectionDiff::changed).collect(Collectors.toList());
  }
}
