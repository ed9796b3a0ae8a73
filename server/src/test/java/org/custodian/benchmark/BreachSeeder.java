package org.custodian.benchmark;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.breach.control.BreachReports;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.inbox.control.Inbox;
import org.custodian.platform.Actor;
import org.custodian.platform.Groups;
import org.custodian.platform.Roles;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * Open breach cases made the way users make them (the service, each with its process, task and
 * three timers), in transactions of a few hundred; and closed cases for the quarterly report,
 * inserted in SQL (only their rows matter there).
 */
@ApplicationScoped
public class BreachSeeder {

  static final Actor REPORTER = new Actor("member.diaz", Set.of(Roles.MEMBER), Set.of(), "PCT-075");
  static final Actor APO =
      new Actor(
          "apo.legal", Set.of(Roles.PRIVACY_OFFICER), Set.of(Groups.PRIVACY_OFFICERS), "LEGAL");

  @Inject BreachReports breaches;

  @Inject Inbox inbox;

  @Inject TaskService tasks;

  /**
   * n open cases; the first toCpo of them assessed and reported, so they wait in the City CPO's
   * inbox.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void batch(int n, int toCpo) {
    DataCategory[] categories = DataCategory.values();
    RecipientKind[] kinds = RecipientKind.values();
    for (int i = 0; i < n; i++) {
      BreachReport b =
          breaches.report(
              REPORTER,
              new org.custodian.breach.control.ReportBreach(
                  "Seeded by the benchmark: a record was sent to the wrong recipient.",
                  "Benchmark recipient " + i,
                  kinds[i % kinds.length],
                  null,
                  "Found in an audit.",
                  java.util.EnumSet.of(categories[i % categories.length], DataCategory.NAME),
                  new org.custodian.breach.control.ReportBreach.AffectedIndividuals(
                      1 + i % 9, List.of()),
                  List.of()));
      if (i < toCpo) {
        Task assess =
            tasks.createTaskQuery().processInstanceId(b.processInstanceId()).singleResult();
        inbox.complete(
            APO,
            assess.getId(),
            new org.custodian.breach.control.AssessBreach(
                org.custodian.breach.control.AssessBreach.Decision.CONFIRM,
                org.custodian.breach.entity.Cause.HUMAN_ERROR,
                null,
                null,
                null));
        Task report =
            tasks.createTaskQuery().processInstanceId(b.processInstanceId()).singleResult();
        inbox.complete(
            APO,
            report.getId(),
            new org.custodian.breach.control.ReportToCpo(
                "Seeded by the benchmark: reported to the City CPO in time."));
      }
    }
  }

  /** Closed, confirmed cases of this quarter, for the quarterly report: rows only, in SQL. */
  static void closed(DataSource dataSource, int count) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (int from = 1; from <= count; from += 50_000) {
        int to = Math.min(count, from + 49_999);
        s.executeUpdate(
            "INSERT INTO breach_report (business_key, reported_by, arrived_at, summary, disclosed_to, recipient_kind, discovered_how, affected_count,"
                + " status, aware_at, cpo_deadline, overdue_at, assessed_by, assessed_at, cause, cpo_summary, reported_to_cpo_by, reported_to_cpo_at,"
                + " acknowledged_by, acknowledged_at, notify_individuals, cpo_concurred_by, cpo_concurred_at, closed_at, version)"
                + " SELECT CONCAT('BR-BM-', LPAD(q.seq, 7, '0')), 'member.diaz', t.at, 'Seeded closed case.', 'Seeded recipient',"
                + " ELT(1 + q.seq % 7, 'PROSECUTOR', 'LAW_ENFORCEMENT_AGENCY', 'CITY_AGENCY', 'GOVERNMENT_AGENCY', 'DATA_SUBJECT', 'COMMUNITY_OR_MEDIA', 'VENDOR'),"
                + " 'Seeded.', 1 + q.seq % 20, 'CLOSED', t.at, t.at + INTERVAL 1 DAY, IF(q.seq % 10 = 0, t.at + INTERVAL 1 DAY, NULL), 'apo.legal', t.at,"
                + " ELT(1 + q.seq % 6, 'HUMAN_ERROR', 'UNAUTHORIZED_ACCESS', 'NO_LAWFUL_BASIS', 'LOST_OR_STOLEN', 'SYSTEM_FAULT', 'OTHER'), 'Seeded.',"
                + " 'apo.legal', t.at + INTERVAL IF(q.seq % 10 = 0, 30, 20) HOUR, 'cpo.city', t.at + INTERVAL 2 DAY, q.seq % 3 = 0, 'cpo.city',"
                + " t.at + INTERVAL 3 DAY, t.at + INTERVAL 9 DAY, 0"
                + " FROM seq_"
                + from
                + "_to_"
                + to
                + " q JOIN (SELECT seq, GREATEST("
                + quarterStartSql()
                + ", UTC_TIMESTAMP(6) - INTERVAL 30 DAY) + INTERVAL (seq % 1000) MINUTE AS at"
                + " FROM seq_"
                + from
                + "_to_"
                + to
                + ") t ON t.seq = q.seq");
      }
      s.executeUpdate(
          "INSERT INTO breach_category (breach_id, category)"
              + " SELECT b.id, ELT(1 + b.id % 13, 'NAME', 'DATE_OF_BIRTH', 'ADDRESS', 'PHOTOGRAPH', 'BIOMETRIC', 'LICENSE_PLATE', 'ARREST_RECORD',"
              + " 'CRIMINAL_CONVICTION', 'VICTIM_OR_WITNESS_STATUS', 'CITIZENSHIP_OR_IMMIGRATION_STATUS', 'SURVEILLANCE_SYSTEM_INFORMATION', 'LOCATION', 'OTHER')"
              + " FROM breach_report b WHERE b.business_key LIKE 'BR-BM-%'");
      s.execute("ANALYZE TABLE breach_report");
      s.execute("ANALYZE TABLE breach_category");
    }
  }

  /** The start of the current quarter (UTC is close enough for seeding inside it). */
  private static String quarterStartSql() {
    return "MAKEDATE(YEAR(UTC_TIMESTAMP()), 1) + INTERVAL (QUARTER(UTC_TIMESTAMP()) - 1) QUARTER + INTERVAL 1 DAY";
  }
}
