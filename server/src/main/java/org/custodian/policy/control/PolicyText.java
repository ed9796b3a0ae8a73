package org.custodian.policy.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.policy.entity.Section;
import org.custodian.policy.entity.SectionKey;

/**
 * Splits a published policy, as text (the NYPD's PDFs extracted to text, ../shared/seeds), into the
 * standard sections. A heading is a paragraph in capitals that names a section; paragraphs become
 * {@code <p>}, tab-separated rows a table. What precedes the abstract (title, summary of changes,
 * revision notes) is not a section and is left out; Markdown heading marks and rules are dropped.
 */
public final class PolicyText {

  private PolicyText() {}

  public static List<Section> parse(String text) {
    Map<SectionKey, StringBuilder> bodies = new EnumMap<>(SectionKey.class);
    SectionKey current = null;
    for (String paragraph : paragraphs(text)) {
      String plain =
          PolicyHtml.plainText(paragraph).replaceAll("\\s+", " ").replaceFirst("^#+ ", "").strip();
      if (plain.matches("-{3,}")) {
        continue; // a page break
      }
      if (isHeading(plain)) {
        SectionKey key = sectionOf(plain);
        if (key != null) {
          current = key;
          bodies.computeIfAbsent(key, k -> new StringBuilder());
          continue;
        }
        if (current != null) {
          bodies.get(current).append("<h4>").append(plain).append("</h4>");
        }
        continue;
      }
      if (current != null) {
        bodies.get(current).append(html(paragraph));
      }
    }
    List<Section> sections = new ArrayList<>();
    for (SectionKey key : SectionKey.values()) {
      StringBuilder body = bodies.get(key);
      sections.add(new Section(key, body == null ? "" : PolicyHtml.sanitize(body.toString())));
    }
    return sections;
  }

  /** Paragraphs are separated by blank lines; the PDFs' bold markers are dropped. */
  private static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.replace("\r\n", "\n").replace("**", "").split("\n", -1)) {
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          paragraphs.add(current.toString());
          current.setLength(0);
        }
        continue;
      }
      if (!current.isEmpty()) {
        current.append('\n');
      }
      current.append(line.stripTrailing());
    }
    if (!current.isEmpty()) {
      paragraphs.add(current.toString());
    }
    return paragraphs;
  }

  private static boolean isHeading(String plain) {
    return plain.length() < 120
        && plain.chars().anyMatch(Character::isLetter)
        && plain.equals(plain.toUpperCase());
  }

  static SectionKey sectionOf(String heading) {
    if (heading.contains("DISPARATE IMPACT")) {
      return SectionKey.DISPARATE_IMPACTS;
    }
    if (heading.startsWith("ABSTRACT")) {
      return SectionKey.ABSTRACT;
    }
    if (heading.contains("CAPABILITIES")) {
      return SectionKey.CAPABILITIES;
    }
    if (heading.contains("RULES, PROCESSES") || heading.endsWith("IMPACT & USE STATEMENT")) {
      return SectionKey.RULES;
    }
    if (heading.contains("SAFEGUARD")) {
      return SectionKey.SAFEGUARDS;
    }
    if (heading.contains("RETENTION, ACCESS")) {
      return SectionKey.RETENTION;
    }
    if (heading.contains("PUBLIC ACCESS")) {
      return SectionKey.PUBLIC_ACCESS;
    }
    if (heading.equals("EXTERNAL ENTITIES")) {
      return SectionKey.EXTERNAL_ENTITIES;
    }
    if (heading.equals("TRAINING")) {
      return SectionKey.TRAINING;
    }
    if (heading.contains("INTERNAL AUDIT")) {
      return SectionKey.AUDIT;
    }
    if (heading.contains("HEALTH & SAFETY")) {
      return SectionKey.HEALTH_AND_SAFETY;
    }
    return null;
  }

  /** A paragraph, or a table when its lines are tab-separated cells. */
  private static String html(String paragraph) {
    if (!paragraph.contains("\t")) {
      return "<p>" + paragraph.replace('\n', ' ') + "</p>";
    }
    StringBuilder table = new StringBuilder("<table>");
    for (String row : paragraph.split("\n")) {
      table.append("<tr>");
      for (String cell : row.split("\t")) {
        table.append("<td>").append(cell.strip()).append("</td>");
      }
      table.append("</tr>");
    }
    return table.append("</table>").toString();
  }
}
