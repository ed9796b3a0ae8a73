package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.custodian.platform.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;

class ValidationTest {

  public enum Decision {
    APPROVE,
    REJECT
  }

  @Rules
  public record Decide(@NotNull Decision decision, @Size(max = 20) String comment)
      implements Rules.Checked {
    @Override
    public void check(Rules.Violations v) {
      v.require(
          decision != Decision.REJECT || Rules.Checked.present(comment),
          "comment",
          "Give the reason for rejecting {with braces} and $5.");
    }
  }

  public record Subject(@NotBlank String name, Map<String, @Size(max = 3) String> identifiers) {}

  public record File(@NotNull @Valid List<@NotNull @Valid Subject> subjects) {}

  private final org.custodian.platform.Validation validation = validation();

  private static org.custodian.platform.Validation validation() {
    org.custodian.platform.Validation v = new org.custodian.platform.Validation();
    v.validator = Validation.buildDefaultValidatorFactory().getValidator();
    return v;
  }

  private List<FieldError> errors(Object command) {
    return assertThrows(InvalidInputException.class, () -> validation.check(command)).errors();
  }

  @Test
  void namesTheFieldAndPrefixesBeanValidationsOwnMessages() {
    assertEquals(
        List.of(new FieldError("decision", "decision must not be null")),
        errors(new Decide(null, null)));
  }

  @Test
  void aRuleAcrossFieldsIsAViolationOfItsField() {
    assertEquals(
        List.of(new FieldError("comment", "Give the reason for rejecting {with braces} and $5.")),
        errors(new Decide(Decision.REJECT, " ")));
    assertEquals(
        new Decide(Decision.APPROVE, null), validation.check(new Decide(Decision.APPROVE, null)));
  }

  @Test
  void nestedFieldsAreNamedAsJsonWritesThem() {
    List<FieldError> errors =
        errors(
            new File(
                List.of(new Subject("Ana", Map.of()), new Subject(" ", Map.of("nysid", "12345")))));
    assertEquals("subjects[1].identifiers.nysid", errors.get(0).field());
    assertEquals("subjects[1].name", errors.get(1).field());
  }
}
