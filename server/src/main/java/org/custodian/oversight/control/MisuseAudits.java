package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Command;
import org.custodian.oversight.entity.AccessEvent;
import org.custodian.oversight.entity.AccessFinding;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.oversight.entity.MisuseAuditItem;
import org.custodian.platform.Actor;
import org.custodian.platform.BusinessKeys;
import org.custodian.platform.EngineClock;
import org.custodian.platform.NotFoundException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;

/**
 * The Commanding Officers' periodic misuse audits. Policies, INTERNAL AUDIT &amp; OVERSIGHT: use of
 * the system is "periodically audited for misuse by the precinct or unit's Commanding Officer".
 *
 * <p>The sample is reproducible: the population is the command's events whose {@code at} falls in
 * the period and that had arrived when the audit opened, by id ascending; {@code new
 * java.util.Random(seed)} then draws the sample with a partial Fisher-Yates shuffle (for i from 0:
 * swap position i with i + nextInt(n - i)), and the first {@code sampleSize} positions, in that
 * order, are the sample (docs/processes.md).
 */
@ApplicationScoped
public class MisuseAudits {

  public static final String PROCESS = "MisuseAuditProcess";

  /** Periods are New York months. */
  public static final ZoneId ZONE = ZoneId.of("America/New_York");

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BusinessKeys businessKeys;

  @Inject RuntimeService runtime;

  @Inject OversightPolicy policy;

  @Inject org.custodian.platform.Validation validation;

  @Inject
  @ConfigProperty(name = "custodian.oversight.misuse-audit-sample", defaultValue = "25")
  int sampleSize;

  @Inject
  @ConfigProperty(name = "custodian.oversight.misuse-audit-due", defaultValue = "P14D")
  Duration due;

  @Inject
  @ConfigProperty(name = "custodian.oversight.misuse-audit-reminder", defaultValue = "P11D")
  Duration reminder;

  private final SecureRandom seeds = new SecureRandom();

  /** The month before the one the instant falls in: what a round opened then audits. */
  public YearMonth previousMonth(Instant at) {
    return YearMonth.from(at.atZone(ZONE)).minusMonths(1);
  }

  /** An auditor opens a round now, for the month given (or the month before this one). */
  @Transactional
  public List<MisuseAudit> openRound(Actor actor, OpenMisuseAudits command) {
    policy.requireOpenMisuseAudits(actor);
    validation.check(command);
    return openRound(
        actor.username(),
        command.period() == null ? previousMonth(clock.now()) : YearMonth.parse(command.period()));
  }

  /**
   * One audit per command whose members have events in the month or that has findings still open,
   * each with its own process; a command that already has an audit of the month gets none.
   */
  @Transactional
  public List<MisuseAudit> openRound(String by, YearMonth month) {
    Instant start = month.atDay(1).atStartOfDay(ZONE).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    Set<Long> commands = new LinkedHashSet<>();
    commands.addAll(
        em.createQuery(
                "select distinct e.commandId from AccessEvent e where e.commandId is not null"
                    + " and e.at >= :start and e.at < :end",
                Long.class)
            .setParameter("start", start)
            .setParameter("end", end)
            .getResultList());
    commands.addAll(
        em.createQuery(
                "select distinct f.commandId from AccessFinding f where f.commandId is not null"
                    + " and f.status = :open",
                Long.class)
            .setParameter("open", AccessFinding.Status.OPEN)
            .getResultList());
    Map<Long, String> codes = new HashMap<>();
    directory.commands().forEach(c -> codes.put(c.id(), c.code()));
    List<MisuseAudit> opened = new ArrayList<>();
    for (long command : commands.stream().sorted().toList()) {
      long already =
          em.createNamedQuery(MisuseAudit.OF_COMMAND_AND_PERIOD, Long.class)
              .setParameter("command", command)
              .setParameter("start", start)
              .getSingleResult();
      if (already == 0) {
        opened.add(open(by, command, codes.get(command), start, end));
      }
    }
    return opened;
  }

