package org.custodian.breach.control;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The anonymized summary of a quarter's confirmed breaches: counts only (by data category,
 * recipient kind, cause, reported on time or late, notification outcome); no names, identifiers or
 * free text; a count from 1 to 4 is shown as "<5" so that nobody can be singled out.
 */
public record QuarterlySummary(
    String quarter, String total, Map<String, Map<String, String>> counts) {

  public static final int SUPPRESS_BELOW = 5;
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** "3" for 3? No: "<5" for 1 to 4; "0" and 5 or more as they are. */
  public static String shown(long count) {
    return count > 0 && count < SUPPRESS_BELOW ? "<" + SUPPRESS_BELOW : String.valueOf(count);
  }

  /** Builds the summary from raw counts, suppressing the small ones. */
  public static QuarterlySummary of(
      String quarter, long total, Map<String, Map<String, Long>> raw) {
    Map<String, Map<String, String>> shown = new LinkedHashMap<>();
    raw.forEach(
        (dimension, values) -> {
          Map<String, String> row = new TreeMap<>();
          values.forEach((value, count) -> row.put(value, shown(count)));
          shown.put(dimension, row);
        });
    return new QuarterlySummary(quarter, shown(total), shown);
  }

  /** The quarter's first instant (New York time): "2026-Q3" starts July 1. */
  public static ZonedDateTime start(String quarter) {
    Matcher m = QUARTER.matcher(quarter == null ? "" : quarter.strip());
    if (!m.matches()) {
      throw new DateTimeParseException(
          "a quarter is written 2026-Q3", quarter == null ? "" : quarter, 0);
    }
    return LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1)
        .atStartOfDay(NEW_YORK);
  }

  public static ZonedDateTime end(String quarter) {
    return start(quarter).plusMonths(3);
  }

  /** The quarter an instant falls in. */
  public static String of(ZonedDateTime at) {
    ZonedDateTime ny = at.withZoneSameInstant(NEW_YORK);
    return ny.getYear() + "-Q" + ((ny.getMonthValue() - 1) / 3 + 1);
  }

  /** The quarter before the one an instant falls in (what the quarterly timer compiles). */
  public static String previous(ZonedDateTime at) {
    return of(start(of(at)).minusDays(1));
  }

  /** CSV: dimension, value, count; the header names the quarter. */
  public String csv() {
    StringBuilder csv = new StringBuilder("quarter,dimension,value,count\n");
    csv.append(quarter).append(",all,confirmed breaches,").append(total).append('\n');
    counts.forEach(
        (dimension, values) ->
            values.forEach(
                (value, count) ->
                    csv.append(quarter)
                        .append(',')
                        .append(dimension)
                        .append(',')
                        .append(value)
                        .append(',')
                        .append(count)
                        .append('\n')));
    return csv.toString();
  }
}
