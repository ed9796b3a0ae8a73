package org.custodian.platform;

import java.util.List;
import java.util.Objects;

/**
 * Bad input, naming each field at fault (400 problem document; a Faces message beside the field).
 */
public class InvalidInputException extends RuntimeException {

  public record FieldError(String field, String message) {
    public FieldError {
      Objects.requireNonNull(field, "field is required");
      Objects.requireNonNull(message, "message is required");
    }
  }

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super(errors.isEmpty() ? "Invalid input" : errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
