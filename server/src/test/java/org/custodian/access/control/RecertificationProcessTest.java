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

/** Every path of processes/RecertificationProcess.bpmn20.xml on an in-memory engine. */
class RecertificationProcessTest {

  /** Stands in for the configured quarterly schedule. */
  public static class Schedule {
    public String cycle() {
      return "0 0 6 1 1/3 ?";
    }
  }

  private static ProcessEngine engine;
  private static final List<String> calls = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("recertificationSchedule", new Schedule());
    beans.put(
        "openRecertificationCampaign",
        (JavaDelegate)
            execution -> {
              calls.add("open");
              execution.setVariable("caseId", 1L);
              execution.setVariable("businessKey", "RC-1");
              execution.setVariable("commands", new ArrayList<>(List.of("PCT-040", "PCT-075")));
              execution.setVariable(
                  "recertificationDue",
                  Duration.ofDays(14).toString()); // as the delegate sends it: PT336H
              execution.setVariable("recertificationReminder", Duration.ofDays(11).toString());
            });
    beans.put("remindRecertification", (JavaDelegate) execution -> calls.add("remind"));
    beans.put("endUncertifiedGrants", (JavaDelegate) execution -> calls.add("endUncertified"));
    beans.put("closeRecertificationCampaign", (JavaDelegate) execution -> calls.add("close"));
    engine = InMemoryEngine.start("RecertificationProcess", beans).engine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void reset() {
    engine.getProcessEngineConfiguration().getClock().reset();
    calls.clear();
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
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

  private String group(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElseThrow();
  }

  private ProcessInstance start() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey("RecertificationProcess", Map.of("startedBy", "admin"));
  }

  private Job timer(ProcessInstance process, Instant due) {
    return engine
        .getManagementService()
        .createTimerJobQuery()
        .processInstanceId(process.getId())
        .list()
        .stream()
        .filter(j -> j.getDuedate().toInstant().equals(due))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no timer due " + due));
  }

  private void fire(Job timer) {
    engine
        .getManagementService()
        .executeJob(engine.getManagementService().moveTimerToExecutableJob(timer.getId()).getId());
  }

  @Test
  void theQuarterlyTimerIsScheduled() {
    assertEquals(
        1,
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processDefinitionKey("RecertificationProcess")
            .list()
            .stream()
            .filter(j -> j.getProcessInstanceId() == null)
            .count(),
        "a start timer waits for the next quarter");
  }

  @Test
  void eachCommandGetsOneTaskDueInFourteenDaysAndTheCampaignClosesWhenAllDecide() {
    Instant now = Instant.parse("2026-04-01T10:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start();
    List<Task> open = tasks(process);
    assertEquals(2, open.size());
    assertEquals("Recertify access for PCT-040", open.get(0).getName());
    assertEquals("commanding-officer@PCT-040", group(open.get(0)));
    assertEquals("commanding-officer@PCT-075", group(open.get(1)));
    assertEquals(Date.from(now.plus(Duration.ofDays(14))), open.get(0).getDueDate());
    open.forEach(t -> engine.getTaskService().complete(t.getId()));
    assertEquals(List.of("open", "close"), calls);
  }

  @Test
  void remindsThreeDaysBeforeTheDeadlineAndKeepsTheTasksOpen() {
    Instant now = Instant.parse("2026-04-01T10:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start();
    fire(timer(process, now.plus(Duration.ofDays(11))));
    assertEquals(List.of("open", "remind"), calls);
    assertEquals(2, tasks(process).size());
  }

  @Test
  void atTheDeadlineUncertifiedGrantsEndAndTheTasksAreWithdrawn() {
    Instant now = Instant.parse("2026-04-01T10:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start();
    engine.getTaskService().complete(tasks(process).get(0).getId());
    fire(timer(process, now.plus(Duration.ofDays(14))));
    assertTrue(calls.contains("endUncertified"));
    assertTrue(!calls.contains("close"));
    assertEquals(0, tasks(process).size());
  }
}
