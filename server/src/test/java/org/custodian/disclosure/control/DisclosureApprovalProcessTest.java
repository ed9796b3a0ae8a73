package org.custodian.disclosure.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.custodian.disclosure.entity.Basis;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route of processes/DisclosureApprovalProcess.bpmn20.xml, per basis, on an in-memory engine.
 */
class DisclosureApprovalProcessTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = InMemoryEngine.start("DisclosureApprovalProcess", new HashMap<>()).engine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private ProcessInstance start(Basis basis) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            Disclosures.PROCESS,
            "DR-" + basis.number(),
            Map.of(
                "caseId",
                1L,
                "businessKey",
                "DR-" + basis.number(),
                "route",
                basis.route().name(),
                "privacyOfficers",
                "privacy-officers",
                "reviewDue",
                Duration.ofDays(3).toString()));
  }

  private Task onlyTask(ProcessInstance process) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process.getId())
        .singleResult();
  }

  private String group(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElse(null);
  }

  private boolean ended(ProcessInstance process) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(process.getId())
            .count()
        == 0;
  }

  @ParameterizedTest
  @EnumSource(
      value = Basis.class,
      names = {"WRITTEN_AUTHORIZATION", "REQUIRED_BY_LAW", "FURTHERS_MISSION"})
  void basesOneToThreeWaitForTheWrittenApprovalOfAnAgencyPrivacyOfficer(Basis basis) {
    ProcessInstance process = start(basis);
    Task task = onlyTask(process);
    assertEquals("Task_ApproveInWriting", task.getTaskDefinitionKey());
    assertEquals("privacy-officers", group(task));
    assertNull(task.getDueDate(), "no deadline is set by the policies");
    engine.getTaskService().complete(task.getId());
    assertTrue(ended(process), "approved or denied in writing: done");
  }

  @ParameterizedTest
  @EnumSource(
      value = Basis.class,
      names = {"CPO_PRE_APPROVAL", "ROUTINE_DESIGNATION"})
  void basesFourAndFiveEndAtFilingApprovedByTheirStandingAuthorization(Basis basis) {
    ProcessInstance process = start(basis);
    assertTrue(ended(process), "no task: the pre-approval or designation approved it");
    assertEquals(
        "EndEvent_ApprovedByStandingAuthorization",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(process.getId())
            .singleResult()
            .getEndActivityId());
  }

  @ParameterizedTest
  @EnumSource(
      value = Basis.class,
      names = {"CRIME_INVESTIGATION", "CITY_AGENCY_WELFARE_INVESTIGATION"})
  void basesSixAndSevenAreReviewedByTheAgencyPrivacyOfficerWithinThreeDays(Basis basis) {
    Instant now = Instant.parse("2026-11-22T15:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    try {
      ProcessInstance process = start(basis);
      Task task = onlyTask(process);
      assertEquals("Task_ReviewAfterTheFact", task.getTaskDefinitionKey());
      assertEquals("privacy-officers", group(task));
      assertEquals(now.plus(Duration.ofDays(3)), task.getDueDate().toInstant());
      engine.getTaskService().complete(task.getId());
      assertTrue(ended(process));
    } finally {
      engine.getProcessEngineConfiguration().getClock().reset();
    }
  }

  @Test
  void everyBasisHasARoute() {
    for (Basis basis : Basis.values()) {
      ProcessInstance process = start(basis);
      boolean waits = !ended(process);
      assertEquals(basis.route() != Basis.Route.STANDING_AUTHORIZATION, waits, basis.name());
      if (waits) {
        engine.getTaskService().complete(onlyTask(process).getId());
      }
    }
  }
}
