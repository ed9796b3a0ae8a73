package org.custodian.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.custodian.access.entity.AccessGrant;
import org.custodian.access.entity.AccessRequest;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.Directory;
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

/**
 * Reassignment inside the real server on MariaDB: the confirmation deadline, fired by the clock.
 */
@ExtendWith(ArquillianExtension.class)
class AccessRevocationIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(AccessRevocationIT.class);
  }

  private static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN), Set.of(), null);
  private static final Actor CO =
      new Actor("co.ramirez", Set.of(Roles.COMMANDING_OFFICER), Set.of(), "PCT-075");
  private static final Actor NEW_CO =
      new Actor(
          "co.okafor",
          Set.of(Roles.COMMANDING_OFFICER),
          Set.of(Groups.commandingOfficers("PCT-040")),
          "PCT-040");
  private static final Actor LAYER_ONE =
      new Actor("rev.one", Set.of(Roles.EXECUTIVE_REVIEWER), Set.of(Groups.accessReview(1)), null);

  @Inject AccessRequests requests;

  @Inject PersonnelEvents events;

  @Inject Revocations revocations;

  @Inject Directory directory;

  @Inject Inbox inbox;

  @Inject AuditLog audit;

  @Inject ManagementService management;

  @Inject ProcessEngineConfigurationImpl engine;

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

  /**
   * A new PCT-075 member (a unique tax number) whose request for the technology's STANDARD level
   * the Commanding Officer submitted and layer one approved: one active grant.
   */
  private long memberWithOneGrant(String name, String technology, String justification) {
    String tax = String.valueOf(100_000_000L + System.nanoTime() % 800_000_000L);
    long member =
        directory
            .addMember(
                ADMIN,
                new org.custodian.directory.control.AddMember(
                    tax, name + " " + tax, "Detective", "PCT-075", true))
            .id();
    AccessRequest request =
        requests.submit(CO, new SubmitAccessRequest(member, technology, "STANDARD", justification));
    inbox.complete(
        LAYER_ONE,
        openTask(LAYER_ONE, request.businessKey()).taskId(),
        new ReviewAccessRequest(ReviewAccessRequest.Choice.APPROVE, null));
    return member;
  }

  @Inject Recertifications recertifications;

  @Test
  void grantsNotRecertifiedByTheDeadlineEnd() {
    engine.getAsyncExecutor().shutdown(); // the test fires the deadline itself
    long member =
        memberWithOneGrant(
            "Recertified Member", "CAMERA", "Photographs crime scenes for the precinct squad.");
    AccessGrant grant = revocations.activeGrants(member).get(0);

    Instant now = Instant.now();
    engine.getClock().setCurrentTime(Date.from(now));
    org.custodian.access.entity.RecertificationCampaign campaign = recertifications.startNow(ADMIN);
    Actor co =
        new Actor(
            "co.ramirez",
            Set.of(Roles.COMMANDING_OFFICER),
            Set.of(Groups.commandingOfficers("PCT-075")),
            "PCT-075");
    assertNotNull(openTask(co, campaign.businessKey()), "the Commanding Officer is asked");

    String pid = campaign.processInstanceId();
    Job deadline =
        management.createTimerJobQuery().processInstanceId(pid).list().stream()
            .filter(
                j ->
                    j.getDuedate().toInstant().getEpochSecond()
                        == now.plus(Duration.ofDays(14)).getEpochSecond())
            .findFirst()
            .orElseThrow();
    engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofDays(14)).plusSeconds(60)));
    management.executeJob(management.moveTimerToExecutableJob(deadline.getId()).getId());

    AccessGrant ended = revocations.grants(List.of(grant.id())).get(0);
    assertNotNull(ended.endedAt());
    assertTrue(ended.endReason().startsWith("not recertified by the deadline"));
    assertNull(openTask(co, campaign.businessKey()), "the task left the inbox");
  }

  @Test
  void grantsNotConfirmedWithinSevenDaysEndWithTheirReason() {
    engine.getAsyncExecutor().shutdown(); // the test fires the deadline itself
    long member =
        memberWithOneGrant(
            "Deadline Member", "PED", "Carries a department phone on patrol duties every shift.");
    AccessGrant grant = revocations.activeGrants(member).get(0);

    Instant now = Instant.now();
    engine.getClock().setCurrentTime(Date.from(now));
    PersonnelEvent event =
        events
            .receive(
                ADMIN,
                new PersonnelEventNotice(member, PersonnelEvent.Type.REASSIGNED, "PCT-040", now))
            .event();
    InboxTask confirm = openTask(NEW_CO, event.businessKey());
    assertNotNull(confirm, "the new command's Commanding Officer is asked");
    assertEquals(now.plus(Duration.ofDays(7)).getEpochSecond(), confirm.dueAt().getEpochSecond());

    Job deadline =
        management
            .createTimerJobQuery()
            .processInstanceId(event.processInstanceId())
            .singleResult();
    engine.getClock().setCurrentTime(Date.from(now.plus(Duration.ofDays(7)).plusSeconds(60)));
    management.executeJob(management.moveTimerToExecutableJob(deadline.getId()).getId());

    List<AccessGrant> active = revocations.activeGrants(member);
    assertTrue(active.isEmpty(), "the unconfirmed grant ended");
    AccessGrant ended = revocations.grants(List.of(grant.id())).get(0);
    assertTrue(ended.endReason().startsWith("not confirmed after reassignment"));
    assertNull(openTask(NEW_CO, event.businessKey()), "the confirmation left the inbox");
    assertTrue(
        audit.forObject("AccessGrant", grant.id()).stream()
            .anyMatch(
                e ->
                    e.action().equals("ACCESS_GRANT_ENDED")
                        && e.details().contains("confirmation deadline")));
  }

  @Test
  void aSecondReassignmentWithdrawsTheConfirmationStillPendingFromTheFirst() {
    long member =
        memberWithOneGrant(
            "Twice Moved", "CAMERA", "Photographs crime scenes for the precinct squad.");
    AccessGrant grant = revocations.activeGrants(member).get(0);

    PersonnelEvent first =
        events
            .receive(
                ADMIN,
                new PersonnelEventNotice(
                    member, PersonnelEvent.Type.REASSIGNED, "PCT-040", Instant.now()))
            .event();
    assertNotNull(openTask(NEW_CO, first.businessKey()), "PCT-040 is asked first");

    PersonnelEvent second =
        events
            .receive(
                ADMIN,
                new PersonnelEventNotice(
                    member, PersonnelEvent.Type.REASSIGNED, "DB", Instant.now()))
            .event();
    Actor detectiveBureauCo =
        new Actor(
            "co.db",
            Set.of(Roles.COMMANDING_OFFICER),
            Set.of(Groups.commandingOfficers("DB")),
            "DB");
    assertNull(openTask(NEW_CO, first.businessKey()), "PCT-040's confirmation is withdrawn");
    assertNotNull(
        openTask(detectiveBureauCo, second.businessKey()),
        "the Detective Bureau's Commanding Officer decides now");
    assertTrue(
        revocations.activeGrants(member).stream().anyMatch(g -> g.id().equals(grant.id())),
        "the grant waits for DB's answer");
    assertTrue(
        audit.forObject("PersonnelEvent", first.id()).stream()
            .anyMatch(
                e ->
                    e.action().equals("CONFIRMATION_WITHDRAWN")
                        && e.details().contains(second.businessKey())));
  }
}
