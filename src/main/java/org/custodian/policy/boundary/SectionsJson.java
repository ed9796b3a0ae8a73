package org.custodian.policy.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.rest.JsonFields;
import org.custodian.policy.entity.SectionKey;

/**
 * Reads the {@code "sections"} member both the draft and the policy-load endpoints take, {@code
 * {"RULES": "<p>...</p>", ...}}: each name must be a section and each value text; a bad one is
 * rejected under its own field name ({@code sections.RULES}). The HTML is sanitized later, where it
 * is stored.
 */
final class SectionsJson {

  /** The most characters a section's HTML may have as sent, before sanitizing shrinks it. */
  static final int MAX_INPUT = 2_000_000;

  private static final String SECTIONS_ARE = "sections are " + List.of(SectionKey.values()) + ".";

  private SectionsJson() {}

  /**
   * The texts given, by section; empty when none. When {@code required}, a missing or empty object
   * is rejected as {@code sections}.
   */
  static Map<SectionKey, String> read(
      JsonObject body, JsonFields f, boolean required, int maxLength) {
    Map<SectionKey, String> sections = new EnumMap<>(SectionKey.class);
    JsonValue value = body.get("sections");
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      if (required
          || (value != null
              && value.getValueType() != JsonValue.ValueType.NULL
              && !(value instanceof JsonObject))) {
        f.reject(
            "sections",
            "sections must be an object of section texts, e.g. {\"RULES\": \"<p>...</p>\"}; "
                + SECTIONS_ARE);
      }
      return sections;
    }
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String field = "sections." + entry.getKey();
      SectionKey key = key(entry.getKey());
      if (key == null) {
        f.reject(field, entry.getKey() + " is not a section; " + SECTIONS_ARE);
      } else if (!(entry.getValue() instanceof JsonString text)) {
        f.reject(field, field + " must be text (HTML).");
      } else if (text.getString().length() > maxLength) {
        f.reject(field, field + " has more than " + maxLength + " characters.");
      } else {
        sections.put(key, text.getString());
      }
    }
    return sections;
  }

  private static SectionKey key(String name) {
    for (SectionKey key : SectionKey.values()) {
      if (key.name().equals(name)) {
        return key;
      }
    }
    return null;
  }
}
