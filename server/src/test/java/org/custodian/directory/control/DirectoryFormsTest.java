package org.custodian.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.custodian.directory.entity.Command;
import org.junit.jupiter.api.Test;

/**
 * The administrator's forms accept exactly the kinds and categories the directory knows: a kind
 * added to {@link Command.Kind} without its form, or a category misspelt, fails here.
 */
class DirectoryFormsTest {

  private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

  private List<String> fields(Object form) {
    Set<ConstraintViolation<Object>> violations = validator.validate(form);
    return violations.stream().map(v -> v.getPropertyPath().toString()).sorted().toList();
  }

  @Test
  void everyKindOfCommandCanBeAdded() {
    for (Command.Kind kind : Command.Kind.values()) {
      assertEquals(
          List.of(), fields(new AddCommand("PCT-120", "120th Precinct", kind.name())), kind.name());
    }
    assertEquals(List.of("kind"), fields(new AddCommand("PCT-120", "120th Precinct", "SQUAD")));
    assertEquals(List.of("code"), fields(new AddCommand("pct 120", "120th Precinct", "PRECINCT")));
    assertEquals(List.of("code"), fields(new AddCommand("CMS:X", "Colon", "UNIT")));
  }

  @Test
  void theCategoriesAreThePoliciesAndTheSeededOnes() {
    List<String> categories = Arrays.asList(AddTechnology.CATEGORIES.split("\\|"));
    // V5__technologies.sql seeds these; every one must be offered for a new system too
    assertTrue(
        categories.containsAll(
            List.of(
                "CASE_MANAGEMENT",
                "RECORD_MANAGEMENT",
                "COMMERCIAL_RECORD_SOURCE",
                "PORTABLE_DEVICE",
                "DIGITAL_CAMERA")));
    for (String category : categories) {
      assertEquals(List.of(), fields(new AddTechnology("LPR", "Plate reader", category, 1)));
    }
    assertEquals(
        List.of("category", "reviewLayers"),
        fields(new AddTechnology("LPR", "Plate reader", "DRONE", 10)));
  }

  @Test
  void aLevelCodeCannotHoldTheColonThatQualifiesIt() {
    assertEquals(List.of(), fields(new AddAccessLevel("BULK-EXPORT", "Export", null)));
    assertEquals(List.of("code"), fields(new AddAccessLevel("A:B", "Colon", false)));
    assertEquals(List.of("name"), fields(new AddAccessLevel("READ", " ", true)));
  }
}
