package org.custodian.platform.rest;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * Reads a request body field by field, collecting an error per field at fault (wrong type,
 * unknown enum value, too long, missing), so a 400 names every field, never a stack trace.
 * Call {@link #validate()} once all fields are read.
 */
public final class JsonFields {

  /** Longest text any field accepts; longer input is refused before it reaches the database. */
  public static final int MAX_TEXT = 4_000;

  private final JsonObject body;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonFields(JsonObject body) {
    this.body = body;
  }

  public static JsonFields of(JsonObject body) {
    if (body == null) {
      throw new InvalidInputException("body", "A JSON object is required.");
    }
    return new JsonFields(body);
  }

  public String text(String field, boolean required) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, field + " is required."));
      }
      return null;
    }
    if (!(value instanceof JsonString string)) {
      errors.add(new FieldError(field, field + " must be text."));
      return null;
    }
    String text = string.getString();
    if (text.length() > MAX_TEXT) {
      errors.add(new FieldError(field, field + " must be at most " + MAX_TEXT + " characters."));
      return null;
    }
    if (required && text.isBlank()) {
      errors.add(new FieldError(field, field + " is required."));
      return null;
    }
    return text;
  }

  public Long id(String field, boolean required) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, field + " is required."));
      }
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        long id = number.longValueExact();
        if (id > 0) {
          return id;
        }
      } catch (ArithmeticException tooLarge) {
        // falls through to the field error
      }
    }
    errors.add(new FieldError(field, field + " must be a positive whole number."));
    return null;
  }

  /** A list of texts, e.g. roles: ["commanding-officer"]. */
  public java.util.Set<String> texts(String field, boolean required) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, field + " is required."));
      }
      return null;
    }
    if (!(value instanceof jakarta.json.JsonArray array)
        || !array.stream().allMatch(v -> v instanceof JsonString s && s.getString().length() <= 200)) {
      errors.add(new FieldError(field, field + " must be a list of texts."));
      return null;
    }
    return array.stream().map(v -> ((JsonString) v).getString()).collect(java.util.stream.Collectors.toSet());
  }

  /** An ISO-8601 instant such as {@code 2026-11-22T14:00:00Z}. */
  public java.time.Instant instant(String field, boolean required) {
    String text = text(field, required);
    if (text == null) {
      return null;
    }
    try {
      return java.time.Instant.parse(text);
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new FieldError(field, field + " must be an ISO-8601 instant, e.g. 2026-11-22T14:00:00Z."));
      return null;
    }
  }

  public Boolean flag(String field, boolean required) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, field + " is required."));
      }
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    errors.add(new FieldError(field, field + " must be true or false."));
    return null;
  }

  public <E extends Enum<E>> E choice(String field, Class<E> type, boolean required) {
    String text = text(field, required);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException unknown) {
      errors.add(
          new FieldError(
              field,
              field + " must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + "."));
      return null;
    }
  }

  public void reject(String field, String message) {
    errors.add(new FieldError(field, message));
  }

  public void validate() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
