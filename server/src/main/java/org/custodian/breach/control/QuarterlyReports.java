package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.audit.control.AuditLog;
import org.custodian.breach.entity.BreachReport;
import org.custodian.breach.entity.QuarterlyReport;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.Groups;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.platform.Validation;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.engine.RuntimeService;

/**
 * The City CPO's quarterly report: the anonymized summary of a quarter's confirmed breaches,
 * compiled at the start of each quarter (or for any quarter on request) and published as a frozen
 * version.
 */
@ApplicationScoped
public class QuarterlyReports {

  public static final String PROCESS = "QuarterlyBreachReportProcess";
  public static final String COMPILE_TASK = "Task_CompileQuarterlyReport";
  private static final Jsonb JSON = JsonbBuilder.create();

  /** The quarterly schedule of the timer start event (a cron expression). */
  @ApplicationScoped
  @Named("quarterlyReportSchedule")
  public static class Schedule implements org.custodian.platform.StartSchedule {
    @Inject
    @ConfigProperty(
        name = "custodian.breach.quarterly-report-cycle",
        defaultValue = "0 0 7 1 1/3 ?")
    String cycle;

    @Override
    public String processKey() {
      return "QuarterlyBreachReportProcess";
    }

    @Override
    public String setting() {
      return "custodian.breach.quarterly-report-cycle";
    }

    @Override
    public String cycle() {
      return cycle;
    }
  }

  @PersistenceContext EntityManager em;

  @Inject RuntimeService runtime;

  @Inject AuditLog audit;

  @Inject EngineClock clock;

  @Inject BreachPolicy policy;

  @Inject Validation validation;

  /** The City CPO asks for a quarter's report now ("2026-Q3"; any quarter that has begun). */
  @Transactional
  public String start(Actor actor, RequestQuarterlyReport command) {
    policy.requireCompileQuarterly(actor);
    validation.check(command);
    String quarter = command.quarter().strip();
    ZonedDateTime start;
    try {
      start = QuarterlySummary.start(quarter);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("quarter", "quarter is written like 2026-Q3.");
    }
    if (start.toInstant().isAfter(clock.now())) {
      throw new InvalidInputException("quarter", quarter + " has not begun.");
    }
    String processInstanceId =
        runtime
            .createProcessInstanceBuilder()
            .processDefinitionKey(PROCESS)
            .businessKey("QR-" + quarter)
            .variables(variables(quarter))
            .start()
            .getId();
    audit.record(
        actor.username(),
        "QUARTERLY_REPORT_REQUESTED",
        "QuarterlyReport",
        quarter,
        "compile the report for " + quarter);
    return processInstanceId;
  }

