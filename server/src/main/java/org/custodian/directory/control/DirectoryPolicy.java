package org.custodian.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who may read and keep the directory (commands, members, users), and which roles one person may
 * not hold together. The one place these rules are written.
 *
 * <p>A command's roster (names, ranks, tax numbers) is for its own Commanding Officers, auditors
 * and the administrator who keeps it; reference data (commands' permitted levels, technologies) for
 * anyone signed in.
 */
@ApplicationScoped
public class DirectoryPolicy {

  /**
   * Roles that defeat oversight when one person holds both: the administrator (who can change the
   * directory and the server) may not audit or be the Agency Privacy Officer; the agency's Privacy
   * Officer may not also be the City Chief Privacy Officer, to whom the agency reports.
   */
  static final List<Set<String>> INCOMPATIBLE =
      List.of(
          Set.of(Roles.ADMIN, Roles.AUDITOR),
          Set.of(Roles.ADMIN, Roles.PRIVACY_OFFICER),
          Set.of(Roles.PRIVACY_OFFICER, Roles.CHIEF_PRIVACY_OFFICER));

  public boolean mayListMembers(Actor actor, String commandCode) {
    return (actor.hasRole(Roles.COMMANDING_OFFICER) && commandCode.equals(actor.commandCode()))
        || actor.hasAnyRole(Roles.AUDITOR, Roles.ADMIN);
  }

  public void requireListMembers(Actor actor, String commandCode) {
    require(
        mayListMembers(actor, commandCode),
        "A command's members are listed for its own Commanding Officers, auditors and the administrator.");
  }

  /** The administrator keeps the directory: members and users. */
  public boolean mayKeep(Actor actor) {
    return actor.hasRole(Roles.ADMIN);
  }

  public void requireKeep(Actor actor) {
    require(mayKeep(actor), "Only the administrator keeps the directory.");
  }

  /**
   * The pairs among {@code roles} that one person may not hold together, e.g. "admin and auditor".
   */
  public List<String> incompatible(Set<String> roles) {
    List<String> pairs = new ArrayList<>();
    for (Set<String> pair : INCOMPATIBLE) {
      if (roles.containsAll(pair)) {
        pairs.add(String.join(" and ", pair.stream().sorted().toList()));
      }
    }
    return pairs;
  }

  private static void require(boolean allowed, String message) {
    if (!allowed) {
      throw new ForbiddenException(message);
    }
  }
}
