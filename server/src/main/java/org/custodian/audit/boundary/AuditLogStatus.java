package org.custodian.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.audit.control.TransparencyLog;
import org.custodian.directory.control.SignedInUser;

/**
 * The audit log's card on the home page of those who keep its checkpoints (auditors, the City Chief
 * Privacy Officer): the latest checkpoint, the latest a witness cosigned, and a witness's refusal,
 * which is evidence of tampering (docs/audit.md, "When a witness refuses").
 */
@Named
@RequestScoped
public class AuditLogStatus {

  @Inject SignedInUser signedIn;

  @Inject TransparencyLog log;

  private TransparencyLog.Status status;

  public TransparencyLog.Status getStatus() {
    if (status == null) {
      status = log.status(signedIn.actor());
    }
    return status;
  }
}
