package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Roles;

/**
 * Who reads the audit log: auditors (Integrity Control Officers, Internal Affairs, the Inspector
 * General), and the administrator who keeps the system running. Policies, INTERNAL AUDIT &amp;
 * OVERSIGHT: "immutable audit logs are created when any information is searched or accessed". The
 * City Chief Privacy Officer also downloads the daily checkpoint, to keep outside the department a
 * copy that a rewritten log cannot match.
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

  /** The log's public parts: its key, checkpoints and proofs. */
  public void requireRead(Actor actor) {
    requireVerify(actor);
  }

  /** Who keeps a copy of the daily checkpoint outside the building. */
  public boolean mayWitness(Actor actor) {
    return actor.hasAnyRole(Roles.AUDITOR, Roles.ADMIN, Roles.CHIEF_PRIVACY_OFFICER);
  }

  public void requireWitness(Actor actor) {
    if (!mayWitness(actor)) {
      throw new ForbiddenException(
          "The daily checkpoint is downloaded by auditors, the City Chief Privacy Officer and the"
              + " administrator.");
    }
  }

  /** Who sees, on a case page, who did what: the audit entries' actors and details. */
  public boolean maySeeActors(Actor actor) {
    return mayVerify(actor);
  }
}
