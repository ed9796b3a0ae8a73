package org.custodian.platform;

import java.util.Objects;
import java.util.Set;

/**
 * Who is acting: a signed-in user with their roles, work groups and command, or the system
 * (timers). Control services take it explicitly, so every check reads the same facts.
 */
public record Actor(String username, Set<String> roles, Set<String> groups, String commandCode) {

  public static final String SYSTEM = "system";

  public Actor {
    Objects.requireNonNull(username, "username is required");
    roles = Set.copyOf(roles);
    groups = Set.copyOf(groups);
  }

  public static Actor system() {
    return new Actor(SYSTEM, Set.of(), Set.of(), null);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... anyOf) {
    for (String role : anyOf) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  /** Throws {@link ForbiddenException} unless the actor holds one of the roles. */
  public void requireRole(String... anyOf) {
    if (hasAnyRole(anyOf)) {
      return;
    }
    throw new ForbiddenException("This action needs the role " + String.join(" or ", anyOf) + ".");
  }
}
