package org.custodian.oversight.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
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

/**
 * Every path of processes/MisuseAuditProcess.bpmn20.xml on an in-memory engine, and the sample
 * drawing that Internal Affairs must be able to repeat.
 */
class MisuseAuditProcessTest {

  private static ProcessEngine engine;
  private static final List<String> calls = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("remindMisuseAudit", (JavaDelegate) execution -> calls.add("remind"));
    beans.put(
        "escalateMisuseAudit",
        (JavaDelegate) execution -> calls.add("escalate " + execution.getVariable("command")));
    engine = InMemoryEngine.start("MisuseAuditProcess", beans).engine();
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

  private ProcessInstance start(Instant now) {
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "MisuseAuditProcess",
            "MA-1",
            Map.of(
                "caseId",
                1L,
                "businessKey",
                "MA-1",
                "command",
                "PCT-075",
                // as MisuseAudits sends them: Duration.toString()
                "misuseAuditDue",
                Duration.ofDays(14).toString(),
                "misuseAuditReminder",
                Duration.ofDays(11).toString()));
  }

  private List<Task> tasks(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).list();
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
  void theCommandingOfficerGetsTheAuditDueInFourteenDaysAndCompletingItEndsTheProcess() {
    Instant now = Instant.parse("2026-12-01T11:00:00Z");
    ProcessInstance process = start(now);
    List<Task> open = tasks(process);
    assertEquals(1, open.size());
    assertEquals("Audit your command's system use", open.get(0).getName());
    assertEquals(
        List.of("commanding-officer@PCT-075"),
        engine.getTaskService().getIdentityLinksForTask(open.get(0).getId()).stream()
            .map(IdentityLink::getGroupId)
            .filter(g -> g != null)
            .toList());
    assertEquals(Date.from(now.plus(Duration.ofDays(14))), open.get(0).getDueDate());
    engine.getTaskService().complete(open.get(0).getId());
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(process.getId())
            .count());
    assertEquals(List.of(), calls);
  }

  @Test
  void remindsThreeDaysBeforeAndEscalatesAtTheDeadlineWhileTheAuditStaysOpen() {
    Instant now = Instant.parse("2026-12-01T11:00:00Z");
    ProcessInstance process = start(now);
    fire(timer(process, now.plus(Duration.ofDays(11))));
    assertEquals(List.of("remind"), calls);
    fire(timer(process, now.plus(Duration.ofDays(14))));
    assertEquals(List.of("remind", "escalate PCT-075"), calls);
    assertEquals(1, tasks(process).size(), "the audit is still to be done, by the CO or the ICO");
    engine.getTaskService().complete(tasks(process).get(0).getId());
    assertEquals(
        0,
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(process.getId())
            .count());
  }

  @Test
  void theSeedDrawsTheSameSampleAgainAndAnotherSeedAnother() {
    List<Long> population = LongStream.rangeClosed(101, 400).boxed().toList();
    List<Long> sample = MisuseAudits.sample(population, 7L, 25);
    assertEquals(25, sample.size());
    assertEquals(25, sample.stream().distinct().count(), "no event twice");
    assertTrue(population.containsAll(sample));
    assertEquals(sample, MisuseAudits.sample(population, 7L, 25), "reproducible");
    assertNotEquals(sample, MisuseAudits.sample(population, 8L, 25));
    assertEquals(
        List.of(101L, 102L, 103L).stream().sorted().toList(),
        MisuseAudits.sample(List.of(101L, 102L, 103L), 7L, 25).stream().sorted().toList(),
        "a small month is reviewed whole");
    assertEquals(List.of(), MisuseAudits.sample(List.of(), 7L, 25));
  }
}
