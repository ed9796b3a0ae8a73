package org.custodian.disclosure.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form a name or identifier is searched in: "José O'Neil" and "jose o'neil" find each other; an
 * identifier keeps only its letters and digits ("ABC-1234" and "abc 1234" are one plate).
 *
 * <p>Normalizing can lengthen a text (the ligature "ﬃ" is "ffi"), so a key is cut at {@link #MAX}
 * characters, the width of its column: a stored key and the key searched for are cut alike, so a
 * search still finds by the start of a name.
 */
public final class SearchKeys {

  /** The width of the key columns (name_key, value_key, recipient_org_key). */
  public static final int MAX = 200;

  private SearchKeys() {}

  /** Lower case, accents removed, single spaces; letters of any script are kept. */
  public static String name(String name) {
    String decomposed =
        Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return cut(decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
  }

  public static String identifier(String value) {
    return cut(
        Normalizer.normalize(value, Normalizer.Form.NFKC)
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^\\p{L}\\p{N}]", ""));
  }

  /** An organization's name compared for matching agreements and scopes. */
  public static String organization(String organization) {
    return cut(
        name(organization).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip());
  }

  /** At most {@link #MAX} characters, never half of a surrogate pair. */
  private static String cut(String key) {
    if (key.length() <= MAX) {
      return key;
    }
    int end = Character.isHighSurrogate(key.charAt(MAX - 1)) ? MAX - 1 : MAX;
    return key.substring(0, end);
  }
}
