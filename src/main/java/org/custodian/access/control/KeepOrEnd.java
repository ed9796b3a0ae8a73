package org.custodian.access.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.custodian.access.entity.AccessGrant;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * Reads a keep-or-end form (after a reassignment, at recertification): {@code grant.<id>} = KEEP or
 * END for each listed grant, or {@code decision} = KEEP_ALL / END_ALL for all at once. Every listed
 * grant must be decided; each one that is not is named.
 */
public record KeepOrEnd<T>(List<T> keep, List<T> end) {

  public static final String GRANT_FIELD = "grant.";

  public static <T> KeepOrEnd<T> read(
      List<T> items, Function<T, AccessGrant> grantOf, Map<String, String> form) {
    String bulk = form.get("decision");
    List<FieldError> errors = new ArrayList<>();
    if (bulk != null && !bulk.equals("KEEP_ALL") && !bulk.equals("END_ALL")) {
      errors.add(
          new FieldError(
              "decision", "decision must be KEEP_ALL or END_ALL, or decide each grant."));
    }
    List<T> keep = new ArrayList<>();
    List<T> end = new ArrayList<>();
    for (T item : items) {
      AccessGrant grant = grantOf.apply(item);
      String choice =
          bulk != null
              ? (bulk.equals("KEEP_ALL") ? "KEEP" : "END")
              : form.get(GRANT_FIELD + grant.id());
      if ("KEEP".equals(choice)) {
        keep.add(item);
      } else if ("END".equals(choice)) {
        end.add(item);
      } else {
        errors.add(
            new FieldError(
                GRANT_FIELD + grant.id(),
                "Keep or end " + grant.accessLevel().qualifiedCode() + "."));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new KeepOrEnd<>(keep, end);
  }
}
