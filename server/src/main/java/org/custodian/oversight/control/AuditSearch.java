package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodian.audit.control.AuditLog;
import org.custodian.audit.control.FoundEntry;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
import org.custodian.directory.entity.Member;
import org.custodian.directory.entity.Technology;
import org.custodian.oversight.entity.AccessEvent;
import org.custodian.platform.Actor;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Validation;

/**
 * The auditor's console: the audit log searched by member, user, system, action, subject, record
 * and time, newest first, each entry with its place in the transparency log. Policies, INTERNAL
 * AUDIT &amp; OVERSIGHT: "Immutable audit logs are created when any information is searched or
 * accessed ... The log-in and use of the system is traceable to a particular user and periodically
 * audited for misuse by the precinct or unit's Commanding Officer."
 *
 * <p>Two kinds of entry answer a search: the covered systems' access events (searched through
 * {@code access_event}, whose indexes serve member, subject and record), and Custodian's own
 * entries (searched through {@code audit_entry} by user, action and time). A criterion only events
 * have (member, system, subject, record, an event action), or a Commanding Officer's search, which
 * covers only their command's members, searches the events; otherwise the whole log. Every search
 * and every export is itself audited: it reads personal data.
 */
@ApplicationScoped
public class AuditSearch {

  /** The most entries one export holds; narrow the search for more. */
  public static final int EXPORT_MAX = 10_000;

  /** A page's count goes no further: "more than 10,000" is what a paginator needs. */
  public static final int COUNT_CAP = 10_000;

