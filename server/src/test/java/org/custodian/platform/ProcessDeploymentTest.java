package org.custodian.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.access.control.RecertificationDelegates;
import org.custodian.testing.InMemoryEngine;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What PlatformStartup does at every start, for a process with a configured start cycle. */
class ProcessDeploymentTest {

  /** The recertification schedule, its setting changed as an operator would. */
  static final class Configured extends RecertificationDelegates.Schedule {
    String cycle = "0 0 6 1 1/3 ?";

    @Override
    public String cycle() {
      return cycle;
    }
  }

  private final Configured schedule = new Configured();
  private final List<String> opened = new java.util.ArrayList<>();
  private InMemoryEngine engine;
  private RepositoryService repository;
  private ManagementService management;

  @BeforeEach
  void startEngine() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("recertificationSchedule", schedule);
    beans.put(
        "openRecertificationCampaign",
        (JavaDelegate)
            execution -> {
              opened.add(execution.getProcessDefinitionId());
              execution.setVariable("commands", new java.util.ArrayList<>());
            });
    beans.put("closeRecertificationCampaign", (JavaDelegate) execution -> {});
    engine = InMemoryEngine.empty("deployment", beans);
    repository = engine.engine().getRepositoryService();
    management = engine.engine().getManagementService();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private void start() {
    ProcessDeployment.deploy(repository, "RecertificationProcess", bpmn(), schedule);
  }

  private static String bpmn() {
    try (InputStream in =
        ProcessDeploymentTest.class
            .getClassLoader()
            .getResourceAsStream("processes/RecertificationProcess.bpmn20.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Job startTimer() {
    List<Job> timers = management.createTimerJobQuery().handlerType("timer-start-event").list();
    assertEquals(1, timers.size(), "one start timer: " + timers);
    return timers.get(0);
  }

  @Test
  void anUnchangedStartDeploysNothingNew() {
    start();
    Job timer = startTimer();
    start();
    assertEquals(
        1,
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("RecertificationProcess")
            .count());
    assertEquals(timer.getId(), startTimer().getId());
  }

  @Test
  void aChangedCycleReachesTheStartTimer() {
    start();
    Job before = startTimer();
    schedule.cycle = "0 30 5 1 1/3 ?"; // half an hour earlier

    start();

    assertEquals(
        2,
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("RecertificationProcess")
            .latestVersion()
            .singleResult()
            .getVersion());
    Job after = startTimer();
    assertNotEquals(before.getId(), after.getId());
    assertEquals(
        Duration.ofMinutes(30),
        Duration.between(after.getDuedate().toInstant(), before.getDuedate().toInstant()));

    // it fires: a campaign starts on the new version, and the next timer keeps the new time of day
    Instant first = after.getDuedate().toInstant();
    engine.at(first);
    management.executeJob(management.moveTimerToExecutableJob(after.getId()).getId());
    assertEquals(List.of(after.getProcessDefinitionId()), opened);
    Instant next = startTimer().getDuedate().toInstant();
    assertTrue(
        next.isAfter(first.plus(Duration.ofDays(80)))
            && next.isBefore(first.plus(Duration.ofDays(95))),
        "the next quarter: " + next);
    assertEquals(
        first.atZone(ZoneId.systemDefault()).toLocalTime(),
        next.atZone(ZoneId.systemDefault()).toLocalTime());
  }

  @Test
  void anInvalidCycleStopsTheStartNamingTheSetting() {
    start();
    Job before = startTimer();
    schedule.cycle = "every quarter";
    IllegalStateException e = assertThrows(IllegalStateException.class, this::start);
    assertTrue(
        e.getMessage()
            .startsWith(
                "custodian.access.recertification-cycle is not a valid cycle: \"every quarter\""),
        e.getMessage());
    assertEquals(before.getId(), startTimer().getId(), "the old timer stays");
  }
}