  private MisuseAudit open(String by, long commandId, String command, Instant start, Instant end) {
    Instant now = clock.now();
    List<Long> population =
        em.createQuery(
                "select e.id from AccessEvent e where e.commandId = :command and e.at >= :start"
                    + " and e.at < :end and e.receivedAt <= :now order by e.id",
                Long.class)
            .setParameter("command", commandId)
            .setParameter("start", start)
            .setParameter("end", end)
            .setParameter("now", now)
            .getResultList();
    long seed = seeds.nextLong();
    List<Long> sample = sample(population, seed, sampleSize);
    MisuseAudit audit =
        new MisuseAudit(
            businessKeys.next("MA"),
            commandId,
            start,
            end,
            seed,
            sample.size(),
            population.size(),
            now,
            now.plus(due));
    em.persist(audit);
    em.flush();
    int position = 0;
    Set<Long> drawn = new LinkedHashSet<>(sample);
    for (long eventId : sample) {
      em.persist(
          new MisuseAuditItem(
              audit.id(), position++, em.getReference(AccessEvent.class, eventId), null));
    }
    for (AccessFinding finding :
        em.createQuery(
                "select f from AccessFinding f where f.commandId = :command and f.status = :open"
                    + " order by f.raisedAt, f.id",
                AccessFinding.class)
            .setParameter("command", commandId)
            .setParameter("open", AccessFinding.Status.OPEN)
            .getResultList()) {
      if (!drawn.add(finding.event().id())) {
        continue;
      }
      em.persist(new MisuseAuditItem(audit.id(), position++, finding.event(), finding.id()));
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", audit.id());
    variables.put("businessKey", audit.businessKey());
    variables.put("command", command);
    variables.put("misuseAuditDue", due.toString());
    variables.put("misuseAuditReminder", reminder.toString());
    audit.started(
        runtime
            .startProcessInstanceByKey(PROCESS, audit.businessKey(), variables)
            .getProcessInstanceId());
    this.audit.record(
        by,
        "MISUSE_AUDIT_OPENED",
        "MisuseAudit",
        audit.id(),
        audit.businessKey()
            + " "
            + command
            + ", "
            + YearMonth.from(start.atZone(ZONE))
            + ": "
            + sample.size()
            + " of "
            + population.size()
            + " events drawn with seed "
            + seed
            + ", "
            + (position - sample.size())
            + " open finding(s)");
    return audit;
  }

  /** The first {@code size} of a partial Fisher-Yates shuffle of the ids with Random(seed). */
  public static List<Long> sample(List<Long> population, long seed, int size) {
    List<Long> ids = new ArrayList<>(population);
    Random random = new Random(seed);
    int n = Math.min(size, ids.size());
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(ids.size() - i);
      Long swap = ids.get(i);
      ids.set(i, ids.get(j));
      ids.set(j, swap);
    }
    return List.copyOf(ids.subList(0, n));
  }

  public MisuseAudit find(long id) {
    MisuseAudit audit = em.find(MisuseAudit.class, id);
    if (audit == null) {
      throw new NotFoundException("No misuse audit " + id + ".");
    }
    return audit;
  }

  public List<MisuseAuditItem> items(long auditId) {
    return em.createNamedQuery(MisuseAuditItem.OF_AUDIT, MisuseAuditItem.class)
        .setParameter("audit", auditId)
        .getResultList();
  }

  /**
   * The events of an audit for whoever conducts it (the command's CO; past due its ICO), auditors
   * and Internal Affairs. They name members and data subjects: the read is audited.
   */
  @Transactional
  public List<MisuseAuditItem> itemsFor(Actor actor, MisuseAudit misuseAudit) {
    if (!policy.mayReadMisuseAudits(actor)) {
      policy.requireConductMisuseAudit(
          actor, commandCode(misuseAudit), misuseAudit.escalatedAt() != null);
    }
    List<MisuseAuditItem> items = items(misuseAudit.id());
    audit.record(
        actor.username(),
        "MISUSE_AUDIT_ITEMS_VIEWED",
        "MisuseAudit",
        misuseAudit.id(),
        misuseAudit.businessKey() + ": " + items.size() + " event(s)");
    return items;
  }

