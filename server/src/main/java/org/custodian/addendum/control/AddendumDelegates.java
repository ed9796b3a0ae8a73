package org.custodian.addendum.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.custodian.addendum.entity.Addendum;
import org.custodian.inbox.control.InboxProjection;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;

/**
 * The addendum process' service tasks; each works in the engine's (the container's) transaction.
 */
public final class AddendumDelegates {

  private AddendumDelegates() {}

  @ApplicationScoped
  @Named("publishAddendumForComment")
  public static class PublishForComment implements JavaDelegate {
    @Inject Addenda addenda;

    @Override
    public void execute(DelegateExecution execution) {
      Addendum a = addenda.openComments(InboxProjection.caseId(execution));
      execution.setVariable("firstUseTooSoon", a.firstUseWarning());
      execution.setVariable("commentClosesAt", Date.from(a.commentClosesAt()));
    }
  }

  @ApplicationScoped
  @Named("closeAddendumComments")
  public static class CloseComments implements JavaDelegate {
    @Inject Addenda addenda;

    @Override
    public void execute(DelegateExecution execution) {
      Addendum a = addenda.closeComments(InboxProjection.caseId(execution));
      execution.setVariable("finalReminderAt", Date.from(addenda.finalReminderAt(a)));
      execution.setVariable("finalDueAt", Date.from(a.finalDueAt()));
    }
  }

  @ApplicationScoped
  @Named("remindAddendumFinal")
  public static class RemindFinal implements JavaDelegate {
    @Inject Addenda addenda;

    @Override
    public void execute(DelegateExecution execution) {
      addenda.remindFinal(InboxProjection.caseId(execution), execution.getProcessInstanceId());
    }
  }

  @ApplicationScoped
  @Named("markAddendumOverdue")
  public static class MarkOverdue implements JavaDelegate {
    @Inject Addenda addenda;

    @Override
    public void execute(DelegateExecution execution) {
      addenda.markOverdue(InboxProjection.caseId(execution));
    }
  }

  @ApplicationScoped
  @Named("publishAddendum")
  public static class Publish implements JavaDelegate {
    @Inject Addenda addenda;

    @Override
    public void execute(DelegateExecution execution) {
      addenda.publish(InboxProjection.caseId(execution));
    }
  }
}
