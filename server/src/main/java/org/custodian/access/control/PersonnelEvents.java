package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Assignment;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.EngineClock;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Validation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;

/**
 * Personnel events from the HR system: the member's new command (or separation), the revocation
 * process and the audit entry in one transaction; the same event twice is applied once.
 */
@ApplicationScoped
public class PersonnelEvents {

  public static final String PROCESS = "AccessRevocationProcess";

  /** The event and whether this call created it (false: a repeat of an event already applied). */
  public record Received(PersonnelEvent event, boolean created) {}

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject RuntimeService runtime;

  @Inject AuditLog audit;

  @Inject BusinessKeys businessKeys;

  @Inject EngineClock clock;

  @Inject AccessPolicy policy;

  @Inject Validation validation;

  @Inject
  @ConfigProperty(name = "custodian.access.confirmation-due", defaultValue = "P7D")
  java.time.Duration confirmationDue;

  @Transactional
  public Received receive(Actor actor, PersonnelEventNotice notice) {
    policy.requireRecordPersonnelEvent(actor);
    validation.check(notice);
    // Locked first: the same event posted twice at once is applied by one call and read back by the
    // other (READ COMMITTED sees the first's event once its lock is released), never a 409.
    Member member =
        directory
            .memberForUpdate(notice.memberId())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "memberId", "There is no member " + notice.memberId() + "."));
    Optional<PersonnelEvent> earlier =
        em.createNamedQuery(PersonnelEvent.BY_KEY, PersonnelEvent.class)
            .setParameter(
                "key",
                PersonnelEvent.idempotencyKey(member.id(), notice.type(), notice.effectiveAt()))
            .getResultStream()
            .findFirst();
    if (earlier.isPresent()) {
      // the answer shows the member's event again: a read, and audited as one
      audit.record(
          actor.username(),
          "PERSONNEL_EVENT_REPEATED",
          "PersonnelEvent",
          earlier.get().id(),
          earlier.get().businessKey() + ": the same notice again; nothing changed");
      return new Received(earlier.get(), false);
    }
    Command newCommand = null;
    if (notice.type() == PersonnelEvent.Type.REASSIGNED) {
      newCommand =
          directory
              .command(notice.newCommand())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "newCommand", "There is no command " + notice.newCommand() + "."));
      if (newCommand.id().equals(member.command().id())) {
        throw new InvalidInputException(
            "newCommand",
            "Member " + member.id() + " is already assigned to " + newCommand.code() + ".");
      }
    }
    if (!member.active()) {
      throw new InvalidInputException(
          "memberId", "Member " + member.id() + " has already separated.");
    }
    Assignment current = directory.currentAssignment(member.id()).orElse(null);
    if (current != null && notice.effectiveAt().isBefore(current.startedAt())) {
      throw new InvalidInputException(
          "effectiveAt",
          "effectiveAt is before the member's current assignment, which started "
              + current.startedAt()
              + ".");
    }
    Instant now = clock.now();
    if (notice.effectiveAt().isAfter(now.plusSeconds(300))) {
      throw new InvalidInputException(
          "effectiveAt", "effectiveAt is in the future; send the event when it takes effect.");
    }

    PersonnelEvent event =
        new PersonnelEvent(
            businessKeys.next("PE"),
            member,
            notice.type(),
            newCommand,
            notice.effectiveAt(),
            now,
            actor.username());
    em.persist(event);
    if (notice.type() == PersonnelEvent.Type.REASSIGNED) {
      directory.reassign(member, newCommand, notice.effectiveAt());
    } else {
      directory.separate(member, notice.effectiveAt());
    }
    em.flush();
    audit.record(
        actor.username(),
        "PERSONNEL_EVENT_RECEIVED",
        "PersonnelEvent",
        event.id(),
        event.businessKey()
            + ": member "
            + member.id()
            + " "
            + notice.type()
            + (newCommand == null
                ? ""
                : " from " + event.previousCommand().code() + " to " + newCommand.code())
            + " effective "
            + notice.effectiveAt());
    runtime.startProcessInstanceByKey(PROCESS, event.businessKey(), variables(event));
    return new Received(event, true);
  }

  private Map<String, Object> variables(PersonnelEvent event) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(InboxProjection.CASE_ID, event.id());
    variables.put(InboxProjection.BUSINESS_KEY, event.businessKey());
    variables.put("eventType", event.type().name());
    variables.put(
        "previousCommandGroup", Groups.commandingOfficers(event.previousCommand().code()));
    variables.put(
        "newCommandGroup",
        event.newCommand() == null ? "" : Groups.commandingOfficers(event.newCommand().code()));
    variables.put("confirmationDue", confirmationDue.toString());
    return variables;
  }

  public PersonnelEvent find(long id) {
    PersonnelEvent event = em.find(PersonnelEvent.class, id);
    if (event == null) {
      throw new org.custodian.platform.NotFoundException("No personnel event " + id + ".");
    }
    return event;
  }
}
