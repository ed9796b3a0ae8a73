package org.custodian.platform;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;

/** Deploys one process definition of processes/, unless the same one is deployed already. */
public final class ProcessDeployment {

  private ProcessDeployment() {}

  /**
   * Deploys the BPMN under the process' name with duplicate filtering: an unchanged definition
   * creates no new version. A process started on a configured cycle ({@code schedule}, else null)
   * carries the cycle as a second resource, so a changed setting deploys the next version and its
   * start timer follows the setting. An invalid cron expression stops the deployment, naming the
   * setting.
   */
  public static Deployment deploy(
      RepositoryService repository, String process, String bpmn, StartSchedule schedule) {
    var deployment = repository.createDeployment().name(process).enableDuplicateFiltering();
    deployment.addString("processes/" + process + ".bpmn20.xml", bpmn);
    if (schedule == null) {
      return deployment.deploy();
    }
    deployment.addString(
        "processes/" + process + ".schedule", schedule.setting() + "=" + schedule.cycle() + "\n");
    try {
      return deployment.deploy();
    } catch (FlowableException e) {
      throw new IllegalStateException(
          schedule.setting()
              + " is not a valid cycle: \""
              + schedule.cycle()
              + "\" ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
