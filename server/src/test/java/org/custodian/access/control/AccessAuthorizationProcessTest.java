package org.custodian.access.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of processes/AccessAuthorizationProcess.bpmn20.xml on an in-memory engine. The
 * delegates are recorders here; their real work is covered by the integration tests.
 */
class AccessAuthorizationProcessTest {

  private static ProcessEngine engine;
  private static final List<String> granted = new ArrayList<>();
  private static final List<String> escalated = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put(
        "grantAccess",
        (JavaDelegate) execution -> granted.add(execution.getProcessInstanceBusinessKey()));
    beans.put(
        "escalateOverdueReview",
        (JavaDelegate)
            execution -> {
              for (Task task :
                  engine
                      .getTaskService()
                      .createTaskQuery()
                      .processInstanceId(execution.getProcessInstanceId())
                      .list()) {
                engine.getTaskService().addCandidateGroup(task.getId(), "access-review-escalation");
              }
              escalated.add(execution.getProcessInstanceBusinessKey());
            });
    engine = InMemoryEngine.start("AccessAuthorizationProcess", beans).engine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @AfterEach
  void resetClock() {
    engine.getProcessEngineConfiguration().getClock().reset();
    granted.clear();
    escalated.clear();
  }

  private ProcessInstance start(String key, int layers) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseId", 1L);
    variables.put("businessKey", key);
    variables.put("requestedBy", "co.ramirez");
    variables.put("reviewLayers", layers);
    variables.put("layer", 1);
    variables.put("reviewDue", Duration.ofDays(3).toString()); // as AccessRequests sends it: PT72H
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey("AccessAuthorizationProcess", key, variables);
  }

  private Task onlyTask(ProcessInstance process) {
    List<Task> tasks =
        engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).list();
    assertEquals(1, tasks.size(), "exactly one open task");
    return tasks.get(0);
  }

  private void decide(Task task, String decision) {
    engine
        .getTaskService()
        .complete(task.getId(), Map.of("decision", decision, "decidedBy", "reviewer"));
  }

  private List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
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
  void approvalThroughEveryLayerInOrderGrantsAccess() {
    ProcessInstance process = start("AR-1", 3);
    for (int layer = 1; layer <= 3; layer++) {
      Task review = onlyTask(process);
      assertEquals("Task_ReviewAccessRequest", review.getTaskDefinitionKey());
      assertEquals(
          List.of("access-review-" + layer),
          candidateGroups(review),
          "layer " + layer + " reviews");
      assertTrue(granted.isEmpty(), "no grant before the last layer approves");
      decide(review, "APPROVE");
    }
    assertEquals(List.of("AR-1"), granted);
    assertTrue(ended(process));
  }

  @Test
  void oneLayerTechnologyIsGrantedAfterOneApproval() {
    ProcessInstance process = start("AR-2", 1);
    decide(onlyTask(process), "APPROVE");
    assertEquals(List.of("AR-2"), granted);
    assertTrue(ended(process));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void rejectionAtAnyLayerEndsWithoutGrant(int rejectingLayer) {
    ProcessInstance process = start("AR-R" + rejectingLayer, 2);
    for (int layer = 1; layer < rejectingLayer; layer++) {
      decide(onlyTask(process), "APPROVE");
    }
    decide(onlyTask(process), "REJECT");
    assertTrue(ended(process));
    assertTrue(granted.isEmpty());
  }

  @Test
  void returnedRequestGoesToTheRequesterAndResumesAtTheSameLayerWhenAnswered() {
    ProcessInstance process = start("AR-3", 2);
    decide(onlyTask(process), "APPROVE");
    decide(onlyTask(process), "RETURN");
    Task answer = onlyTask(process);
    assertEquals("Task_AnswerReturnedRequest", answer.getTaskDefinitionKey());
    assertEquals("co.ramirez", answer.getAssignee());
    decide(answer, "ANSWER");
    Task review = onlyTask(process);
    assertEquals(List.of("access-review-2"), candidateGroups(review), "review resumes at layer 2");
    decide(review, "APPROVE");
    assertEquals(List.of("AR-3"), granted);
  }

  @Test
  void withdrawnRequestEndsWithoutGrant() {
    ProcessInstance process = start("AR-4", 2);
    decide(onlyTask(process), "RETURN");
    decide(onlyTask(process), "WITHDRAW");
    assertTrue(ended(process));
    assertTrue(granted.isEmpty());
  }

  @Test
  void reviewIsDueAfterTheConfiguredDuration() {
    Instant now = Instant.parse("2026-03-02T14:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    Task review = onlyTask(start("AR-5", 2));
    assertEquals(Date.from(now.plus(Duration.ofDays(3))), review.getDueDate());
  }

  @Test
  void overdueReviewIsEscalatedAndStaysOpenForItsLayer() {
    Instant now = Instant.parse("2026-03-02T14:00:00Z");
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(now));
    ProcessInstance process = start("AR-6", 2);
    Job timer =
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .singleResult();
    assertEquals(Date.from(now.plus(Duration.ofDays(3))), timer.getDuedate());

    engine
        .getProcessEngineConfiguration()
        .getClock()
        .setCurrentTime(Date.from(now.plus(Duration.ofDays(3)).plusSeconds(60)));
    Job executable = engine.getManagementService().moveTimerToExecutableJob(timer.getId());
    engine.getManagementService().executeJob(executable.getId());

    assertEquals(List.of("AR-6"), escalated);
    Task review = onlyTask(process);
    assertEquals(List.of("access-review-1", "access-review-escalation"), candidateGroups(review));
    decide(review, "APPROVE");
    assertEquals("access-review-2", candidateGroups(onlyTask(process)).get(0));
  }

  @Test
  void decidedReviewCancelsItsOverdueTimer() {
    ProcessInstance process = start("AR-7", 2);
    decide(onlyTask(process), "APPROVE");
    assertEquals(
        1,
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .count(),
        "only the new layer's timer remains");
    decide(onlyTask(process), "REJECT");
    assertNull(
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processInstanceId(process.getId())
            .singleResult());
  }
}
