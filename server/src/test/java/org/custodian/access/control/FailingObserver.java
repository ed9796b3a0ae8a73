package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Fails the submitting transaction after the process has started, when a test asks it to. */
@ApplicationScoped
public class FailingObserver {

  static volatile boolean failNext;

  void onSubmitted(@Observes AccessRequests.Submitted submitted) {
    if (failNext) {
      failNext = false;
      throw new IllegalStateException(
          "injected failure after " + submitted.businessKey() + " started");
    }
  }
}
