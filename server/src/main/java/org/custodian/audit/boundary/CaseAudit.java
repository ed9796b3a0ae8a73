package org.custodian.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.audit.control.AuditLog;
import org.custodian.audit.control.AuditPolicy;
import org.custodian.directory.control.SignedInUser;

/**
 * A case page's audit entries (WEB-INF/includes/case-audit.xhtml): what was done to the case and
 * when, each with its place in the transparency log, "included in checkpoint N" once a signed
 * checkpoint covers it. Who did it, and the entry's details, only for those who read the audit log:
 * the City Chief Privacy Officer, for one, never sees a name.
 */
@Named
@RequestScoped
public class CaseAudit {

  @Inject AuditLog audit;

  @Inject AuditPolicy policy;

  @Inject SignedInUser signedIn;

  private final Map<String, List<AuditLog.Logged>> read = new HashMap<>();

  /** The entries about one record, oldest first; read once per request. */
  public List<AuditLog.Logged> entries(String objectType, Object objectId) {
    if (objectId == null) {
      return List.of();
    }
    return read.computeIfAbsent(
        objectType + "#" + objectId, k -> audit.forObject(objectType, objectId));
  }

  /** Whether the signed-in user sees who acted and the details. */
  public boolean isShowsActors() {
    return policy.maySeeActors(signedIn.actor());
  }
}
