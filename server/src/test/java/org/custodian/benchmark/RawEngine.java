package org.custodian.benchmark;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;
import org.flowable.task.api.Task;

/**
 * The raw engine, for the lifecycle baseline: a second Flowable engine in the same server, on the
 * same datasource, transaction manager and database as Custodian's, configured like the app's (JTA,
 * history audit, UUID ids) but with nothing of Custodian's around it: no event listeners (so no
 * inbox projection), no audit chain, no JPA, no HTTP, async executor off. Each API call is its own
 * JTA transaction. Its process is the two-task process of STACK.md's standalone measurement: start,
 * user task (candidate group), user task (candidate group), end.
 *
 * <p>Beside it, for scale, the same engine runs Custodian's own access-authorization process (its
 * BPMN under another key: the review task with its overdue timer, the gateways, the layer's script,
 * the grant's service task), with the variables Custodian starts it with and completes it with, and
 * delegates that do nothing: what the engine alone spends on the real process.
 */
@ApplicationScoped
public class RawEngine {

  private static final Logger LOG = Logger.getLogger(RawEngine.class.getName());

  static final String PROCESS = "benchmarkRawTwoTaskProcess";

  /** Custodian's access-authorization process, deployed under this key by the raw engine. */
  static final String CUSTODIAN_PROCESS = "benchmarkRawAccessAuthorizationProcess";

  private static final java.util.concurrent.atomic.AtomicLong CASES =
      new java.util.concurrent.atomic.AtomicLong(-1_000_000_000L);

