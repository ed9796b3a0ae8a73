package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who reads the audit log: auditors (Integrity Control Officers, Internal Affairs, the Inspector
 * General), and the administrator who keeps the system running. Policies, INTERNAL AUDIT &amp;
 * OVERSIGHT: "immutable audit logs are created when any information is searched or accessed".
 */
@ApplicationScoped
public class AuditPolicy {

  public boolean mayVerify(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.ADMIN);
  }

  public void requireVerify(Actor actor) {
    if (!mayVerify(actor)) {
      throw new ForbiddenException("The audit log is read by auditors and the administrator.");
    }
  }
}
