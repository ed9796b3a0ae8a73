package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.stream.Collectors;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.inbox.control.InboxProjection;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * "End access the assignment no longer needs": runs in the transaction that received the event, so
 * the member's new command, the ended grants and the withdrawn requests commit together.
 */
@ApplicationScoped
@Named("applyPersonnelEvent")
public class ApplyPersonnelEvent implements JavaDelegate {

  /** Grant ids waiting for the new Commanding Officer's confirmation, comma-separated. */
  public static final String GRANTS_TO_CONFIRM = "grantsToConfirm";

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext EntityManager em;

  @Inject Revocations revocations;

  @Override
  public void execute(DelegateExecution execution) {
    long eventId = InboxProjection.caseId(execution);
    PersonnelEvent event = em.find(PersonnelEvent.class, eventId);
    Revocations.Outcome outcome = revocations.apply(event);
    event.started(execution.getProcessInstanceId(), JSON.toJson(outcome));
    execution.setVariable(
        GRANTS_TO_CONFIRM,
        outcome.grantsToConfirm().stream().map(String::valueOf).collect(Collectors.joining(",")));
    execution.setVariable("confirmationNeeded", !outcome.grantsToConfirm().isEmpty());
  }
}
