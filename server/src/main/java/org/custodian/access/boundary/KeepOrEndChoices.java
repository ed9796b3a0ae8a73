package org.custodian.access.boundary;

import java.io.Serializable;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.custodian.access.control.KeepOrEndGrants;
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

  /** The task's form: KEEP or END for each decided grant, by its id. */
  public KeepOrEndGrants form() {
    Map<String, KeepOrEndGrants.Choice> grants = new LinkedHashMap<>();
    choices.forEach(
        (id, choice) -> {
          // a value the radios do not offer counts as undecided, and the grant is named
          for (KeepOrEndGrants.Choice c : KeepOrEndGrants.Choice.values()) {
            if (c.name().equals(choice)) {
              grants.put(String.valueOf(id), c);
            }
          }
        });
    return new KeepOrEndGrants(null, grants);
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
