package org.custodian.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;

/** Formatting for screens: {@code #{fmt.time(task.dueAt())}} in New York time. */
@Named("fmt")
@ApplicationScoped
public class Formats {

  public String time(Instant instant) {
    return Pages.time(instant);
  }

  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("MMM d, yyyy").withZone(Pages.NEW_YORK);

  /** "Nov 22, 2026": a day in New York, for validity dates. */
  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /** "in 2 d 4 h" or "3 h ago": how far a due time is from now. */
  public String relative(Instant instant, Instant now) {
    if (instant == null) {
      return "";
    }
    Duration d = Duration.between(now, instant);
    Duration abs = d.abs();
    String span =
        abs.toDays() > 0
            ? abs.toDays() + " d " + abs.toHoursPart() + " h"
            : abs.toHours() + " h " + abs.toMinutesPart() + " min";
    return d.isNegative() ? span + " ago" : "in " + span;
  }
}
