package org.custodian.breach.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodian.breach.entity.BreachReport;
import org.custodian.breach.entity.Cause;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.disclosure.entity.RecipientKind;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quarterly counts exactly, on MariaDB: cases of every kind filed in a quarter nobody else uses
 * (1990-Q2), counted, then rolled back. Each count is 0 or at least 5, so none is suppressed.
 */
@ExtendWith(ArquillianExtension.class)
class QuarterlyReportsIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(QuarterlyReportsIT.class);
  }

  private static final Duration DAY = Duration.ofHours(24);
  private static final Instant IN_QUARTER = Instant.parse("1990-05-10T14:00:00Z");
  private static final Instant NEXT_QUARTER =
      Instant.parse("1990-07-01T04:00:00Z"); // 00:00 in New York
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Inject QuarterlyReports reports;

  @Inject UserTransaction tx;

  @PersistenceContext EntityManager em;

  @Test
  void countsTheQuartersConfirmedBreachesByEveryDimension() throws Exception {
    tx.begin();
    try {
      for (int i = 0; i < 5; i++) { // reported on time, individuals notified
        BreachReport b =
            confirmed(
                IN_QUARTER,
                RecipientKind.CITY_AGENCY,
                Cause.HUMAN_ERROR,
                DataCategory.NAME,
                DataCategory.ADDRESS);
        b.reportToCpo("apo", IN_QUARTER.plusSeconds(3_600), "summary");
        concur(b, true);
      }
      for (int i = 0; i < 5; i++) { // reported on time, nobody notified
        BreachReport b =
            confirmed(IN_QUARTER, RecipientKind.VENDOR, Cause.SYSTEM_FAULT, DataCategory.NAME);
        b.reportToCpo("apo", IN_QUARTER.plusSeconds(7_200), "summary");
        concur(b, false);
      }
      for (int i = 0; i < 5; i++) { // marked overdue, then reported late
        BreachReport b =
            confirmed(
                IN_QUARTER, RecipientKind.VENDOR, Cause.LOST_OR_STOLEN, DataCategory.PHOTOGRAPH);
        b.overdue(IN_QUARTER.plus(DAY));
        b.reportToCpo("apo", IN_QUARTER.plus(DAY).plusSeconds(60), "summary");
      }
      for (int i = 0; i < 5; i++) { // reported after the deadline, the overdue timer not yet fired
        BreachReport b =
            confirmed(
                IN_QUARTER,
                RecipientKind.PROSECUTOR,
                Cause.UNAUTHORIZED_ACCESS,
                DataCategory.ARREST_RECORD);
        b.reportToCpo("apo", IN_QUARTER.plus(DAY).plusSeconds(1), "summary");
      }
      for (int i = 0; i < 6; i++) { // not reported yet
        confirmed(IN_QUARTER, null, Cause.OTHER, DataCategory.PHOTOGRAPH);
      }
      // not counted: still assessing, not a violation, or aware in the next quarter
      for (int i = 0; i < 3; i++) {
        file(IN_QUARTER, RecipientKind.CITY_AGENCY, DataCategory.NAME);
        file(IN_QUARTER, RecipientKind.CITY_AGENCY, DataCategory.NAME)
            .notAViolation("apo", IN_QUARTER, "internal");
        confirmed(NEXT_QUARTER, RecipientKind.CITY_AGENCY, Cause.HUMAN_ERROR, DataCategory.NAME);
      }
      em.flush();

      QuarterlySummary summary = reports.summarize("1990-Q2");

      assertEquals("26", summary.total());
      assertEquals(
          Map.of("CITY_AGENCY", "5", "VENDOR", "10", "PROSECUTOR", "5", "UNKNOWN", "6"),
          summary.counts().get("recipientKind"));
      assertEquals(
          Map.of(
              "HUMAN_ERROR",
              "5",
              "SYSTEM_FAULT",
              "5",
              "LOST_OR_STOLEN",
              "5",
              "UNAUTHORIZED_ACCESS",
              "5",
              "OTHER",
              "6"),
          summary.counts().get("cause"));
      assertEquals(
          Map.of("NAME", "10", "ADDRESS", "5", "PHOTOGRAPH", "11", "ARREST_RECORD", "5"),
          summary.counts().get("dataCategory"));
      assertEquals(
          Map.of("ON_TIME", "10", "LATE", "10", "NOT_YET", "6"),
          summary.counts().get("reportedToCpo"));
      assertEquals(
          Map.of("NOTIFIED", "5", "NOT_NOTIFIED", "5", "UNDECIDED", "16"),
          summary.counts().get("notification"));
      assertEquals(
          Map.of("ON_TIME", "0", "LATE", "0", "NOT_YET", "0"),
          reports.summarize("1989-Q4").counts().get("reportedToCpo"),
          "a quarter without breaches counts zeros");
    } finally {
      tx.rollback();
    }
  }

  private BreachReport file(Instant at, RecipientKind kind, DataCategory... categories) {
    BreachReport b =
        new BreachReport(
            "BR-QIT-" + System.nanoTime() % 1_000_000_000L + "-" + SEQUENCE.incrementAndGet(),
            "member.diaz",
            at,
            "summary",
            "someone",
            kind,
            at.minusSeconds(60),
            "noticed",
            Set.of(categories),
            1,
            List.of(),
            Set.of(),
            DAY);
    em.persist(b);
    return b;
  }

  private BreachReport confirmed(
      Instant at, RecipientKind kind, Cause cause, DataCategory... categories) {
    BreachReport b = file(at, kind, categories);
    b.confirm("apo", at, cause, null);
    return b;
  }

  private static void concur(BreachReport b, boolean notify) {
    b.acknowledge("cpo", IN_QUARTER.plusSeconds(10_000));
    b.proposeNotification(notify, Set.of(), "rationale", "apo", IN_QUARTER.plusSeconds(20_000));
    b.cpoConcurs("cpo", IN_QUARTER.plusSeconds(30_000));
  }
}
