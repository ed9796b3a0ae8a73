package org.custodian.policy.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every seeded policy splits into the eleven standard sections, each with its own text. */
class PolicyTextTest {

  @ParameterizedTest
  @ValueSource(strings = {"cms-2021", "cms-2026", "erms-2026", "ped-2021", "camera-2026"})
  void everySeedHasEveryStandardSection(String name) {
    List<Section> sections = PolicyText.parse(DemoPolicies.read("policies/" + name + ".txt"));
    assertEquals(SectionKey.values().length, sections.size());
    for (Section section : sections) {
      assertFalse(PolicyHtml.isBlank(section.body()), name + ": " + section.key() + " is empty");
      assertFalse(section.body().contains("**"), "bold markers are dropped");
    }
    String rules = sections.get(SectionKey.RULES.ordinal()).body();
    assertTrue(
        rules.contains("Public Oversight of Surveillance Technology Act"),
        name + ": the addendum obligation is in the rules");
    String abstractText = sections.get(SectionKey.ABSTRACT.ordinal()).body();
    assertFalse(abstractText.contains("SUMMARY OF CHANGES"), "the preamble is not a section");
    String external = sections.get(SectionKey.EXTERNAL_ENTITIES.ordinal()).body();
    assertTrue(
        external.toLowerCase().contains("privacy officer"),
        name + ": external entities name the privacy officer");
  }
}
