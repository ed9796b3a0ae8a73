package org.custodian.directory.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.platform.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.Attributes;

/**
 * What Active Directory (or another LDAP directory) says of the signed-in user, when the server
 * signs users in against it ({@code CUSTODIAN_SIGN_IN=ldap}, wildfly-config/ldap-realm.cli). The
 * realm maps the user's AD groups to Custodian's roles and work groups and reads their command,
 * name and address from attributes; this reads them off the identity Elytron holds for the request.
 */
@ApplicationScoped
public class DirectoryAccounts {

  /** The directory's word on one user: roles, work groups, command code, name, address. */
  public record Account(
      String username,
      Set<String> roles,
      Set<String> groups,
      String command,
      String displayName,
      String email) {}

  @ConfigProperty(name = "custodian.sign-in", defaultValue = "database")
  @jakarta.inject.Inject
  String signIn;

  /** Whether users sign in against the directory (otherwise Custodian's own user table). */
  public boolean signInAgainstDirectory() {
    return "ldap".equalsIgnoreCase(signIn.strip());
  }

  /** The signed-in identity as the directory described it, if it signed in against it. */
  public Optional<Account> current() {
    if (!signInAgainstDirectory()) {
      return Optional.empty();
    }
    SecurityDomain domain = SecurityDomain.getCurrent();
    SecurityIdentity identity = domain == null ? null : domain.getCurrentSecurityIdentity();
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    Set<String> roles = new TreeSet<>();
    Set<String> groups = new TreeSet<>();
    // the realm's role mapper names both: Custodian's roles are roles, the rest work groups
    identity.getRoles().forEach(r -> (Roles.ALL.contains(r) ? roles : groups).add(r));
    Attributes attributes = identity.getAttributes();
    return Optional.of(
        new Account(
            identity.getPrincipal().getName(),
            roles,
            groups,
            first(attributes, "command"),
            first(attributes, "displayName"),
            first(attributes, "email")));
  }

  private static String first(Attributes attributes, String name) {
    if (!attributes.containsKey(name) || attributes.get(name).isEmpty()) {
      return null;
    }
    String value = attributes.getFirst(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
