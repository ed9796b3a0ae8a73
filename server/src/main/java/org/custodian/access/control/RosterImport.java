package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;
import org.custodian.access.entity.PersonnelEvent;
import org.custodian.audit.control.AuditLog;
import org.custodian.directory.control.AddMember;
import org.custodian.directory.control.Directory;
import org.custodian.directory.entity.Member;
import org.custodian.platform.Actor;
import org.custodian.platform.ConflictException;
import org.custodian.platform.CsvUpload;
import org.custodian.platform.EngineClock;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.InvalidInputException.FieldError;

/**
 * The HR system's roster export, as a CSV file ({@code POST /api/members/import}, and the Members
 * screen): {@code taxNumber,name,rank,command,active}. A member not known yet is added; one whose
 * command differs is reassigned, and one marked inactive separated, each as the personnel event the
 * HR system would have sent, so access follows the assignment exactly as it does for a single event
 * (policies: access levels "are rescinded when that officer's assignment no longer requires its
 * use"). Each row is its own transaction: a bad row is refused by its line and field, and the rest
 * are kept.
 */
@ApplicationScoped
public class RosterImport {

  public static final String CSV = "text/csv";
  static final int MAX_ROWS = 20_000;
  private static final int MAX_BYTES = 8 * 1024 * 1024;

  /** What the file did, and each refused line with its errors. */
  public record Outcome(
      int added, int reassigned, int separated, int unchanged, List<Refused> rejected) {}

  /** A refused line (1 is the header) and why. */
  public record Refused(int line, List<FieldError> errors) {}

  @Inject AccessPolicy policy;

  @Inject Directory directory;

  @Inject PersonnelEvents events;

  @Inject Summary summary;

  @Inject EngineClock clock;

  public Outcome importFile(Actor actor, String mediaType, InputStream body) {
    policy.requireRecordPersonnelEvent(actor);
    String type = mediaType == null ? "" : mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (!type.equals(CSV)) {
      throw new InvalidInputException("body", "Send the roster as " + CSV + ".");
    }
    List<CSVRecord> rows =
        parse(CsvUpload.text(body, MAX_BYTES, "A roster file has at most 8 MiB."));
    int added = 0;
    int reassigned = 0;
    int separated = 0;
    int unchanged = 0;
    List<Refused> rejected = new ArrayList<>();
    for (CSVRecord row : rows) {
      int line = (int) row.getRecordNumber() + 1;
      try {
        switch (apply(actor, row)) {
          case ADDED -> added++;
          case REASSIGNED -> reassigned++;
          case SEPARATED -> separated++;
          case UNCHANGED -> unchanged++;
        }
      } catch (InvalidInputException e) {
        rejected.add(new Refused(line, e.errors()));
      } catch (ConflictException e) {
        rejected.add(new Refused(line, List.of(new FieldError("taxNumber", e.getMessage()))));
      }
    }
    summary.record(
        actor.username(),
        "MEMBERS_IMPORTED",
        "Member",
        "roster",
        rows.size()
            + " row(s): "
            + added
            + " added, "
            + reassigned
            + " reassigned, "
            + separated
            + " separated, "
            + unchanged
            + " unchanged, "
            + rejected.size()
            + " refused");
    return new Outcome(added, reassigned, separated, unchanged, rejected);
  }

  /** The file's own audit entry, in a transaction of its own after the rows'. */
  @ApplicationScoped
  public static class Summary {
    @Inject AuditLog audit;

    @jakarta.transaction.Transactional
    public void record(String actor, String action, String type, String id, String details) {
      audit.record(actor, action, type, id, details);
    }
  }

  private enum Result {
    ADDED,
    REASSIGNED,
    SEPARATED,
    UNCHANGED
  }

  private Result apply(Actor actor, CSVRecord row) {
    String tax = cell(row, "taxNumber");
    String command = cell(row, "command");
    String activeCell = cell(row, "active");
    boolean active = activeCell == null || activeCell.isBlank() || parseActive(activeCell);
    Optional<Member> known = tax == null ? Optional.empty() : directory.memberWithTaxNumber(tax);
    if (known.isEmpty()) {
      directory.addMember(
          actor, new AddMember(tax, cell(row, "name"), cell(row, "rank"), command, active));
      return Result.ADDED;
    }
    Member member = known.get();
    if (!member.active()) {
      return Result.UNCHANGED;
    }
    if (!active) {
      events.receive(
          actor,
          new PersonnelEventNotice(member.id(), PersonnelEvent.Type.SEPARATED, null, clock.now()));
      return Result.SEPARATED;
    }
    if (command != null && !command.equals(member.command().code())) {
      if (directory.command(command).isEmpty()) {
        throw new InvalidInputException("command", "There is no command " + command + ".");
      }
      events.receive(
          actor,
          new PersonnelEventNotice(
              member.id(), PersonnelEvent.Type.REASSIGNED, command, clock.now()));
      return Result.REASSIGNED;
    }
    return Result.UNCHANGED;
  }

  private static boolean parseActive(String cell) {
    return switch (cell.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1", "active" -> true;
      case "false", "no", "n", "0", "inactive", "separated" -> false;
      default -> throw new InvalidInputException("active", "must be true or false");
    };
  }

  private static List<CSVRecord> parse(String text) {
    return CsvUpload.read(
        text,
        List.of("taxNumber", "name", "rank", "command"),
        List.of("active"),
        parser -> {
          List<CSVRecord> rows = parser.getRecords();
          if (rows.isEmpty()) {
            throw new InvalidInputException("body", "The file holds no members.");
          }
          if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException(
                "body",
                "A roster holds at most " + MAX_ROWS + " members; send the rest in another.");
          }
          return rows;
        });
  }

  private static String cell(CSVRecord row, String column) {
    if (!row.isMapped(column) || !row.isSet(column)) {
      return null;
    }
    String value = row.get(column);
    return value.isBlank() ? null : value;
  }
}
