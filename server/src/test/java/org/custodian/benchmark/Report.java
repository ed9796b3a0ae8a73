package org.custodian.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one run measured: a Markdown report (target/benchmark/results.md, the tables that
 * docs/performance.md quotes) and every raw number as JSON (target/benchmark/results.json).
 */
final class Report {

  record Row(String what, Stats stats, String target, String dbWork) {
    Row(String what, Stats stats, String target) {
      this(what, stats, target, null);
    }
  }

  private final List<String> sections = new ArrayList<>();
  private final JsonObjectBuilder raw = Json.createObjectBuilder();

  synchronized void raw(String key, JsonValue value) {
    raw.add(key, value);
  }

  synchronized void section(String markdown) {
    sections.add(markdown);
  }

  /** A benchmark's section: its heading, then its facts as a two-column table. */
  static StringBuilder facts(String heading, Map<String, String> facts) {
    StringBuilder md = new StringBuilder("## " + heading + "\n\n| | |\n|---|---|\n");
    facts.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return md;
  }

  /**
   * Ends the report with when the run started and how long it took ({@code more}, if any, follows
   * the seconds), and writes it as target/benchmark/{name}.md and .json.
   */
  void finish(String name, java.time.Instant started, String more) {
    section(
        "_Run started "
            + java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
            + ", took "
            + (java.time.Instant.now().getEpochSecond() - started.getEpochSecond())
            + " s"
            + more
            + "._\n");
    Path markdown =
        Path.of(System.getProperty("benchmark.report", "target/benchmark/results.md"))
            .resolveSibling(name + ".md");
    write(markdown, markdown.resolveSibling(name + ".json"));
    System.out.println("Benchmark report: " + markdown.toAbsolutePath());
  }

  static String table(List<Row> rows) {
    StringBuilder md = new StringBuilder();
    md.append(
        "| measurement | samples | median ms | p95 ms | p99 ms | max ms | target | SELECTs / index entries read per call |\n");
    md.append("|---|---:|---:|---:|---:|---:|---|---:|\n");
    for (Row row : rows) {
      Stats s = row.stats();
      md.append("| ")
          .append(row.what())
          .append(" | ")
          .append(s.n())
          .append(" | ")
          .append(Stats.fmt(s.median()))
          .append(" | ")
          .append(Stats.fmt(s.p95()))
          .append(" | ")
          .append(Stats.fmt(s.p99()))
          .append(" | ")
          .append(Stats.fmt(s.max()))
          .append(" | ")
          .append(row.target() == null ? "" : row.target())
          .append(" | ")
          .append(row.dbWork() == null ? "" : row.dbWork())
          .append(" |\n");
    }
    return md.toString();
  }

  /** "≤ 50 ms p95: met" or "... NOT met". */
  static String target(Stats stats, double p95Limit) {
    return "p95 ≤ "
        + Stats.fmt(p95Limit)
        + " ms: "
        + (stats.p95() <= p95Limit ? "**met**" : "**NOT met**");
  }

  synchronized void write(Path markdown, Path json) {
    try {
      Files.createDirectories(markdown.getParent());
      Files.writeString(markdown, String.join("\n", sections));
      StringWriter out = new StringWriter();
      try (var writer =
          Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
        writer.writeObject(raw.build());
      }
      Files.writeString(json, out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String plan(JsonObject explain, String key) {
    JsonObject q = explain.getJsonObject(key);
    StringBuilder md = new StringBuilder("```\n").append(q.getString("sql")).append("\n");
    q.getJsonArray("plan")
        .forEach(
            line ->
                md.append("  -> ")
                    .append(((jakarta.json.JsonString) line).getString())
                    .append('\n'));
    return md.append("```\n").toString();
  }
}
