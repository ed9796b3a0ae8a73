package org.custodian.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flowable.engine.ManagementService;
import org.flowable.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flowable.job.service.impl.asyncexecutor.AsyncExecutor;

/**
 * Ready only while the process engine's job executor runs: it fires every deadline (the breach
 * clock's reminders, review escalations, recertification campaigns). Reports how many timer jobs
 * are due and not yet taken, so a stuck executor shows before a deadline is missed.
 */
@Readiness
@ApplicationScoped
public class JobExecutorCheck implements HealthCheck {

  @Inject ProcessEngineConfigurationImpl configuration;

  @Inject ManagementService management;

  @Override
  public HealthCheckResponse call() {
    AsyncExecutor executor = configuration.getAsyncExecutor();
    boolean active = executor != null && executor.isActive();
    var response = HealthCheckResponse.named("job-executor").status(active);
    try {
      response
          .withData("timerJobsDue", management.createTimerJobQuery().executable().count())
          .withData("jobsWaiting", management.createJobQuery().count());
    } catch (RuntimeException e) {
      response.down().withData("error", String.valueOf(e.getMessage()));
    }
    return response.build();
  }
}
