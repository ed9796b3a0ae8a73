package org.custodian.disclosure.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchKeysTest {

  @Test
  void namesAndIdentifiersMatchHoweverTheyAreWritten() {
    assertEquals(SearchKeys.name("José  O'Neil "), SearchKeys.name("jose o'neil"));
    assertEquals(SearchKeys.identifier("ABC-1234"), SearchKeys.identifier("abc 1234"));
    assertEquals(
        SearchKeys.organization("Brooklyn D.A.'s Office"),
        SearchKeys.organization("brooklyn das office"));
  }

  /**
   * A 200-character name of ligatures normalizes to 600 characters; the key column holds 200, so a
   * valid filing would fail on insert.
   */
  @Test
  void aKeyFitsItsColumnEvenWhenNormalizingLengthensTheText() {
    String ligatures = "ﬃ".repeat(200);
    assertEquals(SearchKeys.MAX, SearchKeys.name(ligatures).length());
    assertEquals(SearchKeys.MAX, SearchKeys.identifier(ligatures).length());
    assertEquals(SearchKeys.MAX, SearchKeys.organization(ligatures).length());
    assertTrue(SearchKeys.name(ligatures + " Smith").startsWith(SearchKeys.name("ﬃ".repeat(60))));
  }

  @Test
  void aKeyIsNeverCutInsideASurrogatePair() {
    String key = SearchKeys.identifier("a".repeat(199) + "𝟘𝟘"); // mathematical digits: NFKC "00"
    assertEquals(SearchKeys.MAX, key.length());
    String letters = SearchKeys.name("a".repeat(199) + "𐐀𐐀"); // Deseret: two chars each
    assertTrue(letters.length() <= SearchKeys.MAX);
    assertTrue(!Character.isHighSurrogate(letters.charAt(letters.length() - 1)), letters);
  }
}