  private static final String BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                   xmlns:flowable="http://flowable.org/bpmn"
                   targetNamespace="https://custodian.example/benchmark">
        <process id="benchmarkRawTwoTaskProcess" name="Benchmark: raw two-task process" isExecutable="true">
          <startEvent id="start"/>
          <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
          <userTask id="review" name="Review" flowable:candidateGroups="benchmark-reviewers"/>
          <sequenceFlow id="f2" sourceRef="review" targetRef="approve"/>
          <userTask id="approve" name="Approve" flowable:candidateGroups="benchmark-executives"/>
          <sequenceFlow id="f3" sourceRef="approve" targetRef="end"/>
          <endEvent id="end"/>
        </process>
      </definitions>
      """;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource(lookup = "java:jboss/TransactionManager")
  TransactionManager transactionManager;

  @Resource ManagedExecutorService executor;

  private ProcessEngine engine;

  synchronized ProcessEngine engine() {
    if (engine == null) {
      long start = System.nanoTime();
      JtaProcessEngineConfiguration configuration = new JtaProcessEngineConfiguration();
      configuration.setEngineName("custodian-benchmark-raw");
      configuration.setTransactionManager(transactionManager);
      configuration.setDataSource(dataSource);
      configuration.setTransactionsExternallyManaged(false);
      configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
      configuration.setHistoryLevel(HistoryLevel.AUDIT);
      configuration.setIdGenerator(new StrongUuidGenerator());
      configuration.setAsyncExecutorActivate(false);
      configuration.setDisableIdmEngine(true);
      configuration.setDisableEventRegistry(true);
      org.flowable.engine.delegate.JavaDelegate nothing = execution -> {};
      configuration.setBeans(
          new java.util.HashMap<>(
              java.util.Map.of("grantAccess", nothing, "escalateOverdueReview", nothing)));
      engine = configuration.buildProcessEngine();
      engine
          .getRepositoryService()
          .createDeployment()
          .name(PROCESS)
          .enableDuplicateFiltering()
          .addString(PROCESS + ".bpmn20.xml", BPMN)
          .deploy();
      engine
          .getRepositoryService()
          .createDeployment()
          .name(CUSTODIAN_PROCESS)
          .enableDuplicateFiltering()
          .addString(CUSTODIAN_PROCESS + ".bpmn20.xml", custodianProcess())
          .deploy();
      LOG.info(
          () -> "Raw benchmark engine built in " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }
    return engine;
  }

  /** Custodian's access-authorization BPMN, its process under the raw engine's own key. */
  private static String custodianProcess() {
    try (java.io.InputStream in =
        RawEngine.class
            .getClassLoader()
            .getResourceAsStream("processes/AccessAuthorizationProcess.bpmn20.xml")) {
      if (in == null) {
        throw new IllegalStateException("processes/AccessAuthorizationProcess.bpmn20.xml missing");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace("\"AccessAuthorizationProcess\"", "\"" + CUSTODIAN_PROCESS + "\"");
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** start, query, complete, query, complete; as many as threads can do in the given time. */
  JsonObject lifecycle(int threads, double seconds, int warmup) throws Exception {
    return lifecycle(threads, seconds, warmup, false);
  }

  /**
   * The same with Custodian's access process (two review layers, each approved as a reviewer with
   * the decision variables Custodian sets) instead of the two-task one.
   */
  JsonObject lifecycle(int threads, double seconds, int warmup, boolean custodianProcess)
      throws Exception {
    ProcessEngine e = engine();
    RuntimeService runtime = e.getRuntimeService();
    TaskService tasks = e.getTaskService();
    for (int i = 0; i < warmup; i++) {
      once(runtime, tasks, null, custodianProcess);
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong done = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    @SuppressWarnings("unchecked")
    List<Long>[] steps = new List[5];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = java.util.Collections.synchronizedList(new ArrayList<>());
    }
    List<Long> whole = java.util.Collections.synchronizedList(new ArrayList<>());
    long started = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(
          executor.submit(
              () -> {
                while (System.nanoTime() < end) {
                  long s = System.nanoTime();
                  try {
                    once(runtime, tasks, steps, custodianProcess);
                    whole.add(System.nanoTime() - s);
                    done.incrementAndGet();
                  } catch (RuntimeException ex) {
                    failed.incrementAndGet();
                    if (errors.size() < 5) {
                      errors.add(ex.getClass().getSimpleName() + ": " + ex.getMessage());
                    }
                  }
                }
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    var errorList = Json.createArrayBuilder();
    errors.forEach(errorList::add);
    return Json.createObjectBuilder()
        .add("threads", threads)
        .add("seconds", Math.round(elapsed * 100) / 100.0)
        .add("lifecycles", done.get())
        .add("failed", failed.get())
        .add("perSecond", Math.round(done.get() / elapsed * 10) / 10.0)
        .add("lifecycle", Stats.ofNanos(whole).json())
        .add("start", Stats.ofNanos(steps[0]).json())
        .add("query1", Stats.ofNanos(steps[1]).json())
        .add("complete1", Stats.ofNanos(steps[2]).json())
        .add("query2", Stats.ofNanos(steps[3]).json())
        .add("complete2", Stats.ofNanos(steps[4]).json())
        .add("errors", errorList)
        .build();
  }

  private static void once(
      RuntimeService runtime, TaskService tasks, List<Long>[] steps, boolean custodianProcess) {
    long t0 = System.nanoTime();
    long n = CASES.incrementAndGet();
    String instance =
        custodianProcess
            ? runtime
                .startProcessInstanceByKey(CUSTODIAN_PROCESS, "RAW-" + n, startVariables(n))
                .getId()
            : runtime.startProcessInstanceByKey(PROCESS).getId();
    long t1 = System.nanoTime();
    Task review = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    long t2 = System.nanoTime();
    complete(tasks, review, "rev.one", custodianProcess);
    long t3 = System.nanoTime();
    Task approve = tasks.createTaskQuery().processInstanceId(instance).singleResult();
    long t4 = System.nanoTime();
    complete(tasks, approve, "rev.two", custodianProcess);
    long t5 = System.nanoTime();
    if (custodianProcess
        && runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
      throw new IllegalStateException("Custodian's process did not end after two approvals");
    }
    if (steps != null) {
      steps[0].add(t1 - t0);
      steps[1].add(t2 - t1);
      steps[2].add(t3 - t2);
      steps[3].add(t4 - t3);
      steps[4].add(t5 - t4);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  /** What Custodian starts an access request's process with (AccessRequests.variables). */
  private static java.util.Map<String, Object> startVariables(long n) {
    java.util.Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("caseId", n);
    variables.put("businessKey", "RAW-" + n);
    variables.put("requestedBy", "co.ramirez");
    variables.put("reviewLayers", 2);
    variables.put("layer", 1);
    variables.put("reviewDue", "P3D");
    return variables;
  }

  /** As Custodian completes a review: as the reviewer, with the decision and who made it. */
  private static void complete(
      TaskService tasks, Task task, String reviewer, boolean custodianProcess) {
    if (custodianProcess) {
      tasks.complete(
          task.getId(), reviewer, java.util.Map.of("decision", "APPROVE", "decidedBy", reviewer));
    } else {
      tasks.complete(task.getId());
    }
  }
}
