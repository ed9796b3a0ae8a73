package org.custodian.oversight.control;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A covered system reports what its users did ({@code POST /api/access-events}): up to 1,000
 * events. Each event is checked on its own, so a bad one is refused by its index and the others are
 * kept.
 */
public record ReportAccessEvents(
    @NotEmpty(message = "must hold 1 to 1,000 events.")
        @Size(max = MAX_EVENTS, message = "must hold 1 to 1,000 events.")
        List<@NotNull(message = "An event is an object.") ReportedEvent> events) {

  public static final int MAX_EVENTS = 1_000;

  /** What an event's {@code at} must be, after its field's name. */
  static final String AT_FORMAT = "must be an ISO-8601 instant, e.g. 2026-12-05T14:00:00Z.";

  /** A thousand events with every field at its longest fit in 4 MiB. */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  /**
   * One event as the system logged it. {@code at} and {@code action} are text here, so that one
   * event's bad value is that event's error, not the whole request's.
   */
  public record ReportedEvent(
      @NotNull(message = "is required.")
          @Size(min = 1, max = 100, message = "has 1 to 100 characters.")
          @jakarta.validation.constraints.Pattern(
              regexp = "(?s)\\S(.*\\S)?",
              message = "has no spaces at its start or end.")
          String eventId,
      @NotNull(message = "is required: an ISO-8601 instant, e.g. 2026-12-05T14:00:00Z.")
          @jakarta.validation.constraints.Pattern(
              regexp =
                  "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})",
              message = AT_FORMAT)
          String at,
      @NotNull(message = "is required.")
          @jakarta.validation.constraints.Pattern(
              regexp = "[0-9]{4,20}",
              message = "is the member's tax number: 4 to 20 digits.")
          String memberTaxNumber,
      @NotNull(message = "is required: LOGIN, SEARCH, VIEW, EXPORT or PRINT.")
          @jakarta.validation.constraints.Pattern(
              regexp = "LOGIN|SEARCH|VIEW|EXPORT|PRINT",
              message = "is one of LOGIN, SEARCH, VIEW, EXPORT, PRINT.")
          String action,
      @Size(max = 200, message = "has at most 200 characters.") String subject,
      @Size(max = 200, message = "has at most 200 characters.") String record,
      @Size(max = 500, message = "has at most 500 characters.") String purpose) {}

  /** The outcome: how many were kept, how many had been reported before, which were refused. */
  public record Outcome(int accepted, int duplicates, List<Rejected> rejected) {}

  /** A refused event, by its place in the request, with each field's error. */
  public record Rejected(
      int index, List<org.custodian.platform.InvalidInputException.FieldError> errors) {}
}
