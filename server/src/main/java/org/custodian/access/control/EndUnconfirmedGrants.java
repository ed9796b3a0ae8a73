package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.inbox.control.InboxProjection;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/** "End unconfirmed grants": the new Commanding Officer did not confirm by the deadline. */
@ApplicationScoped
@Named("endUnconfirmedGrants")
public class EndUnconfirmedGrants implements JavaDelegate {

  @Inject Revocations revocations;

  @Override
  public void execute(DelegateExecution execution) {
    revocations.endUnconfirmed(
        RevocationTasks.ids((String) execution.getVariable(ApplyPersonnelEvent.GRANTS_TO_CONFIRM)),
        (String) execution.getVariable(InboxProjection.BUSINESS_KEY));
  }
}
