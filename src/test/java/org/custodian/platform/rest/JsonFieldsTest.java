package org.custodian.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.custodian.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class JsonFieldsTest {

  private static JsonFields fields(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject body = reader.readObject();
      return JsonFields.of(body);
    }
  }

  private static String rejected(JsonFields f) {
    InvalidInputException e = assertThrows(InvalidInputException.class, f::validate);
    return e.errors().get(0).field() + ": " + e.errors().get(0).message();
  }

  @Test
  void idsKeepTheirOrder() {
    JsonFields f = fields("{\"commentIds\": [14, 12, 9007199254740993]}");
    assertEquals(
        List.of(14L, 12L, 9_007_199_254_740_993L), f.ids("commentIds", true, "comment ids"));
    f.validate();
  }

  @Test
  void anAbsentOptionalListIsEmptyAndARequiredOneIsNamed() {
    assertEquals(List.of(), fields("{}").ids("ledgerEntryIds", false, "disclosure ids"));
    assertEquals(
        List.of(),
        fields("{\"ledgerEntryIds\": null}").ids("ledgerEntryIds", false, "disclosure ids"));
    JsonFields f = fields("{}");
    assertNull(f.ids("commentIds", true, "comment ids"));
    assertEquals("commentIds: commentIds is required.", rejected(f));
  }

  @Test
  void anythingButPositiveWholeNumbersIsRejectedByName() {
    for (String bad :
        new String[] {
          "\"12\"",
          "[\"12\"]",
          "[1.5]",
          "[0]",
          "[-3]",
          "[12, null]",
          "[99999999999999999999]",
          "{\"id\": 1}"
        }) {
      JsonFields f = fields("{\"commentIds\": " + bad + "}");
      assertNull(f.ids("commentIds", true, "comment ids"), bad);
      assertEquals("commentIds: commentIds must be a list of comment ids.", rejected(f), bad);
    }
  }

  @Test
  void instantsAreIso8601From1900To9999() {
    assertEquals(
        java.time.Instant.parse("2026-11-22T14:00:00Z"),
        fields("{\"at\": \" 2026-11-22T14:00:00Z \"}").instant("at", true));
    for (String bad :
        new String[] {
          "yesterday",
          "2026-11-22",
          "0999-12-31T00:00:00Z",
          "1899-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z"
        }) {
      JsonFields f = fields("{\"at\": \"" + bad + "\"}");
      assertNull(f.instant("at", true), bad);
      assertEquals(
          "at: at must be an ISO-8601 instant from 1900 to 9999, e.g. 2026-11-22T14:00:00Z.",
          rejected(f),
          bad);
    }
  }
}
