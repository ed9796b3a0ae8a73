package org.custodian.platform.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * Reads a request body field by field, collecting an error per field at fault (wrong type, unknown
 * enum value, too long, missing), so a 400 names every field, never a stack trace. Nested objects
 * and lists of objects are read with {@link #object} and {@link #objects}; their errors name the
 * path ({@code recipient.kind}, {@code subjects[1].name}). Call {@link #validate()} once all fields
 * are read.
 */
public final class JsonFields {

  /** Longest text any field accepts; longer input is refused before it reaches the database. */
  public static final int MAX_TEXT = 4_000;

  private final JsonObject body;
  private final String prefix;
  private final List<FieldError> errors;

  private JsonFields(JsonObject body, String prefix, List<FieldError> errors) {
    this.body = body;
    this.prefix = prefix;
    this.errors = errors;
  }

  public static JsonFields of(JsonObject body) {
    if (body == null) {
      throw new InvalidInputException("body", "A JSON object is required.");
    }
    return new JsonFields(body, "", new ArrayList<>());
  }

  private String name(String field) {
    return prefix + field;
  }

  /** The value, or null when absent or JSON null (an error if required). */
  private JsonValue value(String field, boolean required) {
    JsonValue value = body.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(name(field), name(field) + " is required."));
      }
      return null;
    }
    return value;
  }

  public String text(String field, boolean required) {
    return text(field, required, MAX_TEXT);
  }

  public String text(String field, boolean required, int maxLength) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonString string)) {
      errors.add(new FieldError(name(field), name(field) + " must be text."));
      return null;
    }
    String text = string.getString();
    if (text.length() > maxLength) {
      errors.add(
          new FieldError(
              name(field), name(field) + " must be at most " + maxLength + " characters."));
      return null;
    }
    if (required && text.isBlank()) {
      errors.add(new FieldError(name(field), name(field) + " is required."));
      return null;
    }
    return text;
  }

  public Long id(String field, boolean required) {
    JsonValue value = value(field, required);
    if (value == null) {
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
    errors.add(new FieldError(name(field), name(field) + " must be a positive whole number."));
    return null;
  }

  /**
   * A list of ids, e.g. commentIds: [12, 14], in the order given; an absent optional list is empty.
   * {@code what} names the ids in the message: "commentIds must be a list of comment ids."
   */
  public List<Long> ids(String field, boolean required, String what) {
    JsonValue value = value(field, required);
    if (value == null) {
      return required ? null : List.of();
    }
    if (!(value instanceof JsonArray array)
        || !array.stream()
            .allMatch(
                v ->
                    v instanceof JsonNumber n
                        && n.isIntegral()
                        && n.bigIntegerValue().signum() > 0
                        && n.bigIntegerValue().bitLength() < 64)) {
      errors.add(new FieldError(name(field), name(field) + " must be a list of " + what + "."));
      return null;
    }
    return array.stream().map(v -> ((JsonNumber) v).longValue()).toList();
  }

  /** A whole number between min and max. */
  public Integer integer(String field, boolean required, int min, int max) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral()) {
      try {
        long n = number.longValueExact();
        if (n >= min && n <= max) {
          return (int) n;
        }
      } catch (ArithmeticException tooLarge) {
        // falls through to the field error
      }
    }
    errors.add(
        new FieldError(
            name(field), name(field) + " must be a whole number from " + min + " to " + max + "."));
    return null;
  }

  /** A list of texts, e.g. roles: ["commanding-officer"]. */
  public Set<String> texts(String field, boolean required) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)
        || !array.stream()
            .allMatch(v -> v instanceof JsonString s && s.getString().length() <= 200)) {
      errors.add(new FieldError(name(field), name(field) + " must be a list of texts."));
      return null;
    }
    return array.stream().map(v -> ((JsonString) v).getString()).collect(Collectors.toSet());
  }

  /** A non-empty list of enum constants, e.g. dataCategories: ["NAME", "PHOTOGRAPH"]. */
  public <E extends Enum<E>> Set<E> choices(String field, Class<E> type, boolean required) {
    Set<String> names = texts(field, required);
    if (names == null) {
      return null;
    }
    if (names.isEmpty()) {
      if (required) {
        errors.add(new FieldError(name(field), name(field) + " needs at least one value."));
      }
      return required ? null : EnumSet.noneOf(type);
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    for (String n : names) {
      try {
        set.add(Enum.valueOf(type, n));
      } catch (IllegalArgumentException unknown) {
        errors.add(
            new FieldError(
                name(field),
                name(field)
                    + " must hold only "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                    + "; not "
                    + n
                    + "."));
        return null;
      }
    }
    return set;
  }

  /**
   * An object of texts, e.g. identifiers: {"licensePlate": "ABC1234"}; keys are checked against the
   * pattern.
   */
  public Map<String, String> textMap(
      String field, boolean required, String keyPattern, int maxLength) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldError(name(field), name(field) + " must be an object of texts."));
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String key = name(field) + "." + entry.getKey();
      if (!entry.getKey().matches(keyPattern)) {
        errors.add(new FieldError(key, key + " is not a known kind of identifier."));
      } else if (!(entry.getValue() instanceof JsonString s)
          || s.getString().isBlank()
          || s.getString().length() > maxLength) {
        errors.add(
            new FieldError(key, key + " must be text of 1 to " + maxLength + " characters."));
      } else {
        map.put(entry.getKey(), s.getString().strip());
      }
    }
    return map;
  }

  /** A nested object, read with the same rules; its errors are named {@code field.inner}. */
  public JsonFields object(String field, boolean required) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject object)) {
      errors.add(new FieldError(name(field), name(field) + " must be an object."));
      return null;
    }
    return new JsonFields(object, name(field) + ".", errors);
  }

  /** A list of objects; each one's errors are named {@code field[i].inner}. */
  public List<JsonFields> objects(String field, boolean required, int max) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonArray array)
        || !array.stream().allMatch(v -> v instanceof JsonObject)) {
      errors.add(new FieldError(name(field), name(field) + " must be a list of objects."));
      return null;
    }
    if ((required && array.isEmpty()) || array.size() > max) {
      errors.add(new FieldError(name(field), name(field) + " must hold 1 to " + max + " entries."));
      return null;
    }
    List<JsonFields> list = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      list.add(new JsonFields(array.getJsonObject(i), name(field) + "[" + i + "].", errors));
    }
    return list;
  }

  /** An ISO-8601 instant such as {@code 2026-11-22T14:00:00Z}. */
  public Instant instant(String field, boolean required) {
    String text = text(field, required);
    if (text == null) {
      return null;
    }
    Instant instant = instantOf(text);
    if (instant == null) {
      errors.add(new FieldError(name(field), instantMessage(name(field))));
    }
    return instant;
  }

  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  /**
   * An ISO-8601 instant from 1900 to 9999, else null: no event Custodian records is older, so an
   * earlier year is a typing mistake (a disclosure "in 0999" was stored as given), and MariaDB's
   * DATETIME ends with 9999. Each field checks its own sense on top (not in the future, ...).
   */
  public static Instant instantOf(String text) {
    try {
      Instant instant = Instant.parse(text.strip());
      return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static String instantMessage(String field) {
    return field + " must be an ISO-8601 instant from 1900 to 9999, e.g. 2026-11-22T14:00:00Z.";
  }

  public Boolean flag(String field, boolean required) {
    JsonValue value = value(field, required);
    if (value == null) {
      return null;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == JsonValue.ValueType.FALSE) {
      return false;
    }
    errors.add(new FieldError(name(field), name(field) + " must be true or false."));
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
              name(field),
              name(field)
                  + " must be one of "
                  + Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()
                  + "."));
      return null;
    }
  }

  public void reject(String field, String message) {
    errors.add(new FieldError(name(field), message));
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  public void validate() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
