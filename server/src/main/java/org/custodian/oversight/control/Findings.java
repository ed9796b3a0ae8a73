package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Technology;
import org.custodian.oversight.entity.AccessEvent;
import org.custodian.oversight.entity.AccessFinding;
import org.custodian.platform.Actor;
import org.custodian.platform.InvalidInputException;

/** The findings raised at intake, for the member's Commanding Officer and Internal Affairs. */
@ApplicationScoped
public class Findings {

  @PersistenceContext EntityManager em;

  @Inject OversightPolicy policy;

  @Inject Directory directory;

  @Inject AuditLog audit;

  /** A finding with the event behind it. */
  public record FindingView(
      long id,
      AccessFinding.Kind kind,
      AccessFinding.Status status,
      Instant raisedAt,
      String command,
      String system,
      String eventId,
      Instant at,
      AccessEvent.Action action,
      String memberTaxNumber,
      Long memberId,
      String subject,
      String record,
      String purpose) {}

  /**
   * The findings of one command (a Commanding Officer: their own, by default), or of every command
   * for an auditor; newest first. Reading them is audited: they name data subjects.
   */
  @Transactional
  public List<FindingView> list(
      Actor actor, String commandCode, AccessFinding.Status status, int offset, int limit) {
    String command = commandCode == null ? policy.defaultCommand(actor) : commandCode;
    policy.requireReadFindings(actor, command);
    Map<Long, String> codes =
        directory.commands().stream().collect(Collectors.toMap(Command::id, Command::code));
    Long commandId = null;
    if (command != null) {
      commandId =
          directory
              .command(command)
              .map(Command::id)
              .orElseThrow(
                  () ->
                      new InvalidInputException("command", "There is no command " + command + "."));
    }
    Map<Long, String> systems =
        directory.technologies().stream()
            .collect(Collectors.toMap(Technology::id, Technology::code));
    List<FindingView> findings =
        em.createNamedQuery(AccessFinding.LIST, AccessFinding.class)
            .setParameter("command", commandId)
            .setParameter("status", status)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultStream()
            .map(
                f ->
                    new FindingView(
                        f.id(),
                        f.kind(),
                        f.status(),
                        f.raisedAt(),
                        f.commandId() == null ? null : codes.get(f.commandId()),
                        systems.get(f.event().technologyId()),
                        f.event().eventId(),
                        f.event().at(),
                        f.event().action(),
                        f.event().memberTaxNumber(),
                        f.event().memberId(),
                        f.event().subject(),
                        f.event().record(),
                        f.event().purpose()))
            .toList();
    audit.record(
        actor.username(),
        "ACCESS_FINDINGS_LISTED",
        "AccessFinding",
        command == null ? "all" : command,
        findings.size() + " findings" + (status == null ? "" : ", status " + status));
    return findings;
  }
}
