package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Arrays;
import java.util.List;

/**
 * Latency statistics of one measurement, in milliseconds. Percentiles are nearest-rank: p95 of 200
 * samples is the 190th fastest. Used on both sides: the server returns it as JSON, the client reads
 * it.
 */
public record Stats(
    int n, double min, double median, double p95, double p99, double max, double mean) {

  public static Stats ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return new Stats(0, 0, 0, 0, 0, 0, 0);
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long value : sorted) {
      sum += value;
    }
    return new Stats(
        sorted.length,
        ms(sorted[0]),
        ms(rank(sorted, 0.50)),
        ms(rank(sorted, 0.95)),
        ms(rank(sorted, 0.99)),
        ms(sorted[sorted.length - 1]),
        ms(sum / sorted.length));
  }

  public static Stats ofNanos(List<Long> nanos) {
    return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  private static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(double nanos) {
    return Math.round(nanos / 100_000.0) / 10.0;
  }

  public JsonObject json() {
    return Json.createObjectBuilder()
        .add("n", n)
        .add("min", min)
        .add("median", median)
        .add("p95", p95)
        .add("p99", p99)
        .add("max", max)
        .add("mean", mean)
        .build();
  }

  public static Stats of(JsonObject json) {
    return new Stats(
        json.getInt("n"),
        json.getJsonNumber("min").doubleValue(),
        json.getJsonNumber("median").doubleValue(),
        json.getJsonNumber("p95").doubleValue(),
        json.getJsonNumber("p99").doubleValue(),
        json.getJsonNumber("max").doubleValue(),
        json.getJsonNumber("mean").doubleValue());
  }

  /** "12.3 / 15.0 / 17.9" (median / p95 / p99), the form the report's tables use. */
  public String summary() {
    return fmt(median) + " / " + fmt(p95) + " / " + fmt(p99);
  }

  public static String fmt(double ms) {
    return ms >= 100 ? String.valueOf(Math.round(ms)) : String.valueOf(ms);
  }
}
