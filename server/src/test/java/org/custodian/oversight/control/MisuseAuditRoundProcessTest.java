package org.custodian.oversight.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/MisuseAuditRoundProcess.bpmn20.xml: the monthly timer opens the commands' audits. */
class MisuseAuditRoundProcessTest {

  /** Stands in for the configured monthly schedule. */
  public static class Schedule {
    public String cycle() {
      return "0 0 6 1 * ?";
    }
  }

  private static ProcessEngine engine;
  private static final List<String> calls = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("misuseAuditSchedule", new Schedule());
    beans.put("openMisuseAudits", (JavaDelegate) execution -> calls.add("open"));
    engine = InMemoryEngine.start("MisuseAuditRoundProcess", beans).engine();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void theMonthlyTimerOpensTheAudits() {
    List<Job> starts =
        engine
            .getManagementService()
            .createTimerJobQuery()
            .processDefinitionKey("MisuseAuditRoundProcess")
            .list();
    assertEquals(1, starts.size(), "a start timer waits for the next month");
    engine
        .getManagementService()
        .executeJob(
            engine.getManagementService().moveTimerToExecutableJob(starts.get(0).getId()).getId());
    assertEquals(List.of("open"), calls);
  }
}
