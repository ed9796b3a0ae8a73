package org.custodian.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.custodian.access.entity.AccessRequest;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
import org.custodian.inbox.control.Inbox;
import org.custodian.inbox.entity.InboxTask;
import org.custodian.platform.Actor;
import org.custodian.platform.ForbiddenException;
import org.custodian.platform.Groups;
import org.custodian.platform.Roles;
import org.custodian.testing.Deployments;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.api.Job;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Access authorization inside the real server on MariaDB: one transaction per step, segregation of
 * duties by identity, and the overdue timer fired by moving the engine clock.
 */
@ExtendWith(ArquillianExtension.class)
class AccessAuthorizationIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(AccessAuthorizationIT.class, FailingObserver.class);
  }

  private static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN), Set.of(), null);
  private static final Actor CO =
      new Actor("co.ramirez", Set.of(Roles.COMMANDING_OFFICER), Set.of(), "PCT-075");
  private static final Actor LAYER_ONE =
      new Actor("rev.one", Set.of(Roles.EXECUTIVE_REVIEWER), Set.of(Groups.accessReview(1)), null);
  private static final Actor ESCALATION =
      new Actor(
          "rev.three",
          Set.of(Roles.EXECUTIVE_REVIEWER),
          Set.of(Groups.accessReview(3), Groups.ACCESS_REVIEW_ESCALATION),
          null);

  @Inject AccessRequests requests;

  @Inject UserTransaction tx;

  @PersistenceContext EntityManager em;

  @Inject Directory directory;

  @Inject Inbox inbox;

  @Inject AuditLog audit;

  @Inject RuntimeService runtime;

  @Inject ManagementService management;

  @Inject ProcessEngineConfigurationImpl engine;

  @Inject org.custodian.platform.PlatformStartup platform;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @AfterEach
  void restoreEngine() {
    FailingObserver.failNext = false;
    engine.getClock().reset();
    if (!engine.getAsyncExecutor().isActive()) {
      engine.getAsyncExecutor().start();
    }
  }

  private long newMember() {
    String tax = String.valueOf(200_000_000L + System.nanoTime() % 700_000_000L);
    return directory
        .addMember(
            ADMIN,
            new org.custodian.directory.control.AddMember(
                tax, "IT Member " + tax, "Detective", "PCT-075", true))
        .id();
  }

  private org.custodian.access.control.SubmitAccessRequest submission(long member) {
    return new org.custodian.access.control.SubmitAccessRequest(
        member, "CMS", "VIEW", "Investigates the robbery pattern in sector C of the precinct.");
  }

  private long count(String sql) throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private InboxTask openTask(Actor actor, String businessKey) {
    return inbox
        .page(actor, new Inbox.Query(Inbox.Scope.ALL, false, Inbox.Sort.NEWEST, 0, 200))
        .stream()
        .filter(t -> businessKey.equals(t.businessKey()))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(actor.username() + " sees no task of " + businessKey));
  }

  @Test
  void failureAfterTheProcessStartedLeavesNoRequestNoProcessAndNoAuditEntry() throws Exception {
    long member = newMember();
    long requestsBefore = count("SELECT COUNT(*) FROM access_request");
    long processesBefore =
        runtime.createProcessInstanceQuery().processDefinitionKey(AccessRequests.PROCESS).count();
    long auditBefore = count("SELECT COUNT(*) FROM audit_entry");
    long inboxBefore = count("SELECT COUNT(*) FROM inbox_task");
    long keyBefore = count("SELECT last_no FROM business_key_sequence WHERE prefix = 'AR'");

    FailingObserver.failNext = true;
    assertThrows(Exception.class, () -> requests.submit(CO, submission(member)));

    assertEquals(requestsBefore, count("SELECT COUNT(*) FROM access_request"), "no request row");
    assertEquals(
        processesBefore,
        runtime.createProcessInstanceQuery().processDefinitionKey(AccessRequests.PROCESS).count(),
        "no process");
    assertEquals(auditBefore, count("SELECT COUNT(*) FROM audit_entry"), "no audit entry");
    assertEquals(inboxBefore, count("SELECT COUNT(*) FROM inbox_task"), "no inbox task");
    // the key's number is taken in its own short transaction (BusinessKeys), so the failed
    // submission may have used one: keys are unique, not gapless
    assertTrue(
        count("SELECT last_no FROM business_key_sequence WHERE prefix = 'AR'") - keyBefore <= 1,
        "at most one business key number used");

    // and the same submission goes through once nothing fails
    AccessRequest request = requests.submit(CO, submission(member));
    assertEquals(AccessRequest.Status.IN_REVIEW, request.status());
  }

  /**
   * A reader of a request (the review's checks, its inbox subject, its page) finds its member,
   * command, level, the level's system and its decisions already loaded with it: one query, not a
   * lazy load each.
   */
  @Test
  void aRequestIsReadWithEverythingItsReadersNeed() throws Exception {
    long id = requests.submit(CO, submission(newMember())).id();
    tx.begin();
    try {
      AccessRequest request = requests.find(id);
      PersistenceUnitUtil loaded = em.getEntityManagerFactory().getPersistenceUnitUtil();
      for (String attribute : List.of("member", "command", "accessLevel", "decisions")) {
        assertTrue(loaded.isLoaded(request, attribute), attribute + " loaded with the request");
      }
      assertTrue(
          loaded.isLoaded(request.accessLevel(), "technology"),
          "the level's system loaded with the request");
      assertTrue(loaded.isLoaded(request.accessLevel().technology()));
    } finally {
      tx.rollback();
    }
  }

  @Test
  void redeployingAnUnchangedDefinitionCreatesNoNewVersion() {
    int before = latestVersion();
    platform.deployProcesses();
    platform.deployProcesses();
    assertEquals(before, latestVersion());
  }

  private int latestVersion() {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(AccessRequests.PROCESS)
        .latestVersion()
        .singleResult()
        .getVersion();
  }

  @Test
  void theRequesterNeverReviewsTheirOwnRequest() {
    Actor dual =
        new Actor(
            "co.ramirez",
            Set.of(Roles.COMMANDING_OFFICER, Roles.EXECUTIVE_REVIEWER),
            Set.of(Groups.accessReview(1)),
            "PCT-075");
    AccessRequest request = requests.submit(dual, submission(newMember()));
    InboxTask task = openTask(dual, request.businessKey());
    assertThrows(ForbiddenException.class, () -> inbox.claim(dual, task.taskId()));
    assertThrows(
        ForbiddenException.class,
        () ->
            inbox.complete(
                dual,
                task.taskId(),
                new org.custodian.access.control.ReviewAccessRequest(
                    org.custodian.access.control.ReviewAccessRequest.Choice.APPROVE, null)));
    inbox.complete(
        LAYER_ONE,
        task.taskId(),
        new org.custodian.access.control.ReviewAccessRequest(
            org.custodian.access.control.ReviewAccessRequest.Choice.APPROVE, null));
  }

  @Test
  void overdueReviewIsMarkedAndEscalatedWhenTheClockPassesItsDueTime() {
    engine.getAsyncExecutor().shutdown(); // the test fires the timer itself
    Instant now = Instant.now();
    engine.getClock().setCurrentTime(Date.from(now));
    AccessRequest request = requests.submit(CO, submission(newMember()));
    InboxTask task = openTask(LAYER_ONE, request.businessKey());
    assertEquals(
        now.plus(Duration.ofDays(3)).toEpochMilli() / 1000,
        task.dueAt().toEpochMilli() / 1000,
        "due in 3 days");
    assertTrue(!task.overdue());

    Job timer =
        management
            .createTimerJobQuery()
            .processInstanceId(request.processInstanceId())
            .singleResult();
    engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofDays(3)).plusSeconds(60)));
    management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());

    InboxTask overdue = openTask(ESCALATION, request.businessKey());
    assertTrue(overdue.overdue(), "highlighted as overdue");
    assertTrue(overdue.candidateGroups().contains(Groups.ACCESS_REVIEW_ESCALATION));
    List<InboxTask> overdueOnly =
        inbox.page(
            ESCALATION, new Inbox.Query(Inbox.Scope.CANDIDATE, true, Inbox.Sort.NEWEST, 0, 200));
    assertTrue(
        overdueOnly.stream().anyMatch(t -> t.taskId().equals(task.taskId())),
        "the overdue filter finds it");
    assertTrue(
        audit.forObject("AccessRequest", request.id()).stream()
            .anyMatch(e -> e.action().equals("ACCESS_REVIEW_OVERDUE")));

    // the escalation group may now decide the layer
    inbox.complete(
        ESCALATION,
        task.taskId(),
        new org.custodian.access.control.ReviewAccessRequest(
            org.custodian.access.control.ReviewAccessRequest.Choice.APPROVE, null));
    assertEquals(2, requests.find(request.id()).currentLayer());
  }
}
