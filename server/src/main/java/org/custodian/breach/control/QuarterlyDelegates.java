package org.custodian.breach.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.custodian.inbox.control.InboxProjection;
import org.custodian.platform.EngineClock;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * "Choose the quarter": started by the quarterly timer, the report is for the quarter that just
 * ended.
 */
@ApplicationScoped
@Named("chooseReportQuarter")
public class QuarterlyDelegates implements JavaDelegate {

  @Inject EngineClock clock;

  @Override
  public void execute(DelegateExecution execution) {
    if (execution.getVariable("quarter") == null) {
      String quarter =
          QuarterlySummary.previous(clock.now().atZone(java.time.ZoneId.of("America/New_York")));
      QuarterlyReports.variables(quarter).forEach(execution::setVariable);
    }
    execution.setVariable(InboxProjection.BUSINESS_KEY, "QR-" + execution.getVariable("quarter"));
  }
}
