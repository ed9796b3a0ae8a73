package org.custodian.platform.metrics;

/**
 * A capability's gauges that need its tables read: refreshed by {@link MeterRefresh} on a schedule,
 * so a scrape reads numbers in memory and never queries the database.
 */
public interface MeterSource {

  /** Reads what the gauges show, in the caller's transaction. */
  void refresh();
}
