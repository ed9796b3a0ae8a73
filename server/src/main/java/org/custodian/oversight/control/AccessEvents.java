package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.custodian.access.control.Grants;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.AppUser;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.oversight.control.ReportAccessEvents.Outcome;
import org.custodian.oversight.control.ReportAccessEvents.Rejected;
import org.custodian.oversight.control.ReportAccessEvents.ReportedEvent;
import org.custodian.oversight.entity.AccessEvent;
import org.custodian.oversight.entity.AccessFinding;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.InvalidInputException.FieldError;
import org.custodian.platform.StorableInstants;
import org.custodian.platform.Validation;

/**
 * Takes in a covered system's access events, in one transaction: each valid event not reported
 * before is kept and becomes an entry of the audit log ("immutable audit logs are created when any
 * information is searched or accessed"), and an event that should not have happened (an unknown or
 * separated member, or a member without a grant for the system at that instant) becomes a finding
 * for the member's Commanding Officer and Internal Affairs.
 */
@ApplicationScoped
public class AccessEvents {

  @PersistenceContext EntityManager em;

  @Inject OversightPolicy policy;

  @Inject Validation validation;

  @Inject Validator validator;

  @Inject Directory directory;

  @Inject Grants grants;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Transactional
  public Outcome report(Actor actor, ReportAccessEvents command) {
    policy.requireReport(actor);
    validation.check(command);
    Technology system =
        directory
            .user(actor.username())
            .map(AppUser::technology)
            .orElseThrow(
                () ->
                    new ForbiddenException(
                        "This covered system's account is bound to no technology."));
    List<Rejected> rejected = new ArrayList<>();
    Map<Integer, Instant> valid = new java.util.LinkedHashMap<>();
    List<ReportedEvent> events = command.events();
    for (int i = 0; i < events.size(); i++) {
      ReportedEvent event = events.get(i);
      List<FieldError> errors = new ArrayList<>(Validation.errors(validator.validate(event)));
      Instant at = null;
      if (errors.stream().noneMatch(e -> e.field().equals("at"))) {
        try {
          at = OffsetDateTime.parse(event.at()).toInstant().truncatedTo(ChronoUnit.MICROS);
          if (!StorableInstants.storable(at)) {
            errors.add(new FieldError("at", "at must be from 1900 to 9999 (UTC)."));
            at = null;
          }
        } catch (DateTimeParseException e) {
          errors.add(new FieldError("at", "at " + ReportAccessEvents.AT_FORMAT));
        }
      }
      if (errors.isEmpty()) {
        valid.put(i, at);
      } else {
        rejected.add(new Rejected(i, errors));
      }
    }
    Set<String> known = new HashSet<>(knownIds(system, valid.keySet(), events));
    Instant now = clock.now();
    Map<String, Optional<Member>> members = new HashMap<>();
    Map<Long, List<Grants.Period>> periods = new HashMap<>();
    Map<Long, Boolean> commandPermits = new HashMap<>();
    List<Long> levels = system.levelIds();
    int accepted = 0;
    int duplicates = 0;
    for (Map.Entry<Integer, Instant> entry : valid.entrySet()) {
      ReportedEvent reported = events.get(entry.getKey());
      if (!known.add(reported.eventId())) {
        duplicates++;
        continue;
      }
      Optional<Member> member =
          members.computeIfAbsent(reported.memberTaxNumber(), directory::memberWithTaxNumber);
      AccessEvent event =
          new AccessEvent(
              system.id(),
              reported.eventId(),
              entry.getValue(),
              reported.memberTaxNumber(),
              member.map(Member::id).orElse(null),
              member.map(Member::command).map(Command::id).orElse(null),
              AccessEvent.Action.valueOf(reported.action()),
              blankToNull(reported.subject()),
              blankToNull(reported.record()),
              blankToNull(reported.purpose()),
              now,
              actor.username());
      em.persist(event);
      finding(event, member, levels, periods, commandPermits).ifPresent(em::persist);
      audit.record(
          actor.username(),
          "ACCESS_EVENT_" + reported.action(),
          "AccessEvent",
          event.id(),
          describe(system, event));
      accepted++;
    }
    return new Outcome(accepted, duplicates, rejected);
  }

  /** A finding when the event should not have happened. */
  private Optional<AccessFinding> finding(
      AccessEvent event,
      Optional<Member> member,
      List<Long> levels,
      Map<Long, List<Grants.Period>> periods,
      Map<Long, Boolean> commandPermits) {
    if (member.isEmpty()) {
      return Optional.of(
          new AccessFinding(event, AccessFinding.Kind.UNKNOWN_MEMBER, null, event.at()));
    }
    Long command = Optional.ofNullable(member.get().command()).map(Command::id).orElse(null);
    if (!member.get().active()) {
      return Optional.of(
          new AccessFinding(event, AccessFinding.Kind.SEPARATED_MEMBER, command, event.at()));
    }
    Command home = member.get().command();
    boolean permitted =
        home != null
            && commandPermits.computeIfAbsent(
                home.id(),
                id -> home.permittedLevels().stream().anyMatch(l -> levels.contains(l.id())));
    if (!permitted) {
      return Optional.of(
          new AccessFinding(event, AccessFinding.Kind.OUTSIDE_FUNCTIONS, command, event.at()));
    }
    List<Grants.Period> held =
        periods.computeIfAbsent(member.get().id(), id -> grants.periods(id, levels));
    if (held.stream().noneMatch(p -> p.covers(event.at()))) {
      AccessFinding.Kind kind =
          held.stream().anyMatch(p -> p.held(event.at()))
              ? AccessFinding.Kind.SUSPENDED_GRANT
              : AccessFinding.Kind.NO_GRANT;
      return Optional.of(new AccessFinding(event, kind, command, event.at()));
    }
    return Optional.empty();
  }

  /** The event ids of this system already kept, among the valid events of the request. */
  private List<String> knownIds(
      Technology system, Set<Integer> indexes, List<ReportedEvent> events) {
    List<String> ids = indexes.stream().map(i -> events.get(i).eventId()).distinct().toList();
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(AccessEvent.KNOWN_IDS, String.class)
        .setParameter("technology", system.id())
        .setParameter("ids", ids)
        .getResultList();
  }

  private static String describe(Technology system, AccessEvent event) {
    StringBuilder details =
        new StringBuilder(system.code())
            .append(" event ")
            .append(event.eventId())
            .append(" at ")
            .append(event.at())
            .append(": member ")
            .append(event.memberTaxNumber())
            .append(' ')
            .append(event.action());
    if (event.subject() != null) {
      details.append(", subject ").append(event.subject());
    }
    if (event.record() != null) {
      details.append(", record ").append(event.record());
    }
    if (event.purpose() != null) {
      details.append(", purpose ").append(event.purpose());
    }
    return details.toString();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
