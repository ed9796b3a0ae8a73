package org.custodian.platform;

/**
 * A process that a timer start event starts on a configured cycle (a cron expression setting, e.g.
 * custodian.access.recertification-cycle).
 *
 * <p>Flowable evaluates a start timer's expression once, when the process definition is deployed,
 * and an unchanged definition is not deployed again: a changed setting alone would never reach the
 * timer. So the deployment carries the configured cycle as a resource of its own ({@link
 * ProcessDeployment}): a changed cycle is a changed deployment, the definition's next version,
 * whose start timer replaces the old one.
 */
public interface StartSchedule {

  /** The id of the process the timer starts. */
  String processKey();

  /** The setting that holds the cycle, for messages. */
  String setting();

  /** The cycle configured now. */
  String cycle();
}
