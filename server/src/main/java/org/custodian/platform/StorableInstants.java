package org.custodian.platform;

import java.time.Instant;

/**
 * The instants Custodian records: from 1900, as no event it records is older (an earlier year is a
 * typing mistake), to the end of 9999 (UTC), where MariaDB's DATETIME ends. The JSON reader holds
 * every command's instant to it, and the access-event intake each event's own {@code at}.
 */
public final class StorableInstants {

  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private StorableInstants() {}

  public static boolean storable(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }
}
