package org.custodian.access.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.access.entity.AccessGrant;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * The grants a keep-or-end form decided (after a reassignment, at recertification). Every listed
 * grant must be decided, and only those: each one that is not, or an id that is not listed, is
 * named ({@code grants.12}).
 */
public record KeepOrEnd<T>(List<T> keep, List<T> end) {

  public static <T> KeepOrEnd<T> read(
      List<T> items, Function<T, AccessGrant> grantOf, KeepOrEndGrants form) {
    List<FieldError> errors = new ArrayList<>();
    List<T> keep = new ArrayList<>();
    List<T> end = new ArrayList<>();
    Set<String> listed =
        items.stream().map(i -> String.valueOf(grantOf.apply(i).id())).collect(Collectors.toSet());
    if (form.grants() != null && form.decision() == null) {
      form.grants().keySet().stream()
          .filter(id -> !listed.contains(id))
          .sorted()
          .forEach(
              id ->
                  errors.add(
                      new FieldError(
                          "grants." + id, "Grant " + id + " is not one this task decides.")));
    }
    for (T item : items) {
      AccessGrant grant = grantOf.apply(item);
      KeepOrEndGrants.Choice choice = form.choiceFor(grant.id());
      if (choice == KeepOrEndGrants.Choice.KEEP) {
        keep.add(item);
      } else if (choice == KeepOrEndGrants.Choice.END) {
        end.add(item);
      } else {
        errors.add(
            new FieldError(
                "grants." + grant.id(),
                "Keep or end " + grant.accessLevel().qualifiedCode() + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new KeepOrEnd<>(keep, end);
  }
}
