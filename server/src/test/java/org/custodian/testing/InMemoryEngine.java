package org.custodian.testing;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * One process definition of processes/ on an in-memory engine (H2), for the process tests: the
 * delegates are the test's beans, the async executor is off, and the test moves the engine's clock
 * and fires the timers due by then, as the executor would.
 */
public final class InMemoryEngine implements AutoCloseable {

  private static final java.util.concurrent.atomic.AtomicInteger DATABASES =
      new java.util.concurrent.atomic.AtomicInteger();

  private final ProcessEngine engine;

  private InMemoryEngine(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Deploys processes/{process}.bpmn20.xml with the delegates named by {@code beans}. */
  public static InMemoryEngine start(String process, Map<Object, Object> beans) {
    InMemoryEngine engine = empty(process, beans);
    engine
        .engine
        .getRepositoryService()
        .createDeployment()
        .addClasspathResource("processes/" + process + ".bpmn20.xml")
        .deploy();
    return engine;
  }

  /** An engine with nothing deployed yet, on a database of its own. */
  public static InMemoryEngine empty(String name, Map<Object, Object> beans) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    // a database of its own: two test classes of one process never see each other's jobs
    configuration.setJdbcUrl(
        "jdbc:h2:mem:" + name + "-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    configuration.setAsyncExecutorActivate(false);
    configuration.setBeans(beans);
    return new InMemoryEngine(configuration.buildProcessEngine());
  }

  public ProcessEngine engine() {
    return engine;
  }

  public Instant now() {
    return engine.getProcessEngineConfiguration().getClock().getCurrentTime().toInstant();
  }

  public void at(Instant instant) {
    engine.getProcessEngineConfiguration().getClock().setCurrentTime(Date.from(instant));
  }

  /** Moves the clock and fires every timer of the process due by then. */
  public void passTime(ProcessInstance process, Instant to) {
    at(to);
    for (Job timer : timers(process)) {
      if (!timer.getDuedate().toInstant().isAfter(to)) {
        engine
            .getManagementService()
            .executeJob(
                engine.getManagementService().moveTimerToExecutableJob(timer.getId()).getId());
      }
    }
  }

  public List<Job> timers(ProcessInstance process) {
    return engine
        .getManagementService()
        .createTimerJobQuery()
        .processInstanceId(process.getId())
        .list();
  }

  /** The timers waiting, by element, with their due instants. */
  public Map<String, Instant> due(ProcessInstance process) {
    return timers(process).stream()
        .collect(Collectors.toMap(Job::getElementId, j -> j.getDuedate().toInstant()));
  }

  public List<Task> tasks(ProcessInstance process) {
    return engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).list();
  }

  /** The process' only open task. */
  public Task task(ProcessInstance process) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process.getId())
        .singleResult();
  }

  public Task task(ProcessInstance process, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(process.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** The task's candidate groups. */
  public Set<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
        .map(IdentityLink::getGroupId)
        .filter(g -> g != null)
        .collect(Collectors.toSet());
  }

  public boolean ended(ProcessInstance process) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(process.getId())
            .count()
        == 0;
  }

  /** After each test: the real clock again, no process left running. */
  public void reset() {
    engine.getProcessEngineConfiguration().getClock().reset();
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .list()
        .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
  }

  @Override
  public void close() {
    engine.close();
  }
}
