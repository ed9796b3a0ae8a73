package org.custodian.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A long impact and use policy for the comparison benchmark: about {@code pages} pages of policy
 * prose (3,000 characters a page) in paragraphs of three to five sentences, spread evenly over the
 * 11 sections, and a revision of it that edits, inserts and deletes a share of the paragraphs, as
 * an addendum would. Deterministic for a given seed; plain sentences (no markup, quotes or
 * ampersands), so the sanitizer keeps the HTML as written.
 */
final class LargePolicyText {

  static final int CHARS_PER_PAGE = 3_000;

  /** SectionKey's names, in its order. */
  static final List<String> SECTIONS =
      List.of(
          "ABSTRACT",
          "CAPABILITIES",
          "RULES",
          "SAFEGUARDS",
          "RETENTION",
          "PUBLIC_ACCESS",
          "EXTERNAL_ENTITIES",
          "TRAINING",
          "AUDIT",
          "HEALTH_AND_SAFETY",
          "DISPARATE_IMPACTS");

  private static final String[] SUBJECTS = {
    "Authorized NYPD personnel",
    "Members of the service",
    "The Information Technology Bureau",
    "Supervisors at the rank of sergeant or above",
    "The Legal Bureau",
    "Commanding officers",
    "The Risk Management Bureau",
    "Designated system administrators",
    "The Internal Affairs Bureau",
    "Vendors under contract with the NYPD",
    "Investigators assigned to the case",
    "The Office of the Deputy Commissioner for Legal Matters",
    "The Data Protection Officer",
    "Precinct integrity control officers",
    "Analysts in the Intelligence Bureau",
    "The Chief of Detectives"
  };

  private static final String[] VERBS = {
    "must document",
    "may access",
    "are required to review",
    "shall not disclose",
    "periodically audit",
    "retain",
    "are responsible for verifying",
    "may request",
    "must report",
    "maintain",
    "may share",
    "must approve",
    "restrict access to",
    "are trained to recognize",
    "log every request for",
    "evaluate"
  };

  private static final String[] OBJECTS = {
    "records stored in the electronic record management system",
    "information obtained from commercial record sources",
    "the audit trail of every search",
    "data shared with other government agencies",
    "photographs and video images connected to an investigation",
    "personally identifying information",
    "the results of each query",
    "the access logs of the system",
    "case files and their attachments",
    "the justification entered for each request",
    "location information associated with a record",
    "the credentials issued to each user",
    "reports of suspected misuse",
    "records of arrests that were sealed",
    "information about individuals who are not suspects",
    "data received from a vendor under contract"
  };

  private static final String[] QUALIFIERS = {
    "in accordance with the Patrol Guide",
    "consistent with federal, state, and local record retention laws",
    "only for a legitimate law enforcement purpose",
    "before the end of each tour",
    "within thirty days of the request",
    "under the supervision of a commanding officer",
    "when job duties no longer require access",
    "subject to the approval of the Legal Bureau",
    "pursuant to a subpoena, court order, or other legal process",
    "as described in this impact and use policy",
    "in compliance with the Identifying Information Law",
    "after a review by the Risk Management Bureau",
    "at least once each calendar year",
    "with the written approval of a supervisor",
    "in the manner set out in Administrative Guide procedures",
    "without regard to race, color, religion, or national origin"
  };

  private static final String[] OPENERS = {
    "",
    "",
    "",
    "",
    "In addition, ",
    "Where appropriate, ",
    "As a rule, ",
    "Under this policy, ",
    "When practicable, ",
    "In every case, "
  };

  /** A text and its revision, paragraph by paragraph, with what the revision did. */
  record Revision(
      Map<String, List<String>> before,
      Map<String, List<String>> after,
      int edited,
      int inserted,
      int deleted) {}

  private final Random random;

  LargePolicyText(long seed) {
    this.random = new Random(seed);
  }

  /** About {@code pages} pages of text: section name to its paragraphs. */
  Map<String, List<String>> write(int pages) {
    int perSection = pages * CHARS_PER_PAGE / SECTIONS.size();
    Map<String, List<String>> text = new LinkedHashMap<>();
    for (String section : SECTIONS) {
      List<String> paragraphs = new ArrayList<>();
      int length = 0;
      while (length < perSection) {
        String p = paragraph();
        paragraphs.add(p);
        length += p.length();
      }
      text.put(section, paragraphs);
    }
    return text;
  }

  /**
   * The next version: each paragraph is edited (a phrase or a sentence replaced, or a sentence
   * added) with probability {@code edit}, deleted with {@code delete}, and followed by a new
   * paragraph with {@code insert}.
   */
  Revision revise(Map<String, List<String>> before, double edit, double insert, double delete) {
    Map<String, List<String>> after = new LinkedHashMap<>();
    int edited = 0;
    int inserted = 0;
    int deleted = 0;
    for (Map.Entry<String, List<String>> section : before.entrySet()) {
      List<String> paragraphs = new ArrayList<>();
      for (String p : section.getValue()) {
        double roll = random.nextDouble();
        if (roll < delete) {
          deleted++;
        } else if (roll < delete + edit) {
          paragraphs.add(edit(p));
          edited++;
        } else {
          paragraphs.add(p);
        }
        if (random.nextDouble() < insert) {
          paragraphs.add(paragraph());
          inserted++;
        }
      }
      after.put(section.getKey(), paragraphs);
    }
    return new Revision(before, after, edited, inserted, deleted);
  }

  private String edit(String paragraph) {
    List<String> sentences = new ArrayList<>(List.of(paragraph.split("(?<=\\.) ")));
    int i = random.nextInt(sentences.size());
    switch (random.nextInt(3)) {
      case 0 -> { // a few words: the sentence's qualifier
        String s = sentences.get(i);
        for (String q : QUALIFIERS) {
          if (s.contains(q)) {
            String other = q;
            while (other.equals(q)) {
              other = pick(QUALIFIERS);
            }
            sentences.set(i, s.replace(q, other));
            break;
          }
        }
      }
      case 1 -> sentences.set(i, sentence()); // a sentence rewritten
      default -> sentences.add(i + 1, sentence()); // a sentence added
    }
    return String.join(" ", sentences);
  }

  private String paragraph() {
    int n = 3 + random.nextInt(3);
    StringBuilder p = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        p.append(' ');
      }
      p.append(sentence());
    }
    return p.toString();
  }

  private String sentence() {
    String opener = pick(OPENERS);
    String subject = pick(SUBJECTS);
    if (!opener.isEmpty() && !subject.startsWith("The ")) {
      subject = Character.toLowerCase(subject.charAt(0)) + subject.substring(1);
    } else if (!opener.isEmpty()) {
      subject = "the" + subject.substring(3);
    }
    return opener
        + subject
        + " "
        + pick(VERBS)
        + " "
        + pick(OBJECTS)
        + " "
        + pick(QUALIFIERS)
        + ".";
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  /** A section's HTML as the editor would save it: one {@code <p>} per paragraph. */
  static String html(List<String> paragraphs) {
    StringBuilder html = new StringBuilder();
    for (String p : paragraphs) {
      html.append("<p>").append(p).append("</p>");
    }
    return html.toString();
  }

  static long chars(Map<String, List<String>> text) {
    return text.values().stream().flatMap(List::stream).mapToLong(String::length).sum();
  }

  static int paragraphs(Map<String, List<String>> text) {
    return text.values().stream().mapToInt(List::size).sum();
  }
}
