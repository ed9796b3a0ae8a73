package org.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Makes the engine's services injectable: {@code @Inject TaskService tasks}. */
@ApplicationScoped
public class ProcessEngineServices {

  @Inject PlatformStartup platform;

  @Produces
  public ProcessEngine processEngine() {
    return platform.processEngine();
  }

  @Produces
  public ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl)
        platform.processEngine().getProcessEngineConfiguration();
  }

  @Produces
  public RuntimeService runtimeService() {
    return platform.processEngine().getRuntimeService();
  }

  @Produces
  public TaskService taskService() {
    return platform.processEngine().getTaskService();
  }

  @Produces
  public RepositoryService repositoryService() {
    return platform.processEngine().getRepositoryService();
  }

  @Produces
  public ManagementService managementService() {
    return platform.processEngine().getManagementService();
  }

  @Produces
  public HistoryService historyService() {
    return platform.processEngine().getHistoryService();
  }
}
