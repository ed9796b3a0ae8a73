package org.custodian.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.JtaProcessEngineConfiguration;

/**
 * Starts the platform once per deployment: migrates our schema, builds the one process engine on
 * the container's datasource and JTA transaction manager (so a process step, our JPA writes and the
 * audit entry commit or roll back together), and deploys the BPMN of processes/.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlatformStartup {

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  /** The BPMN files packaged from processes/; one per process, file name = process id. */
  static final List<String> PROCESSES =
      List.of(
          "AccessAuthorizationProcess",
          "AccessRevocationProcess",
          "RecertificationProcess",
          "DisclosureApprovalProcess",
          "BreachReportingProcess",
          "QuarterlyBreachReportProcess",
          "AddendumDraftingProcess",
          "MisuseAuditProcess",
          "MisuseAuditRoundProcess",
          "MisuseAllegationProcess",
          "FocusedAuditProcess");

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource(lookup = "java:jboss/TransactionManager")
  TransactionManager transactionManager;

  @Resource ManagedThreadFactory threadFactory;

  @Inject BeanManager beanManager;

  @Inject @Any Instance<FlowableEventListener> eventListeners;

  @Inject @Any Instance<StartSchedule> startSchedules;

  /**
   * Migrations written in code by the capabilities: {@link SchemaJavaMigration}s run with the
   * schema; the others are demo data (the published policies, split into sections).
   */
  @Inject @Any Instance<org.flywaydb.core.api.migration.JavaMigration> javaMigrations;

  @Inject
  @ConfigProperty(name = "custodian.demo-data", defaultValue = "false")
  boolean demoData;

  private ProcessEngine processEngine;

  @PostConstruct
  void start() {
    List<org.flywaydb.core.api.migration.JavaMigration> schema = new ArrayList<>();
    List<org.flywaydb.core.api.migration.JavaMigration> demo = new ArrayList<>();
    javaMigrations.forEach(m -> (m instanceof SchemaJavaMigration ? schema : demo).add(m));
    boolean demoOn = SchemaMigration.migrate(dataSource, schema, demoData, demo);
    processEngine = buildEngine();
    deployProcesses();
    if (demoOn) {
      LOG.warning(
          "Demo data is on (custodian.demo-data=true): demo users with the published password 'custodian-demo' can sign in."
              + " Never on a server that holds real data.");
    }
    LOG.info(() -> "Custodian platform started (demo data " + (demoOn ? "on" : "off") + ")");
  }

  private ProcessEngine buildEngine() {
    JtaProcessEngineConfiguration configuration = new JtaProcessEngineConfiguration();
    configuration.setTransactionManager(transactionManager);
    configuration.setDataSource(dataSource);
    configuration.setTransactionsExternallyManaged(true);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistoryLevel(HistoryLevel.AUDIT);
    // UUIDs instead of the engine's id blocks: no hot row in ACT_GE_PROPERTY, safe on several nodes
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setAsyncExecutorActivate(true);
    // Timer jobs run on the container's managed threads (naming, class loading, transactions)
    configuration.setAsyncExecutorThreadFactory(threadFactory);
    configuration.setBeans(new CdiBeanMap(beanManager));
    configuration.setDisableIdmEngine(true);
    configuration.setDisableEventRegistry(true);
    List<FlowableEventListener> listeners = new ArrayList<>();
    eventListeners.forEach(listeners::add);
    configuration.setEventListeners(listeners);
    return configuration.buildProcessEngine();
  }

  /** An unchanged definition creates no new version (duplicate filtering by name and content). */
  public void deployProcesses() {
    Map<String, StartSchedule> schedules = new HashMap<>();
    startSchedules.forEach(s -> schedules.put(s.processKey(), s));
    for (String process : PROCESSES) {
      ProcessDeployment.deploy(
          processEngine.getRepositoryService(),
          process,
          read("processes/" + process + ".bpmn20.xml"),
          schedules.get(process));
    }
  }

  private static String read(String resource) {
    URL url = PlatformStartup.class.getClassLoader().getResource(resource);
    if (url == null) {
      throw new IllegalStateException("Missing process definition " + resource);
    }
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }

  @PreDestroy
  void stop() {
    if (processEngine != null) {
      processEngine.close();
    }
  }

  public ProcessEngine processEngine() {
    return processEngine;
  }
}