  public String systemCode(long technologyId) {
    return directory.technologies().stream()
        .filter(t -> t.id() == technologyId)
        .map(org.custodian.directory.entity.Technology::code)
        .findFirst()
        .orElse(null);
  }

  public String commandCode(MisuseAudit audit) {
    return directory.commands().stream()
        .filter(c -> c.id() == audit.commandId())
        .map(Command::code)
        .findFirst()
        .orElseThrow();
  }

  /** How a command's audit stands, for Internal Affairs: no event is shown, only counts. */
  public record Standing(
      long id,
      String businessKey,
      String command,
      YearMonth period,
      MisuseAudit.Status status,
      int sampleSize,
      int population,
      long items,
      long reviewed,
      long questionable,
      Instant openedAt,
      Instant dueAt,
      boolean overdue,
      Instant escalatedAt,
      Instant completedAt,
      String completedBy,
      long seed) {}

  /** Every command's audit of a month (default: the latest audits), for auditors and IAB. */
  @Transactional
  public List<Standing> standing(Actor actor, YearMonth month) {
    policy.requireReadMisuseAudits(actor);
    List<MisuseAudit> audits =
        month == null
            ? em.createNamedQuery(MisuseAudit.RECENT, MisuseAudit.class)
                .setMaxResults(200)
                .getResultList()
            : em.createNamedQuery(MisuseAudit.OF_PERIOD, MisuseAudit.class)
                .setParameter("start", month.atDay(1).atStartOfDay(ZONE).toInstant())
                .getResultList();
    Map<Long, Map<MisuseAuditItem.Verdict, Long>> counts = new HashMap<>();
    Map<Long, Long> totals = new HashMap<>();
    if (!audits.isEmpty()) {
      for (Object[] row :
          em.createNamedQuery(MisuseAuditItem.COUNTS, Object[].class)
              .setParameter("audits", audits.stream().map(MisuseAudit::id).toList())
              .getResultList()) {
        long auditId = (Long) row[0];
        long n = (Long) row[2];
        totals.merge(auditId, n, Long::sum);
        if (row[1] != null) {
          counts
              .computeIfAbsent(auditId, k -> new HashMap<>())
              .put((MisuseAuditItem.Verdict) row[1], n);
        }
      }
    }
    Map<Long, String> codes = new HashMap<>();
    directory.commands().forEach(c -> codes.put(c.id(), c.code()));
    Instant now = clock.now();
    List<Standing> out = new ArrayList<>();
    for (MisuseAudit a : audits) {
      Map<MisuseAuditItem.Verdict, Long> c = counts.getOrDefault(a.id(), Map.of());
      out.add(
          new Standing(
              a.id(),
              a.businessKey(),
              codes.get(a.commandId()),
              YearMonth.from(a.periodStart().atZone(ZONE)),
              a.status(),
              a.sampleSize(),
              a.population(),
              totals.getOrDefault(a.id(), 0L),
              c.getOrDefault(MisuseAuditItem.Verdict.REVIEWED, 0L),
              c.getOrDefault(MisuseAuditItem.Verdict.QUESTIONABLE, 0L),
              a.openedAt(),
              a.dueAt(),
              a.status() == MisuseAudit.Status.OPEN && now.isAfter(a.dueAt()),
              a.escalatedAt(),
              a.completedAt(),
              a.completedBy(),
              a.seed()));
    }
    audit.record(
        actor.username(),
        "MISUSE_AUDITS_LISTED",
        "MisuseAudit",
        month == null ? "recent" : month.toString(),
        out.size() + " audit(s)");
    return out;
  }
}
