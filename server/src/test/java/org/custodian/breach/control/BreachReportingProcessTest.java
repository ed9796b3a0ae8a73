package org.custodian.breach.control;

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

/**
 * Every path of processes/BreachReportingProcess.bpmn20.xml on an in-memory engine, the clock moved
 * by the test.
 */
class BreachReportingProcessTest {

  private static InMemoryEngine processes;
  private static ProcessEngine engine;
  private static final List<String> calls = new ArrayList<>();
  private static final Instant AWARE = Instant.parse("2026-11-22T09:00:00Z");

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(
        "remindBreachDeadline",
        (JavaDelegate) execution -> calls.add("remind@" + execution.getCurrentActivityId()));
    beans.put("markBreachOverdue", (JavaDelegate) execution -> calls.add("overdue"));
    processes = InMemoryEngine.start("BreachReportingProcess", beans);
    engine = processes.engine();
  }

  @AfterAll
  static void stopEngine() {
    processes.close();
  }

  @AfterEach
  void reset() {
    processes.reset();
    calls.clear();
  }

  private ProcessInstance report(Instant aware) {
    processes.at(aware);
    Instant deadline = aware.plus(Duration.ofHours(24));
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", 1L);
    variables.put("businessKey", "BR-1");
    variables.put("privacyOfficers", "privacy-officers");
    variables.put("cpoGroup", "chief-privacy-officers");
    variables.put("cpoDeadline", Date.from(deadline));
    variables.put("reminderFirstAt", Date.from(deadline.minus(Duration.ofHours(12))));
    variables.put("reminderSecondAt", Date.from(deadline.minus(Duration.ofHours(4))));
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey("BreachReportingProcess", "BR-1", variables);
  }

  private String group(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .findFirst()
        .orElse(null);
  }

  @Test
  void confirmedReportedInTimeAndAcknowledgedByTheCityCpo() {
    ProcessInstance process = report(AWARE);
    Task assess = processes.task(process);
    assertEquals("Task_AssessBreach", assess.getTaskDefinitionKey());
    assertEquals("privacy-officers", group(assess));
    assertEquals(
        AWARE.plus(Duration.ofHours(24)),
        assess.getDueDate().toInstant(),
        "due at the 24-hour deadline");
    engine.getTaskService().complete(assess.getId(), Map.of("confirmed", true));
    Task report = processes.task(process);
    assertEquals("Task_ReportToCpo", report.getTaskDefinitionKey());
    assertEquals(
        3,
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .count(),
        "the clock keeps running");
    engine.getTaskService().complete(report.getId());
    assertEquals(
        0,
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .count(),
        "reported: the clock stops");
    Task acknowledge = processes.task(process);
    assertEquals("Task_AcknowledgeReport", acknowledge.getTaskDefinitionKey());
    assertEquals("chief-privacy-officers", group(acknowledge));
    engine.getTaskService().complete(acknowledge.getId());
    assertEquals(
        "Task_ProposeNotification",
        processes.task(process).getTaskDefinitionKey(),
        "then the notification decision");
    assertEquals(List.of(), calls, "no reminder, nothing overdue");
  }

  private ProcessInstance acknowledged() {
    ProcessInstance process = report(AWARE);
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("confirmed", true));
    engine.getTaskService().complete(processes.task(process).getId());
    engine.getTaskService().complete(processes.task(process).getId());
    return process;
  }

  @Test
  void anObjectionReturnsTheProposalThenNotificationsGoOutAndTheCaseCloses() {
    ProcessInstance process = acknowledged();
    Task propose = processes.task(process);
    assertEquals("privacy-officers", group(propose));
    engine.getTaskService().complete(propose.getId(), Map.of("notify", false));
    Task concur = processes.task(process);
    assertEquals("Task_ConcurOnNotification", concur.getTaskDefinitionKey());
    assertEquals("chief-privacy-officers", group(concur));
    engine.getTaskService().complete(concur.getId(), Map.of("concurred", false));
    assertEquals(
        "Task_ProposeNotification",
        processes.task(process).getTaskDefinitionKey(),
        "the City CPO objected: back to the APO");
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("notify", true));
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("concurred", true));
    Task send = processes.task(process);
    assertEquals("Task_SendNotifications", send.getTaskDefinitionKey());
    engine.getTaskService().complete(send.getId());
    assertTrue(processes.ended(process));
    assertEquals(
        "EndEvent_Notified",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(process.getId())
            .singleResult()
            .getEndActivityId());
  }

  @Test
  void concurringThatNobodyIsNotifiedClosesTheCase() {
    ProcessInstance process = acknowledged();
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("notify", false));
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("concurred", true));
    assertTrue(processes.ended(process));
    assertEquals(
        "EndEvent_ClosedWithoutNotification",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(process.getId())
            .singleResult()
            .getEndActivityId());
  }

  @Test
  void remindedAtTwelveAndFourHoursLeftAndOverdueOnlyAfterTwentyFourHours() {
    ProcessInstance process = report(AWARE);
    processes.passTime(process, AWARE.plus(Duration.ofHours(12)).plusSeconds(1));
    assertEquals(List.of("remind@Task_RemindFirst"), calls);
    processes.passTime(process, AWARE.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(59)));
    assertEquals(
        List.of("remind@Task_RemindFirst", "remind@Task_RemindSecond"),
        calls,
        "at 23h59m: reminded twice, not overdue");
    processes.passTime(process, AWARE.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
    assertEquals("overdue", calls.get(2), "at 24h01m: overdue");
    Task assess = processes.task(process);
    assertEquals(
        "Task_AssessBreach",
        assess.getTaskDefinitionKey(),
        "the work stays open: reported late, not dropped");
    engine.getTaskService().complete(assess.getId(), Map.of("confirmed", true));
    engine.getTaskService().complete(processes.task(process).getId());
    assertEquals(
        "Task_AcknowledgeReport",
        processes.task(process).getTaskDefinitionKey(),
        "reported late, still acknowledged");
  }

  @Test
  void notAViolationClosesTheCaseAndStopsTheClock() {
    ProcessInstance process = report(AWARE);
    engine.getTaskService().complete(processes.task(process).getId(), Map.of("confirmed", false));
    assertTrue(processes.ended(process));
    assertEquals(
        "EndEvent_Closed",
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(process.getId())
            .singleResult()
            .getEndActivityId());
  }

  @Test
  void anEarlierAwarenessMovesTheDeadlineTimers() {
    ProcessInstance process = report(AWARE);
    Instant earlier = AWARE.minus(Duration.ofHours(6));
    for (Job timer :
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .list()) {
      Duration before =
          switch (timer.getElementId()) {
            case "Timer_FirstReminder" -> Duration.ofHours(12);
            case "Timer_SecondReminder" -> Duration.ofHours(4);
            default -> Duration.ZERO;
          };
      engine
          .getManagementService()
          .rescheduleTimeDateJob(
              timer.getId(), earlier.plus(Duration.ofHours(24)).minus(before).toString());
    }
    processes.passTime(process, AWARE.plus(Duration.ofHours(18)).plusSeconds(60));
    assertTrue(
        calls.contains("overdue"),
        "the deadline moved six hours earlier: overdue at 18h after arrival");
  }
}
