package org.custodian.policy.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who publishes impact and use policies. The published policies are open to everyone without
 * signing in (POST Act); the administrator loads a policy's first version, and every later version
 * comes from an approved addendum (the addendum capability's policy decides who approves).
 */
@ApplicationScoped
public class PublicationPolicy {

  public boolean mayLoad(Actor actor) {
    return actor.hasRole(Roles.ADMIN);
  }

  public void requireLoad(Actor actor) {
    if (!mayLoad(actor)) {
      throw new ForbiddenException("Only the administrator loads a published policy.");
    }
  }
}
