package org.custodian.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;
import org.junit.jupiter.api.Test;

class PolicyHtmlTest {

  @Test
  void aCommentKeepsItsWordsAndLineBreaksButNoMarkup() {
    assertEquals("Hello world", PolicyHtml.plainText("<b>Hello</b> <i>world</i>"));
    assertEquals("", PolicyHtml.plainText("<script>alert('x')</script>"));
    assertEquals(
        "Tom & Jerry < 3\nsecond line", PolicyHtml.plainText("Tom & Jerry < 3\nsecond line"));
    assertEquals(
        "click", PolicyHtml.plainText("<a href=\"javascript:alert(1)\" onclick=\"x()\">click</a>"));
  }

  @Test
  void policyTextKeepsStructureButNeverScripts() {
    String clean =
        PolicyHtml.sanitize(
            "<p onclick=\"x()\">One <strong>two</strong></p><script>alert(1)</script><img src=x onerror=y><ul><li>three</li></ul>");
    assertEquals("<p>One <strong>two</strong></p><ul><li>three</li></ul>", clean);
  }

  @Test
  void blocksAreParagraphsListItemsAndRows() {
    assertEquals(
        List.of("One", "a", "b", "x | y"),
        PolicyHtml.blocks(
            "<p>One</p><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>"));
    assertTrue(PolicyHtml.isBlank("<p><br></p>"));
  }

  @Test
  void theDiffMarksInsertedAndDeletedWordsPerSection() {
    List<Section> before =
        List.of(
            new Section(
                SectionKey.ABSTRACT, "<p>Cameras record images.</p><p>Kept <b>90</b> days.</p>"));
    List<Section> after =
        List.of(
            new Section(
                SectionKey.ABSTRACT,
                "<p>Cameras record images and sound.</p><p>Kept 90 days.</p><p>New use: <script>drones</script>.</p>"));
    List<PolicyDiff.SectionDiff> diffs = PolicyDiff.compare(before, after);
    assertEquals(SectionKey.values().length, diffs.size());
    PolicyDiff.SectionDiff abstractDiff = diffs.get(0);
    assertTrue(abstractDiff.changed());
    assertEquals(PolicyDiff.Change.CHANGED, abstractDiff.rows().get(0).change());
    assertTrue(
        abstractDiff.rows().get(0).after().contains("<ins>"), abstractDiff.rows().get(0).after());
    assertEquals(PolicyDiff.Change.UNCHANGED, abstractDiff.rows().get(1).change());
    assertEquals(PolicyDiff.Change.INSERTED, abstractDiff.rows().get(2).change());
    assertFalse(diffs.get(1).changed());
    assertEquals(1, PolicyDiff.changedOnly(diffs).size());
  }

  @Test
  void aCondensedComparisonFoldsLongUnchangedStretches() {
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      before.append("<p>Paragraph ").append(i).append(".</p>");
      after.append("<p>Paragraph ").append(i).append(i == 5 ? " changed" : "").append(".</p>");
    }
    PolicyDiff.SectionDiff diff =
        PolicyDiff.compare(
                List.of(new Section(SectionKey.RULES, before.toString())),
                List.of(new Section(SectionKey.RULES, after.toString())))
            .get(SectionKey.RULES.ordinal());
    List<PolicyDiff.Change> shown = diff.condensed().stream().map(PolicyDiff.Row::change).toList();
    assertEquals(
        List.of(
            PolicyDiff.Change.ELIDED,
            PolicyDiff.Change.UNCHANGED,
            PolicyDiff.Change.CHANGED,
            PolicyDiff.Change.UNCHANGED,
            PolicyDiff.Change.ELIDED),
        shown);
    assertTrue(diff.condensed().get(0).before().contains("4 unchanged paragraphs"));
    assertEquals(10, diff.rows().size(), "the full comparison keeps every row");
  }

  @Test
  void textIsEscapedBeforeItIsMarkedUp() {
    List<Section> before = List.of(new Section(SectionKey.ABSTRACT, "<p>a</p>"));
    List<Section> after = List.of(new Section(SectionKey.ABSTRACT, "<p>a &lt;script&gt;</p>"));
    String row = PolicyDiff.compare(before, after).get(0).rows().get(0).after();
    assertFalse(row.contains("<script>"), row);
  }
}
