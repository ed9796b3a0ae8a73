package org.custodian.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * A Bean Validation constraint for a command whose rules span fields ("a rejection needs its
 * reason"): the command implements {@link Checked} and says, field by field, what must hold. Each
 * broken rule is a violation of the field it names, so the screen shows it beside that field and
 * the API names it, like any other constraint.
 *
 * <pre>
 * &#64;Rules
 * public record ReviewAccessRequest(&#64;NotNull Decision decision, &#64;Size(max = 4000) String comment)
 *     implements Rules.Checked {
 *   public void check(Rules.Violations v) {
 *     v.require(decision != Decision.REJECT || present(comment), "comment", "Give the reason for rejecting.");
 *   }
 * }
 * </pre>
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Rules.Check.class)
public @interface Rules {

  /** Unused: each rule gives its own message. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A command with rules across its fields. */
  interface Checked {
    /** Adds a violation for each rule that does not hold. */
    void check(Violations violations);

    /** Whether a text was given (not null, not only blanks). */
    static boolean present(String text) {
      return text != null && !text.isBlank();
    }
  }

  /** The broken rules of one command, each with its field. */
  final class Violations {
    private final List<String[]> broken = new ArrayList<>();

    /** Records a violation of {@code field} unless {@code holds}. */
    public Violations require(boolean holds, String field, String message) {
      if (!holds) {
        broken.add(new String[] {field, message});
      }
      return this;
    }

    boolean isEmpty() {
      return broken.isEmpty();
    }
  }

  /** Runs a command's rules inside Bean Validation. */
  final class Check implements ConstraintValidator<Rules, Checked> {
    @Override
    public boolean isValid(Checked command, ConstraintValidatorContext context) {
      if (command == null) {
        return true;
      }
      Violations violations = new Violations();
      command.check(violations);
      if (violations.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      for (String[] v : violations.broken) {
        context
            .buildConstraintViolationWithTemplate(literal(v[1]))
            .addPropertyNode(v[0])
            .addConstraintViolation();
      }
      return false;
    }

    /** The message as written: braces, dollars and backslashes are not template syntax here. */
    private static String literal(String message) {
      return message.replaceAll("([\\\\{}$])", "\\\\$1");
    }
  }
}
