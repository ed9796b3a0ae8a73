package org.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * Checks a typed command (a request body or a task's form, whichever door it came through) with
 * Jakarta Bean Validation, and turns every violation into a {@link FieldError} that names the field
 * as the caller wrote it: {@code justification}, {@code recipient.kind}, {@code subjects[1].name}.
 * Control services call it once they know the actor may act at all, so a refusal is a 403 whatever
 * the body holds.
 */
@ApplicationScoped
public class Validation {

  @Inject Validator validator;

  /** The command itself when every constraint holds; otherwise a 400 naming each field at fault. */
  public <T> T check(T command) {
    if (command == null) {
      throw new InvalidInputException("body", "The request is empty.");
    }
    Set<ConstraintViolation<T>> violations = validator.validate(command);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(errors(violations));
    }
    return command;
  }

  /** The violations as field errors, in the order of their fields. */
  public static List<FieldError> errors(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> error(field(v.getPropertyPath()), v.getMessage()))
        .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
        .toList();
  }

  /**
   * A message that starts in lower case ("must not be blank", Bean Validation's own) is prefixed
   * with the field, so it reads on its own: "justification must not be blank".
   */
  static FieldError error(String field, String message) {
    String name = field.isEmpty() ? "body" : field;
    boolean bare = !message.isEmpty() && Character.isLowerCase(message.charAt(0));
    return new FieldError(name, bare ? name + " " + message : message);
  }

  /**
   * The path as JSON would spell it: property names joined by dots, list positions in brackets, map
   * keys after a dot. The method and parameter of a validated call are left out.
   */
  static String field(Path path) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : path) {
      ElementKind kind = node.getKind();
      if (kind == ElementKind.METHOD
          || kind == ElementKind.CONSTRUCTOR
          || kind == ElementKind.PARAMETER
          || kind == ElementKind.CROSS_PARAMETER
          || kind == ElementKind.RETURN_VALUE
          || kind == ElementKind.BEAN) {
        continue;
      }
      if (node.isInIterable()) {
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        } else if (node.getKey() != null) {
          field.append('.').append(node.getKey());
        }
      }
      if (kind == ElementKind.PROPERTY && node.getName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return field.toString();
  }
}
