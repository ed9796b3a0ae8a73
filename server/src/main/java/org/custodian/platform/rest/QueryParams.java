package org.custodian.platform.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * A list's query parameters ({@code offset}, {@code limit}, {@code from}, ...), read as text so
 * that a bad one is a 400 naming it (JAX-RS would answer 404 for a number that does not parse).
 * Collects every error, then {@link #check()} throws them together.
 */
public final class QueryParams {

  private final List<FieldError> errors = new ArrayList<>();

  /** A whole number from min to max; null when absent. */
  public Integer number(String field, String value, int min, int max) {
    Long n = longNumber(field, value, min, max);
    return n == null ? null : n.intValue();
  }

  /** As {@link #number}, with a default when absent. */
  public int number(String field, String value, int min, int max, int otherwise) {
    Integer n = number(field, value, min, max);
    return n == null ? otherwise : n;
  }

  /** A whole number from min to max that may exceed an int (a tree size); null when absent. */
  public Long longNumber(String field, String value, long min, long max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long n = Long.parseLong(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, naming the field
    }
    errors.add(
        new FieldError(field, field + " must be a whole number from " + min + " to " + max + "."));
    return null;
  }

  /** An ISO-8601 date (2026-12-05) from 1900 to 9999; null when absent. */
  public java.time.LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      java.time.LocalDate date = java.time.LocalDate.parse(value.strip());
      if (date.getYear() >= 1900 && date.getYear() <= 9999) {
        return date;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below, naming the field
    }
    errors.add(new FieldError(field, field + " must be an ISO-8601 date, e.g. 2026-12-05."));
    return null;
  }

  /** A month, {@code 2026-11}; null when absent. */
  public java.time.YearMonth month(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.YearMonth.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      errors.add(new FieldError(field, field + " must be a month, e.g. 2026-11."));
      return null;
    }
  }

  /** An ISO-8601 instant from 1900 to 9999; null when absent. */
  public Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant = JsonCommands.instantOf(value);
    if (instant == null) {
      errors.add(
          new FieldError(
              field,
              field
                  + " must be an ISO-8601 instant from 1900 to 9999, e.g. 2026-11-22T14:00:00Z."));
    }
    return instant;
  }

  /** Text of at most max characters; null when absent. */
  public String text(String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, field + " must be at most " + max + " characters."));
      return null;
    }
    return value;
  }

  /** One of an enum's constants, case-insensitive; the default when absent. */
  public <E extends Enum<E>> E choice(String field, Class<E> type, String value, E otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    errors.add(
        new FieldError(
            field,
            field
                + " must be one of "
                + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
                + "."));
    return otherwise;
  }

  /** true or false; the default when absent. */
  public boolean flag(String field, String value, boolean otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    errors.add(new FieldError(field, field + " must be true or false."));
    return otherwise;
  }

  /** Reports a parameter that must be given. */
  public void required(String field) {
    errors.add(new FieldError(field, field + " is required."));
  }

  /** Throws every error found, if any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
