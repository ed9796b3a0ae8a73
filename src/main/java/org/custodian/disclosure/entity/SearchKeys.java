package org.custodian.disclosure.entity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form a name or identifier is searched in: "José O'Neil" and "jose o'neil" find each other; an
 * identifier keeps only its letters and digits ("ABC-1234" and "abc 1234" are one plate).
 */
public final class SearchKeys {

  private SearchKeys() {}

  /** Lower case, accents removed, single spaces; letters of any script are kept. */
  public static String name(String name) {
    String decomposed =
        Normalizer.normalize(name.strip(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  public static String identifier(String value) {
    return Normalizer.normalize(value, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}]", "");
  }

  /** An organization's name compared for matching agreements and scopes. */
  public static String organization(String organization) {
    return name(organization).replaceAll("[^\\p{L}\\p{N} ]", "").replaceAll("\\s+", " ").strip();
  }
}