  /** A search; null criteria do not narrow it. */
  public record Criteria(
      @Size(max = 20) String member,
      @Size(max = 80) String user,
      @Size(max = 32) String system,
      @Size(max = 60) @Pattern(regexp = "[A-Za-z_]*", message = "must be letters and _ only")
          String action,
      @Size(max = 200) String subject,
      @Size(max = 200) String record,
      Instant from,
      Instant to,
      @Min(0) @Max(1_000_000) int offset,
      @Min(1) @Max(EXPORT_MAX) int limit) {

    public Criteria {
      member = blankToNull(member);
      user = blankToNull(user);
      system = blankToNull(system);
      action = blankToNull(action);
      subject = blankToNull(subject);
      record = blankToNull(record);
    }

    /** The same search, another window of it. */
    public Criteria window(int offset, int limit) {
      return new Criteria(member, user, system, action, subject, record, from, to, offset, limit);
    }

    boolean namesEvents() {
      return member != null
          || system != null
          || subject != null
          || record != null
          || eventAction() != null;
    }

    /** The action as an access event's (SEARCH, or ACCESS_EVENT_SEARCH); null if it is not one. */
    AccessEvent.Action eventAction() {
      if (action == null) {
        return null;
      }
      String name = action.toUpperCase(java.util.Locale.ROOT);
      if (name.startsWith(EVENT_PREFIX)) {
        name = name.substring(EVENT_PREFIX.length());
      }
      for (AccessEvent.Action a : AccessEvent.Action.values()) {
        if (a.name().equals(name)) {
          return a;
        }
      }
      return null;
    }

    /** What was searched for, for the audit entry: the criteria, never the results. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      add(parts, "member", member);
      add(parts, "user", user);
      add(parts, "system", system);
      add(parts, "action", action);
      add(parts, "subject", subject);
      add(parts, "record", record);
      add(parts, "from", from);
      add(parts, "to", to);
      return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
      if (value != null) {
        parts.add(name + " " + value);
      }
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }

  private static final String EVENT_PREFIX = "ACCESS_EVENT_";

  /**
   * One entry found: when, who, what, its place in the log ({@code seq}, and the size of the first
   * signed checkpoint that includes it), and for a covered system's event what the member did.
   */
  public record Hit(
      long entryId,
      Instant at,
      String user,
      String action,
      String objectType,
      String objectId,
      String details,
      Long seq,
      Long checkpoint,
      String system,
      String eventId,
      String memberTaxNumber,
      String memberName,
      String command,
      String eventAction,
      String subject,
      String record,
      String purpose) {

    /** "entry N, included in checkpoint M", or that it waits for the next one. */
    public String inclusion() {
      return new AuditLog.Logged(at, user, action, details, seq, checkpoint).inclusion();
    }
  }

  /** A page of hits, and how many the search finds (counted up to {@link #COUNT_CAP} + 1). */
  public record Page(List<Hit> hits, long total, boolean totalCapped) {}

  @PersistenceContext EntityManager em;

  @Inject OversightPolicy policy;

  @Inject Directory directory;

  @Inject AuditLog audit;

  @Inject Validation validation;

  /** A page of the search, with its count; audited. */
  @Transactional
  public Page search(Actor actor, Criteria criteria) {
    List<Hit> hits = hits(actor, criteria);
    long total = count(actor, criteria);
    return new Page(hits, Math.min(total, COUNT_CAP), total > COUNT_CAP);
  }

  /** A page of the search, newest first; audited: the entries name people. */
  @Transactional
  public List<Hit> hits(Actor actor, Criteria criteria) {
    Plan plan = plan(actor, criteria);
    List<Hit> hits = run(plan, criteria.offset(), criteria.limit());
    audit.record(
        actor.username(),
        "AUDIT_SEARCHED",
        "AuditLog",
        plan.commandCode() == null ? "all" : plan.commandCode(),
        criteria.describe() + "; from " + criteria.offset() + ": " + hits.size() + " entries");
    return hits;
  }

  /** How many entries the search finds, counted up to {@link #COUNT_CAP} + 1 and no further. */
  @Transactional
  public long count(Actor actor, Criteria criteria) {
    Plan plan = plan(actor, criteria);
    if (!plan.events()) {
      Criteria c = plan.criteria();
      return audit.count(c.user(), upper(c.action()), c.from(), c.to(), COUNT_CAP);
    }
    Query query =
        em.createNativeQuery(
            "SELECT COUNT(*) FROM (SELECT 1 FROM access_event e"
                + plan.where()
                + " LIMIT "
                + (COUNT_CAP + 1)
                + ") t");
    bind(query, plan.parameters());
    return ((Number) query.getSingleResult()).longValue();
  }

  /** Up to {@link #EXPORT_MAX} entries of the search, for an export; audited as one. */
  @Transactional
  public List<Hit> export(Actor actor, Criteria criteria, String format) {
    Plan plan = plan(actor, criteria.window(0, EXPORT_MAX));
    List<Hit> hits = run(plan, 0, EXPORT_MAX);
    audit.record(
        actor.username(),
        "AUDIT_SEARCH_EXPORTED",
        "AuditLog",
        plan.commandCode() == null ? "all" : plan.commandCode(),
        format + " of " + hits.size() + " entries: " + criteria.describe());
    return hits;
  }

  /**
   * The resolved search: whether it is of the covered systems' events, and if so its conditions on
   * access_event (numbered parameters); the command it is limited to.
   */
  private record Plan(
      Criteria criteria,
      boolean events,
      String where,
      List<Object> parameters,
      String commandCode) {}

  private Plan plan(Actor actor, Criteria c) {
    validation.check(c);
    policy.requireSearch(actor);
    return plan(c, policy.searchCommand(actor));
  }

  /**
   * A focused audit's entries: the events of the members (tax numbers) on the systems (all when
   * none is named) between from and to, newest first, at most {@link #EXPORT_MAX}. The caller has
   * checked that the report was approved and may be read, and audits the download.
   */
  @Transactional
  public List<Hit> focused(
      java.util.Collection<String> members,
      java.util.Collection<String> systems,
      Instant from,
      Instant to) {
    List<Hit> hits = new ArrayList<>();
    for (String member : members) {
      Criteria c =
          new Criteria(
              member,
              null,
              systems.size() == 1 ? systems.iterator().next() : null,
              null,
              null,
              null,
              from,
              to,
              0,
              EXPORT_MAX);
      for (Hit hit : run(plan(c, null), 0, EXPORT_MAX)) {
        if (systems.isEmpty() || systems.contains(hit.system())) {
          hits.add(hit);
        }
      }
    }
    hits.sort(
        java.util.Comparator.comparing(Hit::at)
            .reversed()
            .thenComparing(Hit::entryId, java.util.Comparator.reverseOrder()));
    return hits.size() > EXPORT_MAX ? List.copyOf(hits.subList(0, EXPORT_MAX)) : hits;
  }

  private Plan plan(Criteria c, String commandCode) {
    if (c.from() != null && c.to() != null && c.to().isBefore(c.from())) {
      throw new InvalidInputException("to", "must not be before from");
    }
    if (commandCode == null && !c.namesEvents()) {
      return new Plan(c, false, "", List.of(), null);
    }
    List<String> where = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (commandCode != null) {
      Command command = directory.command(commandCode).orElseThrow();
      where.add("e.command_id = ?");
      parameters.add(command.id());
    }
    if (c.member() != null) {
      Member member = directory.memberWithTaxNumber(c.member()).orElse(null);
      if (member != null) {
        where.add("e.member_id = ?");
        parameters.add(member.id());
      } else {
        // an event by someone the directory does not know keeps only the number it reported
        where.add("e.member_tax_number = ? AND e.member_id IS NULL");
        parameters.add(c.member());
      }
    }
    if (c.system() != null) {
      Technology technology =
          directory
              .technology(c.system())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "system", "There is no system " + c.system() + "."));
      where.add("e.technology_id = ?");
      parameters.add(technology.id());
    }
    if (c.action() != null) {
      AccessEvent.Action action = c.eventAction();
      if (action == null) {
        throw new InvalidInputException(
            "action",
            "must be one of the covered systems' actions "
                + java.util.Arrays.toString(AccessEvent.Action.values())
                + " when the search is of their events");
      }
      where.add("e.action = ?");
      parameters.add(action.name());
    }
    if (c.subject() != null) {
      where.add("e.subject = ?");
      parameters.add(c.subject());
    }
    if (c.record() != null) {
      where.add("e.record_ref = ?");
      parameters.add(c.record());
    }
    if (c.user() != null) {
      where.add("e.reported_by = ?");
      parameters.add(c.user());
    }
    if (c.from() != null) {
      where.add("e.at >= ?");
      parameters.add(c.from());
    }
    if (c.to() != null) {
      where.add("e.at < ?");
      parameters.add(c.to());
    }
    StringBuilder sql = new StringBuilder(where.isEmpty() ? "" : " WHERE ");
    int n = 0;
    for (char ch : String.join(" AND ", where).toCharArray()) {
      sql.append(ch);
      if (ch == '?') {
        sql.append(++n);
      }
    }
    return new Plan(c, true, sql.toString(), parameters, commandCode);
  }

  private List<Hit> run(Plan plan, int offset, int limit) {
    return plan.events() ? events(plan, offset, limit) : entries(plan.criteria(), offset, limit);
  }

  /** Custodian's own entries (and the systems' too, when nothing names an event). */
  private List<Hit> entries(Criteria c, int offset, int limit) {
    List<Hit> hits = new ArrayList<>();
    for (FoundEntry e : audit.find(c.user(), upper(c.action()), c.from(), c.to(), offset, limit)) {
      hits.add(
          new Hit(
              e.id(),
              e.at(),
              e.actor(),
              e.action(),
              e.objectType(),
              e.objectId(),
              e.details(),
              e.seq(),
              audit.checkpointCovering(e.seq()),
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    return hits;
  }

  /** The covered systems' events: read from their own table, then their log entries by id. */
  private List<Hit> events(Plan plan, int offset, int limit) {
    Query ids =
        em.createNativeQuery(
            "SELECT e.id FROM access_event e" + plan.where() + " ORDER BY e.at DESC, e.id DESC");
    bind(ids, plan.parameters());
    List<Long> page =
        ((List<?>) ids.setFirstResult(offset).setMaxResults(limit).getResultList())
            .stream().map(id -> ((Number) id).longValue()).toList();
    if (page.isEmpty()) {
      return List.of();
    }
    Map<Long, AccessEvent> events =
        em.createNamedQuery(AccessEvent.WITH_IDS, AccessEvent.class)
            .setParameter("ids", page)
            .getResultStream()
            .collect(Collectors.toMap(AccessEvent::id, e -> e));
    Map<String, FoundEntry> entries =
        audit.ofObjects("AccessEvent", page.stream().map(String::valueOf).toList());
    Map<Long, String> systems =
        directory.technologies().stream()
            .collect(Collectors.toMap(Technology::id, Technology::code));
    Map<Long, String> commands =
        directory.commands().stream().collect(Collectors.toMap(Command::id, Command::code));
    Map<Long, Member> members =
        directory.membersById(
            events.values().stream().map(AccessEvent::memberId).filter(id -> id != null).toList());
    List<Hit> hits = new ArrayList<>();
    for (Long id : page) {
      AccessEvent e = events.get(id);
      FoundEntry entry = entries.get(String.valueOf(id));
      Member member = e.memberId() == null ? null : members.get(e.memberId());
      hits.add(
          new Hit(
              entry == null ? 0 : entry.id(),
              e.at(),
              entry == null ? e.reportedBy() : entry.actor(),
              entry == null ? "ACCESS_EVENT_" + e.action() : entry.action(),
              "AccessEvent",
              String.valueOf(id),
              entry == null ? null : entry.details(),
              entry == null ? null : entry.seq(),
              entry == null ? null : audit.checkpointCovering(entry.seq()),
              systems.get(e.technologyId()),
              e.eventId(),
              e.memberTaxNumber(),
              member == null ? null : member.name(),
              e.commandId() == null ? null : commands.get(e.commandId()),
              e.action().name(),
              e.subject(),
              e.record(),
              e.purpose()));
    }
    return hits;
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
  }

  private static void bind(Query query, List<Object> parameters) {
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
  }
}