  static Map<String, Object> variables(String quarter) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("quarter", quarter);
    variables.put(InboxProjection.BUSINESS_KEY, "QR-" + quarter);
    variables.put("cpoGroup", Groups.CHIEF_PRIVACY_OFFICERS);
    return variables;
  }

  /**
   * The counts of the quarter's confirmed breaches (the APO became aware within the quarter), small
   * ones suppressed; counted by the database (GROUP BY), never by loading the cases.
   */
  @Transactional
  public QuarterlySummary summarize(String quarter) {
    Instant from = QuarterlySummary.start(quarter).toInstant();
    Instant to = QuarterlySummary.end(quarter).toInstant();
    String confirmed =
        " from BreachReport b where b.awareAt >= :from and b.awareAt < :to and b.status not in :open";
    Map<String, Map<String, Long>> raw = new LinkedHashMap<>();
    raw.put(
        "dataCategory",
        grouped(
            "select c, count(b)"
                + confirmed.replace(
                    "from BreachReport b", "from BreachReport b join b.dataCategories c")
                + " group by c",
            from,
            to));
    raw.put(
        "recipientKind",
        grouped(
            "select b.recipientKind, count(b)" + confirmed + " group by b.recipientKind",
            from,
            to));
    raw.put(
        "cause", grouped("select b.cause, count(b)" + confirmed + " group by b.cause", from, to));
    // one pass over the quarter's confirmed breaches for the total and both timeliness tables
    Object[] c =
        em.createQuery(
                "select count(b),"
                    + " sum(case when b.reportedToCpoAt is not null and b.overdueAt is null and b.reportedToCpoAt <= b.cpoDeadline then 1 else 0 end),"
                    + " sum(case when b.reportedToCpoAt is not null and (b.overdueAt is not null or b.reportedToCpoAt > b.cpoDeadline) then 1 else 0 end),"
                    + " sum(case when b.reportedToCpoAt is null then 1 else 0 end),"
                    + " sum(case when b.cpoConcurredAt is not null and b.notifyIndividuals = true then 1 else 0 end),"
                    + " sum(case when b.cpoConcurredAt is not null and b.notifyIndividuals = false then 1 else 0 end),"
                    + " sum(case when b.cpoConcurredAt is null then 1 else 0 end)"
                    + confirmed,
                Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("open", NOT_CONFIRMED)
            .getSingleResult();
    Map<String, Long> reported = new LinkedHashMap<>();
    reported.put("ON_TIME", number(c[1]));
    reported.put("LATE", number(c[2]));
    reported.put("NOT_YET", number(c[3]));
    raw.put("reportedToCpo", reported);
    Map<String, Long> notification = new LinkedHashMap<>();
    notification.put("NOTIFIED", number(c[4]));
    notification.put("NOT_NOTIFIED", number(c[5]));
    notification.put("UNDECIDED", number(c[6]));
    raw.put("notification", notification);
    return QuarterlySummary.of(quarter, number(c[0]), raw);
  }

  private static final List<BreachReport.Status> NOT_CONFIRMED =
      List.of(BreachReport.Status.ASSESSING, BreachReport.Status.NOT_A_VIOLATION);

  private Map<String, Long> grouped(String jpql, Instant from, Instant to) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Object[] row :
        em.createQuery(jpql, Object[].class)
            .setParameter("from", from)
            .setParameter("to", to)
            .setParameter("open", NOT_CONFIRMED)
            .getResultList()) {
      counts.put(
          row[0] == null ? "UNKNOWN" : ((Enum<?>) row[0]).name(), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** A count or a sum; a sum over no rows is null. */
  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** Publishes the summary as it stands now: the quarter's next version, frozen. */
  @Transactional(Transactional.TxType.MANDATORY)
  public QuarterlyReport publish(Actor actor, String quarter) {
    policy.requireCompileQuarterly(actor);
    Integer latest =
        em.createNamedQuery(QuarterlyReport.LATEST_VERSION, Integer.class)
            .setParameter("quarter", quarter)
            .getSingleResult();
    QuarterlyReport report =
        new QuarterlyReport(
            quarter,
            latest == null ? 1 : latest + 1,
            actor.username(),
            clock.now(),
            JSON.toJson(summarize(quarter)));
    em.persist(report);
    em.flush();
    audit.record(
        actor.username(),
        "QUARTERLY_REPORT_PUBLISHED",
        "QuarterlyReport",
        report.id(),
        quarter + " version " + report.versionNo());
    return report;
  }

  /** A quarter's summary as it stands now, for those who read the reports; audited. */
  @Transactional
  public QuarterlySummary preview(Actor actor, String quarter) {
    policy.requireReadQuarterly(actor);
    try {
      QuarterlySummary.start(quarter);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidInputException("quarter", "quarter is written like 2026-Q3.");
    }
    quarter = quarter.strip();
    QuarterlySummary summary = summarize(quarter);
    audit.record(
        actor.username(),
        "QUARTERLY_SUMMARY_VIEWED",
        "QuarterlyReport",
        quarter,
        "the summary as it stands now");
    return summary;
  }

  /** The published reports, for those who read them; audited. */
  @Transactional
  public List<QuarterlyReport> published(Actor actor) {
    policy.requireReadQuarterly(actor);
    List<QuarterlyReport> reports = published();
    audit.record(
        actor.username(),
        "QUARTERLY_REPORTS_LISTED",
        "QuarterlyReport",
        "all",
        reports.size() + " report(s)");
    return reports;
  }

  /** One published report, for those who read them; audited. */
  @Transactional
  public QuarterlyReport view(Actor actor, long id) {
    policy.requireReadQuarterly(actor);
    QuarterlyReport report = find(id);
    audit.record(
        actor.username(),
        "QUARTERLY_REPORT_VIEWED",
        "QuarterlyReport",
        report.id(),
        report.quarter() + " version " + report.versionNo());
    return report;
  }

  public List<QuarterlyReport> published() {
    return em.createNamedQuery(QuarterlyReport.ALL, QuarterlyReport.class).getResultList();
  }

  public QuarterlyReport find(long id) {
    QuarterlyReport r = em.find(QuarterlyReport.class, id);
    if (r == null) {
      throw new NotFoundException("There is no quarterly report " + id + ".");
    }
    return r;
  }

  public QuarterlySummary content(QuarterlyReport r) {
    return JSON.fromJson(r.content(), QuarterlySummary.class);
  }
}
