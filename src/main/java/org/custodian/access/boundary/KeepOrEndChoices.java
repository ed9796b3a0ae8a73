package org.custodian.access.boundary;

import java.io.Serializable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.access.control.KeepOrEnd;
import org.custodian.platform.InvalidInputException;
import org.primefaces.PrimeFaces;

/**
 * The keep-or-end radios of a screen (confirmation, recertification) and its Keep all / End all.
 */
public class KeepOrEndChoices implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<Long, String> choices = new LinkedHashMap<>();

  /** Sets every grant to KEEP or END and resets the radios of {@code table}, so they show it. */
  public void all(Collection<Long> grantIds, String choice, String table) {
    grantIds.forEach(id -> choices.put(id, choice));
    PrimeFaces.current().resetInputs(table);
  }

  /** The task form: {@code grant.<id>} = KEEP or END for each decided grant. */
  public Map<String, String> form() {
    Map<String, String> form = new HashMap<>();
    choices.forEach(
        (id, choice) -> {
          if (choice != null) {
            form.put(KeepOrEnd.GRANT_FIELD + id, choice);
          }
        });
    return form;
  }

  /** One message for the page: the undecided grant, or how many are undecided. */
  public static String problem(InvalidInputException e) {
    return e.errors().size() == 1
        ? e.getMessage()
        : "Keep or end every grant (" + e.errors().size() + " undecided).";
  }

  public Map<Long, String> map() {
    return choices;
  }
}
