package org.custodian.tlog;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON answers of the audit API that carry proofs, as an auditor saved them: the only
 * part of the verifier that needs more than the JDK (JSON-P, which the runnable jar carries). The
 * server, which uses this module as a library, never loads it.
 */
final class ProofAnswers {

  private ProofAnswers() {}

  /**
   * {@code GET /api/audit/entries/{seq}?treeSize=N}: {@code {"seq", "treeSize", "at", "actor",
   * "action", "objectType", "objectId", "details", "leaf": base64, "proof": [base64, ...]}}.
   *
   * @throws IllegalArgumentException when the text is not such an answer
   */
  static ProofCheck.EntryAnswer entry(String json) {
    JsonObject answer = object(json, "GET /api/audit/entries/{seq}");
    return new ProofCheck.EntryAnswer(
        number(answer, "seq"),
        number(answer, "treeSize"),
        string(answer, "at"),
        string(answer, "actor"),
        string(answer, "action"),
        string(answer, "objectType"),
        string(answer, "objectId"),
        string(answer, "details"),
        base64("leaf", answer.get("leaf")),
        hashes(answer));
  }

  /**
   * {@code GET /api/audit/consistency?from=M&to=N}: {@code {"from", "to", "proof": [base64, ...]}}.
   *
   * @throws IllegalArgumentException when the text is not such an answer
   */
  static ProofCheck.ConsistencyAnswer consistency(String json) {
    JsonObject answer = object(json, "GET /api/audit/consistency");
    return new ProofCheck.ConsistencyAnswer(
        number(answer, "from"), number(answer, "to"), hashes(answer));
  }

  /** Refuses a key given twice: the file must say one thing, the thing that is checked. */
  private static final JsonReaderFactory READERS =
      Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

  /** The one JSON object the text holds; a key given twice, or anything after it, is refused. */
  private static JsonObject object(String json, String request) {
    try {
      // the reader stops after the first value: the parser looks for anything after it
      try (JsonParser parser = Json.createParser(new StringReader(json))) {
        if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
          throw new IllegalArgumentException("not a JSON object, as " + request + " answers");
        }
        parser.skipObject();
        if (parser.hasNext()) {
          throw new IllegalArgumentException("not JSON: more than one value");
        }
      }
      try (JsonReader reader = READERS.createReader(new StringReader(json))) {
        return reader.readObject();
      }
    } catch (JsonException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static long number(JsonObject answer, String field) {
    if (!(answer.get(field) instanceof JsonNumber number) || !number.isIntegral()) {
      throw new IllegalArgumentException("\"" + field + "\" is not a whole number");
    }
    try {
      return number.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + field + "\" is too large", e);
    }
  }

  /** A string, or null for JSON null. */
  private static String string(JsonObject answer, String field) {
    JsonValue value = answer.get(field);
    if (value instanceof JsonString string) {
      return string.getString();
    }
    if (value != null && value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    throw new IllegalArgumentException("\"" + field + "\" is not a string");
  }

  private static byte[] base64(String field, JsonValue value) {
    if (!(value instanceof JsonString string)) {
      throw new IllegalArgumentException("\"" + field + "\" is not a base64 string");
    }
    try {
      return Base64.getDecoder().decode(string.getString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + field + "\" is not base64: " + e.getMessage(), e);
    }
  }

  private static List<byte[]> hashes(JsonObject answer) {
    if (!(answer.get("proof") instanceof JsonArray proof)) {
      throw new IllegalArgumentException("\"proof\" is not a list of base64 hashes");
    }
    List<byte[]> hashes = new ArrayList<>();
    for (int i = 0; i < proof.size(); i++) {
      hashes.add(base64("proof[" + i + "]", proof.get(i)));
    }
    return hashes;
  }
}
