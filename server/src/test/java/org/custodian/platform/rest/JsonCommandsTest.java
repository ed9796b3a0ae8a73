package org.custodian.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class JsonCommandsTest {

  public enum Kind {
    PROSECUTOR,
    VENDOR
  }

  public record Recipient(String name, Kind kind) {}

  public record Subject(String name, Map<String, String> identifiers) {}

  public record File(
      Long memberId,
      String purpose,
      Recipient recipient,
      List<Subject> subjects,
      Set<Kind> kinds,
      Instant at,
      LocalDate plannedFirstUse,
      Integer basis,
      Boolean active,
      Map<Kind, String> notes) {}

  public record Answer(List<Long> commentIds) {}

  @Test
  void idsKeepTheirOrderAndEveryDigit() {
    Answer a =
        JsonCommands.read(
            new ByteArrayInputStream(
                "{\"commentIds\": [14, 12, 9007199254740993]}".getBytes(StandardCharsets.UTF_8)),
            Answer.class,
            4096);
    assertEquals(List.of(14L, 12L, 9_007_199_254_740_993L), a.commentIds());
    for (String bad :
        new String[] {
          "\"12\"", "[\"12\"]", "[1.5]", "[12, null]", "[99999999999999999999]", "{\"id\": 1}"
        }) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () ->
                  JsonCommands.read(
                      new ByteArrayInputStream(
                          ("{\"commentIds\": " + bad + "}").getBytes(StandardCharsets.UTF_8)),
                      Answer.class,
                      4096),
              bad);
      assertTrue(e.errors().get(0).field().startsWith("commentIds"), bad + ": " + e.errors());
    }
  }

  private static File read(String json) {
    return JsonCommands.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), File.class, 4096);
  }

  private static InvalidInputException refused(String json) {
    return assertThrows(InvalidInputException.class, () -> read(json));
  }

  @Test
  void bindsEveryKindOfField() {
    File f =
        read(
            "{\"memberId\": 12, \"purpose\": \"court\", \"recipient\": {\"name\": \"DA\", \"kind\": \"PROSECUTOR\"},"
                + " \"subjects\": [{\"name\": \"Ana\", \"identifiers\": {\"nysid\": \"123\"}}], \"kinds\": [\"VENDOR\"],"
                + " \"at\": \"2026-11-22T14:00:00Z\", \"plannedFirstUse\": \"2027-06-01\", \"basis\": 3, \"active\": true,"
                + " \"notes\": {\"VENDOR\": \"x\"}}");
    assertEquals(12L, f.memberId());
    assertEquals(Kind.PROSECUTOR, f.recipient().kind());
    assertEquals("123", f.subjects().get(0).identifiers().get("nysid"));
    assertEquals(Set.of(Kind.VENDOR), f.kinds());
    assertEquals(Instant.parse("2026-11-22T14:00:00Z"), f.at());
    assertEquals(LocalDate.of(2027, 6, 1), f.plannedFirstUse());
    assertEquals("x", f.notes().get(Kind.VENDOR));
  }

  @Test
  void absentAndNullFieldsAreLeftToValidation() {
    File f = read("{\"purpose\": null}");
    assertEquals(null, f.purpose());
    assertEquals(null, f.memberId());
  }

  @Test
  void namesTheFieldOfAWrongType() {
    assertEquals("memberId", refused("{\"memberId\": \"x\"}").errors().get(0).field());
    assertEquals("memberId", refused("{\"memberId\": 1.5}").errors().get(0).field());
    assertEquals(
        "memberId", refused("{\"memberId\": 99999999999999999999999}").errors().get(0).field());
    assertEquals("purpose", refused("{\"purpose\": 5}").errors().get(0).field());
    assertEquals("purpose", refused("{\"purpose\": {}}").errors().get(0).field());
    assertEquals("active", refused("{\"active\": \"yes\"}").errors().get(0).field());
    assertEquals("basis", refused("{\"basis\": 4294967296}").errors().get(0).field());
  }

  @Test
  void namesNestedFieldsByTheirPath() {
    assertEquals(
        "recipient.kind",
        refused("{\"recipient\": {\"kind\": \"IMMIGRATION\"}}").errors().get(0).field());
    assertEquals(
        "subjects[1].name",
        refused("{\"subjects\": [{\"name\": \"a\"}, {\"name\": 7}]}").errors().get(0).field());
    assertEquals(
        "subjects[0].identifiers.nysid",
        refused("{\"subjects\": [{\"identifiers\": {\"nysid\": 5}}]}").errors().get(0).field());
    assertEquals("kinds[1]", refused("{\"kinds\": [\"VENDOR\", \"SPY\"]}").errors().get(0).field());
    assertEquals("notes.SPY", refused("{\"notes\": {\"SPY\": \"x\"}}").errors().get(0).field());
    assertEquals("subjects[0]", refused("{\"subjects\": [null]}").errors().get(0).field());
  }

  @Test
  void refusesAFieldTheCommandDoesNotHave() {
    InvalidInputException e = refused("{\"memberld\": 12}");
    assertEquals("memberld", e.errors().get(0).field());
    assertTrue(
        e.errors().get(0).message().contains("memberId"), "the message lists the fields it takes");
    assertEquals(
        "recipient.email",
        refused("{\"recipient\": {\"email\": \"a@b\"}}").errors().get(0).field());
  }

  @Test
  void refusesInstantsOutsideTheYearsCustodianRecords() {
    assertEquals("at", refused("{\"at\": \"0999-01-01T00:00:00Z\"}").errors().get(0).field());
    assertEquals("at", refused("{\"at\": \"yesterday\"}").errors().get(0).field());
    assertEquals(
        "plannedFirstUse",
        refused("{\"plannedFirstUse\": \"2027-13-01\"}").errors().get(0).field());
    assertEquals(
        "plannedFirstUse",
        refused("{\"plannedFirstUse\": \"+10000-01-01\"}").errors().get(0).field());
    assertEquals(
        "plannedFirstUse",
        refused("{\"plannedFirstUse\": \"1899-12-31\"}").errors().get(0).field());
  }

  /** JSON-B parses a time exactly as written; one the check let through must bind, not fail. */
  @Test
  void refusesATimeWithBlanksAroundIt() {
    assertEquals("at", refused("{\"at\": \" 2026-01-01T00:00:00Z\"}").errors().get(0).field());
    assertEquals("at", refused("{\"at\": \"2026-01-01T00:00:00Z \"}").errors().get(0).field());
    assertEquals(
        Instant.parse("2026-01-01T00:00:00Z"), read("{\"at\": \"2026-01-01T00:00:00Z\"}").at());
  }

  @Test
  void readsAnObjectAfterAnyAmountOfWhitespace() {
    assertEquals("x", read(" ".repeat(100) + "\n{\"purpose\": \"x\"}").purpose());
    assertEquals("body", refused(" ".repeat(100)).errors().get(0).field());
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    assertEquals("body", refused("").errors().get(0).field());
    assertEquals("body", refused("[1]").errors().get(0).field());
    assertEquals("body", refused("{\"memberId\": ").errors().get(0).field());
    assertEquals("body", refused("null").errors().get(0).field());
  }

  @Test
  void refusesDeepNestingBeforeBuildingIt() {
    String deep = "{\"purpose\": " + "[".repeat(3000) + "]".repeat(3000) + "}";
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                JsonCommands.read(
                    new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)),
                    File.class,
                    1_000_000));
    assertEquals("body", e.errors().get(0).field());
    assertTrue(e.getMessage().contains("deeper"));
  }

  @Test
  void refusesABodyLargerThanTheEndpointTakes() {
    String big = "{\"purpose\": \"" + "x".repeat(5000) + "\"}";
    InvalidInputException e = refused(big);
    assertEquals("body", e.errors().get(0).field());
    assertTrue(e.getMessage().contains("larger than 4 KiB"), e.getMessage());
  }
}
