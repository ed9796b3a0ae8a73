package org.custodian.platform.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.StorableInstants;

/**
 * Reads a JSON request body into a command record, refusing what it cannot read with a 400 that
 * names the field: too large, not JSON, nested deeper than {@link #MAX_DEPTH}, a field the command
 * does not have, or a value of the wrong type (text where a number belongs, a fraction or a number
 * too large for an id, an unknown enum constant, an instant that does not parse). Only then does
 * JSON-B bind it, so binding never guesses ({@code 1.5} is not quietly the id 1, {@code 1e30} does
 * not wrap around). Null and absent fields are left to Bean Validation ({@code @NotNull}).
 */
public final class JsonCommands {

  /** Deeper than any command (a disclosure's subjects' identifiers are three levels down). */
  public static final int MAX_DEPTH = 16;

  /** The largest JSON body an endpoint takes unless it says otherwise ({@link MaxBytes}). */
  public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

  private static final Jsonb JSONB = JsonbBuilder.create();

  /**
   * Looked up once: {@code Json.createParser} asks the service loader for a provider on every call,
   * a class-path scan that cost more than the rest of reading a request body.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonCommands() {}

  /** The body as a {@code type} command, or a 400 naming what is wrong. */
  public static <T> T read(InputStream body, Class<T> type, long maxBytes) {
    byte[] bytes = bytes(body, maxBytes);
    JsonValue json = parse(bytes);
    if (!(json instanceof JsonObject)) {
      throw new InvalidInputException("body", "The request body must be a JSON object.");
    }
    List<FieldError> errors = new ArrayList<>();
    new Shape(errors).value(json, type, "");
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    try {
      return JSONB.fromJson(json.toString(), type);
    } catch (JsonbException e) {
      // the shape check lets through only what binds; this is a command type it does not know
      throw new IllegalStateException(
          "Cannot bind " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(InputStream body, long maxBytes) {
    try {
      byte[] bytes =
          body == null
              ? new byte[0]
              : body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new InvalidInputException(
            "body", "The request body is larger than " + size(maxBytes) + ".");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String size(long bytes) {
    return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MiB" : bytes / 1024 + " KiB";
  }

  /** The JSON value, after a streaming pass has checked its depth (the tree is built only then). */
  private static JsonValue parse(byte[] bytes) {
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      throw new InvalidInputException("body", "A JSON object is required.");
    }
    try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(bytes))) {
      int depth = 0;
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
          if (++depth > MAX_DEPTH) {
            throw new InvalidInputException(
                "body", "The request body nests deeper than " + MAX_DEPTH + " levels.");
          }
        } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          depth--;
        }
      }
    } catch (JsonParsingException e) {
      throw new InvalidInputException(
          "body",
          "The request body is not valid JSON (line "
              + e.getLocation().getLineNumber()
              + ", column "
              + e.getLocation().getColumnNumber()
              + ").");
    } catch (JsonException e) {
      throw new InvalidInputException("body", "The request body is not valid JSON.");
    }
    try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(bytes))) {
      return reader.readValue();
    } catch (JsonException e) {
      throw new InvalidInputException("body", "The request body is not valid JSON.");
    }
  }

  /** Checks a JSON value against the Java type it is to become, collecting an error per field. */
  private record Shape(List<FieldError> errors) {

    void value(JsonValue value, Type type, String field) {
      Class<?> raw = raw(type);
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        if (raw.isPrimitive()) {
          fail(field, "must not be null");
        }
        return;
      }
      if (raw.isRecord()) {
        if (value instanceof JsonObject object) {
          record(object, raw, field);
        } else {
          fail(field, field.isEmpty() ? "must be a JSON object" : "must be an object");
        }
      } else if (raw == String.class) {
        require(value instanceof JsonString, field, "must be text");
      } else if (raw == Long.class || raw == long.class) {
        require(whole(value, 63), field, "must be a whole number");
      } else if (raw == Integer.class || raw == int.class) {
        require(
            whole(value, 31),
            field,
            "must be a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      } else if (raw == Boolean.class || raw == boolean.class) {
        require(
            value == JsonValue.TRUE || value == JsonValue.FALSE, field, "must be true or false");
      } else if (raw.isEnum()) {
        require(
            value instanceof JsonString s && constant(raw, s.getString()),
            field,
            "must be one of " + constants(raw));
      } else if (raw == Instant.class) {
        require(
            value instanceof JsonString s && instant(s.getString()),
            field,
            "must be an ISO-8601 instant from 1900 to 9999, e.g. 2026-11-22T14:00:00Z");
      } else if (raw == LocalDate.class) {
        require(
            value instanceof JsonString s && date(s.getString()),
            field,
            "must be a date, e.g. 2027-06-01");
      } else if (Collection.class.isAssignableFrom(raw)) {
        if (value instanceof JsonArray array) {
          Type element = argument(type, 0);
          for (int i = 0; i < array.size(); i++) {
            String item = field + "[" + i + "]";
            if (array.isNull(i)) {
              fail(item, "must not be null");
            } else {
              value(array.get(i), element, item);
            }
          }
        } else {
          fail(field, "must be a list");
        }
      } else if (Map.class.isAssignableFrom(raw)) {
        if (value instanceof JsonObject object) {
          Class<?> key = raw(argument(type, 0));
          Type element = argument(type, 1);
          for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String item = (field.isEmpty() ? "" : field + ".") + entry.getKey();
            if (key.isEnum() && !constant(key, entry.getKey())) {
              fail(item, "is not one of " + constants(key));
            } else if (key != String.class && !key.isEnum()) {
              throw new IllegalStateException(
                  "Map keys of commands are text or enum constants: " + type);
            } else if (entry.getValue().getValueType() == JsonValue.ValueType.NULL) {
              fail(item, "must not be null");
            } else {
              value(entry.getValue(), element, item);
            }
          }
        } else {
          fail(field, "must be an object");
        }
      } else {
        throw new IllegalStateException(
            "A command field of type " + type + " cannot be read from JSON");
      }
    }

    private void record(JsonObject object, Class<?> type, String field) {
      RecordComponent[] components = type.getRecordComponents();
      List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
      String prefix = field.isEmpty() ? "" : field + ".";
      for (String key : object.keySet()) {
        if (!names.contains(key)) {
          fail(prefix + key, "is not a field of this request; it takes " + names);
        }
      }
      for (RecordComponent component : components) {
        JsonValue value = object.get(component.getName());
        if (value != null) {
          value(value, component.getGenericType(), prefix + component.getName());
        } else if (component.getType().isPrimitive()) {
          fail(prefix + component.getName(), "is required");
        }
      }
    }

    private void require(boolean holds, String field, String message) {
      if (!holds) {
        fail(field, message);
      }
    }

    private void fail(String field, String message) {
      String name = field.isEmpty() ? "body" : field;
      errors.add(new FieldError(name, name + " " + message + "."));
    }

    private static boolean whole(JsonValue value, int bits) {
      if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
        return false;
      }
      BigInteger n = number.bigDecimalValue().toBigIntegerExact();
      return n.bitLength() <= bits;
    }

    private static boolean constant(Class<?> type, String name) {
      return Arrays.stream(type.getEnumConstants())
          .anyMatch(c -> ((Enum<?>) c).name().equals(name));
    }

    private static List<String> constants(Class<?> type) {
      return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
    }

    /** What JSON-B binds: no blanks around it (it parses without stripping), 1900 to 9999. */
    private static boolean instant(String text) {
      return text.equals(text.strip()) && instantOf(text) != null;
    }

    /** An ISO-8601 date from 1900 to 9999 (MariaDB's DATE ends with 9999). */
    private static boolean date(String text) {
      try {
        int year = LocalDate.parse(text).getYear();
        return year >= 1900 && year <= 9999;
      } catch (DateTimeParseException e) {
        return false;
      }
    }

    private static Class<?> raw(Type type) {
      if (type instanceof Class<?> c) {
        return c;
      }
      if (type instanceof ParameterizedType p) {
        return (Class<?>) p.getRawType();
      }
      throw new IllegalStateException(
          "A command field of type " + type + " cannot be read from JSON");
    }

    private static Type argument(Type type, int index) {
      if (type instanceof ParameterizedType p) {
        return p.getActualTypeArguments()[index];
      }
      throw new IllegalStateException("A command's collection needs its element type: " + type);
    }
  }

  /**
   * An ISO-8601 instant from 1900 to 9999, else null: no event Custodian records is older, so an
   * earlier year is a typing mistake, and MariaDB's DATETIME ends with 9999. Each field checks its
   * own sense on top (not in the future, ...).
   */
  public static Instant instantOf(String text) {
    try {
      Instant instant = Instant.parse(text.strip());
      return StorableInstants.storable(instant) ? instant : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
