package org.custodian.oversight.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/MisuseAllegationProcess.bpmn20.xml and FocusedAuditProcess.bpmn20.xml on
 * an in-memory engine: who gets each task, and where each decision leads.
 */
class OversightProcessesTest {

  private static List<String> groups(ProcessEngine engine, Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .sorted()
        .toList();
  }

  private static Task only(ProcessEngine engine, ProcessInstance p) {
    List<Task> tasks =
        engine.getTaskService().createTaskQuery().processInstanceId(p.getId()).list();
    assertEquals(1, tasks.size());
    return tasks.get(0);
  }

  private static boolean ended(ProcessEngine engine, ProcessInstance p) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(p.getId())
            .count()
        == 0;
  }

  @Test
  void anAllegationIsTriagedByInternalAffairsAndInvestigatedByWhomeverTriageNames() {
    ProcessEngine engine = InMemoryEngine.start("MisuseAllegationProcess", Map.of()).engine();
    try {
      for (String investigators :
          List.of(
              "iab-investigators",
              "commanding-officer@PCT-075,integrity-control-officer@PCT-075")) {
        ProcessInstance p =
            engine
                .getRuntimeService()
                .startProcessInstanceByKey(
                    "MisuseAllegationProcess", Map.of("caseId", 1L, "command", "PCT-075"));
        Task triage = only(engine, p);
        assertEquals("Triage misuse allegation", triage.getName());
        assertEquals(List.of("iab-investigators"), groups(engine, triage));
        engine.getTaskService().complete(triage.getId(), Map.of("investigators", investigators));
        Task investigate = only(engine, p);
        assertEquals("Investigate misuse allegation", investigate.getName());
        assertEquals(List.of(investigators.split(",")), groups(engine, investigate));
        engine.getTaskService().complete(investigate.getId());
        assertEquals(true, ended(engine, p));
      }
    } finally {
      engine.close();
    }
  }

  @Test
  void aFocusedAuditIsDecidedByTheInformationTechnologyBureauEitherWay() {
    ProcessEngine engine = InMemoryEngine.start("FocusedAuditProcess", Map.of()).engine();
    try {
      for (boolean approved : List.of(true, false)) {
        ProcessInstance p =
            engine
                .getRuntimeService()
                .startProcessInstanceByKey("FocusedAuditProcess", Map.of("caseId", 1L));
        Task review = only(engine, p);
        assertEquals("Review focused audit request", review.getName());
        assertEquals(List.of("itb-analysts"), groups(engine, review));
        engine.getTaskService().complete(review.getId(), Map.of("approved", approved));
        assertEquals(true, ended(engine, p));
        String end =
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(p.getId())
                .singleResult()
                .getEndActivityId();
        assertEquals(approved ? "EndEvent_ReportAvailable" : "EndEvent_Refused", end);
      }
    } finally {
      engine.close();
    }
  }
}
