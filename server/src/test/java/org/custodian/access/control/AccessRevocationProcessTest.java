package org.custodian.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every path of processes/AccessRevocationProcess.bpmn20.xml on an in-memory engine. */
class AccessRevocationProcessTest {

  private static ProcessEngine engine;
  private static final List<String> applied = new ArrayList<>();
  private static final List<String> endedUnconfirmed = new ArrayList<>();
  private static String grantsToConfirm = "";

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(
        "applyPersonnelEvent",
        (JavaDelegate)
            execution -> {
              applied.add(execution.getProcessInstanceBusinessKey());
              execution.setVariable("grantsToConfirm", grantsToConfirm);
              execution.setVariable("confirmationNeeded", !grantsToConfirm.isEmpty());
            });
    beans.put(
        "endUnconfirmedGrants",
        (JavaDelegate)
            execution -> endedUnconfirmed.add((String) execution.getVariable("grantsToConfirm")));
    engine = InMemoryEngine.start("AccessRevocationProcess", beans).engine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void reset() {
    engine.getProcessEngineConfiguration().getClock().reset();
    applied.clear();
    endedUnconfirmed.clear();
    grantsToConfirm = "";
  }

  private ProcessInstance start(String key, String type) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", 1L);
    variables.put("businessKey", key);
    variables.put("eventType", type);
    variables.put("previousCommandGroup", "commanding-officer@PCT-075");
    variables.put("newCommandGroup", type.equals("REASSIGNED") ? "commanding-officer@PCT-040" : "");
    variables.put(
        "confirmationDue", Duration.ofDays(7).toString()); // as PersonnelEvents sends it: PT168H
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey("AccessRevocationProcess", key, variables);
  }

  private List<Task> tasks(ProcessInstance process) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process.getId())
        .orderByTaskName()
        .asc()
        .list();
  }

  private Task task(ProcessInstance process, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  private String group(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElseThrow();
  }

  private boolean ended(ProcessInstance process) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(process.getId())
            .count()
        == 0;
  }

  @Test
  void separationEndsAccessAtOnceWithNoTask() {
    ProcessInstance process = start("PE-1", "SEPARATED");
    assertEquals(List.of("PE-1"), applied);
    assertTrue(ended(process));
  }

  @Test
  void reassignmentWithNothingToConfirmOnlyTellsTheOldCommand() {
    ProcessInstance process = start("PE-2", "REASSIGNED");
    List<Task> open = tasks(process);
    assertEquals(1, open.size());
    assertEquals("Task_AcknowledgeReassignment", open.get(0).getTaskDefinitionKey());
    assertEquals("commanding-officer@PCT-075", group(open.get(0)));
    engine.getTaskService().complete(open.get(0).getId());
    assertTrue(ended(process));
  }

  @Test
  void reassignmentAsksTheNewCommandToConfirmWithinSevenDays() {
    grantsToConfirm = "11,12";
    Instant now = Instant.parse("2026-03-02T14:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start("PE-3", "REASSIGNED");
    Task confirm = task(process, "Task_ConfirmContinuedNeed");
    assertEquals("commanding-officer@PCT-040", group(confirm));
    assertEquals(Date.from(now.plus(Duration.ofDays(7))), confirm.getDueDate());
    engine.getTaskService().complete(confirm.getId());
    engine.getTaskService().complete(task(process, "Task_AcknowledgeReassignment").getId());
    assertTrue(endedUnconfirmed.isEmpty(), "a decided confirmation ends nothing by deadline");
    assertTrue(ended(process));
  }

  @Test
  void unansweredConfirmationEndsTheGrantsAtTheDeadline() {
    grantsToConfirm = "21";
    Instant now = Instant.parse("2026-03-02T14:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start("PE-4", "REASSIGNED");
    Job deadline =
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .singleResult();
    assertEquals(Date.from(now.plus(Duration.ofDays(7))), deadline.getDuedate());
    engine
        .getProcessEngineConfiguration()
        .getClock()
        .setCurrentTime(Date.from(now.plus(Duration.ofDays(7)).plusSeconds(1)));
    engine
        .getManagementService()
        .executeJob(
            engine.getManagementService().moveTimerToExecutableJob(deadline.getId()).getId());
    assertEquals(List.of("21"), endedUnconfirmed);
    assertEquals(null, task(process, "Task_ConfirmContinuedNeed"), "the confirmation is withdrawn");
  }
}
