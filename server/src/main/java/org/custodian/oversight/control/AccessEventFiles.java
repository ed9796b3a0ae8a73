package org.custodian.oversight.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.custodian.oversight.control.ReportAccessEvents.Outcome;
import org.custodian.oversight.control.ReportAccessEvents.Rejected;
import org.custodian.oversight.control.ReportAccessEvents.ReportedEvent;
import org.custodian.platform.Actor;
import org.custodian.platform.CsvUpload;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * For covered systems that can only export: a file of access events, as CSV (a header row with the
 * fields' names: {@code eventId,at,memberTaxNumber,action,subject,record,purpose}) or as JSON lines
 * (one event object per line). The events go through the same intake as {@code POST
 * /api/access-events}, 1,000 at a time, each thousand in its own transaction; an event is refused
 * by its place in the file (0 for the first event), the others kept.
 */
@ApplicationScoped
public class AccessEventFiles {

  /** The largest file taken at once. */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  /** The most events one file holds. */
  public static final int MAX_EVENTS = 100_000;

  public static final String CSV = "text/csv";
  public static final String JSON_LINES = "application/x-ndjson";

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject OversightPolicy policy;

  @Inject AccessEvents events;

  private record Parsed(ReportedEvent event, List<FieldError> errors) {}

  /** Imports a file of the given media type; the policy is checked before the file is read. */
  public Outcome importFile(Actor actor, String mediaType, InputStream body) {
    policy.requireReport(actor);
    String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals(CSV) && !type.equals(JSON_LINES)) {
      throw new InvalidInputException(
          "body", "Send the events as " + CSV + " or " + JSON_LINES + " (one event per line).");
    }
    String text = CsvUpload.text(body, MAX_BYTES, "A file has at most 32 MiB.");
    List<Parsed> parsed = type.equals(CSV) ? csv(text) : jsonLines(text);
    if (parsed.isEmpty()) {
      throw new InvalidInputException("body", "The file holds no events.");
    }
    if (parsed.size() > MAX_EVENTS) {
      throw new InvalidInputException(
          "body", "A file holds at most " + MAX_EVENTS + " events; send the rest in another.");
    }
    return report(actor, parsed);
  }

  private static List<Parsed> csv(String text) {
    return CsvUpload.read(
        text,
        List.of("eventId", "at", "memberTaxNumber", "action"),
        List.of("subject", "record", "purpose"),
        parser -> {
          List<Parsed> parsed = new ArrayList<>();
          for (CSVRecord row : parser) {
            parsed.add(
                new Parsed(
                    new ReportedEvent(
                        cell(row, "eventId"),
                        cell(row, "at"),
                        cell(row, "memberTaxNumber"),
                        cell(row, "action"),
                        cell(row, "subject"),
                        cell(row, "record"),
                        cell(row, "purpose")),
                    List.of()));
          }
          return parsed;
        });
  }

  private static String cell(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String value = row.get(column);
    return value.isEmpty() ? null : value;
  }

  private static List<Parsed> jsonLines(String text) {
    List<Parsed> parsed = new ArrayList<>();
    for (String line : text.split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      try {
        ReportedEvent event = JSONB.fromJson(line, ReportedEvent.class);
        parsed.add(
            event == null
                ? new Parsed(null, List.of(new FieldError("line", "An event is a JSON object.")))
                : new Parsed(event, List.of()));
      } catch (JsonbException | jakarta.json.JsonException e) {
        parsed.add(
            new Parsed(
                null,
                List.of(
                    new FieldError(
                        "line",
                        "Not an event object: each line holds one JSON object with eventId, at,"
                            + " memberTaxNumber and action."))));
      }
    }
    return parsed;
  }

  /**
   * The events in thousands, each its own transaction; indexes are the events' places in the file.
   */
  private Outcome report(Actor actor, List<Parsed> parsed) {
    Tally tally = new Tally();
    List<Integer> places = new ArrayList<>();
    List<ReportedEvent> chunk = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Parsed p = parsed.get(i);
      if (!p.errors().isEmpty()) {
        tally.rejected.add(new Rejected(i, p.errors()));
        continue;
      }
      places.add(i);
      chunk.add(p.event());
      if (chunk.size() == ReportAccessEvents.MAX_EVENTS) {
        tally.add(events.report(actor, new ReportAccessEvents(List.copyOf(chunk))), places);
        chunk.clear();
        places.clear();
      }
    }
    if (!chunk.isEmpty()) {
      tally.add(events.report(actor, new ReportAccessEvents(List.copyOf(chunk))), places);
    }
    tally.rejected.sort(java.util.Comparator.comparingInt(Rejected::index));
    return new Outcome(tally.accepted, tally.duplicates, tally.rejected);
  }

  /** The outcomes of the thousands, added up, with each refusal at its place in the file. */
  private static final class Tally {
    int accepted;
    int duplicates;
    final List<Rejected> rejected = new ArrayList<>();

    void add(Outcome part, List<Integer> places) {
      accepted += part.accepted();
      duplicates += part.duplicates();
      for (Rejected r : part.rejected()) {
        rejected.add(new Rejected(places.get(r.index()), r.errors()));
      }
    }
  }
}
