package org.custodian.breach.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.custodian.breach.entity.BreachReport;
import org.custodian.disclosure.entity.DataCategory;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.Groups;
import org.custodian.platform.Roles;
import org.custodian.testing.Deployments;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The 24-hour clock inside the real server on MariaDB: the deadline fires by the engine clock. */
@ExtendWith(ArquillianExtension.class)
class BreachClockIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(BreachClockIT.class);
  }

  private static final Actor MEMBER =
      new Actor("member.diaz", Set.of(Roles.MEMBER), Set.of(), "PCT-075");
  private static final Actor APO =
      new Actor(
          "apo.legal", Set.of(Roles.PRIVACY_OFFICER), Set.of(Groups.PRIVACY_OFFICERS), "LEGAL");
  private static final Actor SUPERVISOR =
      new Actor(
          "counsel.general",
          Set.of(Roles.PRIVACY_OFFICER),
          Set.of(Groups.PRIVACY_OFFICER_SUPERVISORS),
          "LEGAL");

  @Inject BreachReports breaches;

  @Inject Inbox inbox;

  @Inject ManagementService management;

  @Inject ProcessEngineConfigurationImpl engine;

  @jakarta.persistence.PersistenceContext jakarta.persistence.EntityManager em;

  @AfterEach
  void restoreEngine() {
    engine.getClock().reset();
    if (!engine.getAsyncExecutor().isActive()) {
      engine.getAsyncExecutor().start();
    }
  }

  private InboxTask openTask(Actor actor, String businessKey) {
    return inbox
        .page(actor, new Inbox.Query(Inbox.Scope.ALL, false, Inbox.Sort.NEWEST, 0, 200))
        .stream()
        .filter(t -> businessKey.equals(t.businessKey()))
        .findFirst()
        .orElse(null);
  }

  private void fireDueTimers(String processInstanceId, Instant now) {
    engine.getClock().setCurrentTime(Date.from(now));
    for (Job timer : management.createTimerJobQuery().processInstanceId(processInstanceId).list()) {
      if (!timer.getDuedate().toInstant().isAfter(now)) {
        management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
      }
    }
  }

  @Test
  void unreportedAfterTwentyFourHoursTheCaseIsOverdueEscalatedAndStaysLateWhenReported() {
    engine.getAsyncExecutor().shutdown(); // the test fires the timers itself
    Instant now = Instant.now();
    engine.getClock().setCurrentTime(Date.from(now));
    BreachReport b =
        breaches.report(
            MEMBER,
            new org.custodian.breach.control.ReportBreach(
                "Names of two witnesses were read out on a public radio channel.",
                "Radio listeners",
                null,
                null,
                "Heard on the scanner.",
                Set.of(DataCategory.NAME, DataCategory.VICTIM_OR_WITNESS_STATUS),
                new org.custodian.breach.control.ReportBreach.AffectedIndividuals(2, List.of()),
                List.of()));
    assertNotNull(openTask(APO, b.businessKey()), "Assess breach waits for the APO");
    assertTrue(
        openTask(SUPERVISOR, b.businessKey()) == null
            || !openTask(SUPERVISOR, b.businessKey()).overdue());

    fireDueTimers(
        b.processInstanceId(), now.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(59)));
    assertTrue(
        openTask(APO, b.businessKey()).subject().startsWith("Reminder:"),
        "reminded before the deadline");
    assertTrue(!breaches.find(b.id()).overdue(), "not overdue at 23h59m");

    fireDueTimers(
        b.processInstanceId(), now.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
    assertTrue(breaches.find(b.id()).overdue(), "overdue at 24h01m");
    InboxTask escalated = openTask(SUPERVISOR, b.businessKey());
    assertNotNull(escalated, "escalated to the APO's supervisors");
    assertTrue(escalated.overdue());
    // each step is a notice for the mail sender: the task, its reminder, its escalation
    List<String> notices =
        em.createQuery(
                "select concat(n.kind, ' ', coalesce(n.groupNames, '')) from Notice n"
                    + " where n.businessKey = :key order by n.id",
                String.class)
            .setParameter("key", b.businessKey())
            .getResultList();
    assertTrue(notices.get(0).startsWith("TASK_ASSIGNED privacy-officers"), notices.toString());
    assertTrue(notices.stream().anyMatch(n -> n.startsWith("TASK_REMINDER")), notices.toString());
    assertTrue(
        notices.stream()
            .anyMatch(
                n ->
                    n.startsWith("TASK_OVERDUE") && n.contains(Groups.PRIVACY_OFFICER_SUPERVISORS)),
        notices.toString());

    inbox.complete(
        APO,
        openTask(APO, b.businessKey()).taskId(),
        new org.custodian.breach.control.AssessBreach(
            org.custodian.breach.control.AssessBreach.Decision.CONFIRM,
            org.custodian.breach.entity.Cause.HUMAN_ERROR,
            null,
            null,
            null));
    InboxTask report = openTask(APO, b.businessKey());
    assertTrue(report.overdue(), "the report task is as late as the case");
    inbox.complete(
        APO,
        report.taskId(),
        new org.custodian.breach.control.ReportToCpo(
            "Two witnesses' names were broadcast on a public radio channel by mistake."));
    BreachReport reported = breaches.find(b.id());
    assertTrue(reported.overdue(), "reported late stays late");
    assertTrue(
        reported.lateness().toMinutes() >= 1, "the lateness is recorded: " + reported.lateness());
    assertEquals(BreachReport.Status.REPORTED_TO_CPO, reported.status());
  }
}
