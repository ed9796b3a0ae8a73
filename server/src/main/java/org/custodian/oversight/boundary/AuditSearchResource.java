package org.custodian.oversight.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.AuditSearch;
import org.custodian.platform.Actor;
import org.custodian.platform.EngineClock;
import org.custodian.platform.rest.QueryParams;

/**
 * The auditor's console over the API: {@code GET /api/audit/search} (a page of entries, newest
 * first) and {@code GET /api/audit/search/export?format=csv|pdf} (up to 10,000 entries). Who may
 * search, and what a Commanding Officer's search covers: {@code OversightPolicy}.
 */
@Path("audit/search")
@Produces(MediaType.APPLICATION_JSON)
public class AuditSearchResource {

  /** One entry found, with its place in the transparency log spelled out. */
  public record HitView(
      long entryId,
      Instant at,
      String user,
      String action,
      String objectType,
      String objectId,
      String details,
      Long seq,
      Long checkpoint,
      String inclusion,
      String system,
      String eventId,
      String memberTaxNumber,
      String memberName,
      String command,
      String eventAction,
      String subject,
      String record,
      String purpose) {
    static HitView of(AuditSearch.Hit h) {
      return new HitView(
          h.entryId(),
          h.at(),
          h.user(),
          h.action(),
          h.objectType(),
          h.objectId(),
          h.details(),
          h.seq(),
          h.checkpoint(),
          h.inclusion(),
          h.system(),
          h.eventId(),
          h.memberTaxNumber(),
          h.memberName(),
          h.command(),
          h.eventAction(),
          h.subject(),
          h.record(),
          h.purpose());
    }
  }

  /** A page: the entries, and how many the search finds ({@code totalCapped}: more than that). */
  public record PageView(
      int offset, int limit, long total, boolean totalCapped, List<HitView> entries) {}

  @Inject AuditSearch search;

  @Inject SignedInUser signedIn;

  @Inject EngineClock clock;

  @GET
  public PageView search(
      @QueryParam("member") String member,
      @QueryParam("user") String user,
      @QueryParam("system") String system,
      @QueryParam("action") String action,
      @QueryParam("subject") String subject,
      @QueryParam("record") String record,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("offset") @DefaultValue("0") String offset,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    QueryParams q = new QueryParams();
    int first = q.number("offset", offset, 0, 1_000_000, 0);
    int max = q.number("limit", limit, 1, 200, 50);
    AuditSearch.Criteria criteria =
        criteria(q, member, user, system, action, subject, record, from, to);
    q.check();
    AuditSearch.Page page = search.search(signedIn.actor(), criteria.window(first, max));
    return new PageView(
        first,
        max,
        page.total(),
        page.totalCapped(),
        page.hits().stream().map(HitView::of).toList());
  }

  /** The search's entries (up to 10,000, newest first) as CSV or PDF; the export is audited. */
  @GET
  @Path("export")
  @Produces({"text/csv", "application/pdf"})
  public Response export(
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("member") String member,
      @QueryParam("user") String user,
      @QueryParam("system") String system,
      @QueryParam("action") String action,
      @QueryParam("subject") String subject,
      @QueryParam("record") String record,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    QueryParams q = new QueryParams();
    Format chosen = q.choice("format", Format.class, format, Format.CSV);
    AuditSearch.Criteria criteria =
        criteria(q, member, user, system, action, subject, record, from, to);
    q.check();
    Actor actor = signedIn.actor();
    List<AuditSearch.Hit> hits = search.export(actor, criteria, chosen.name());
    return ExportDownloads.of(
        chosen,
        hits,
        criteria.describe(),
        actor.username(),
        clock.now(),
        "audit-search-" + clock.now().getEpochSecond());
  }

  /** The export's formats. */
  public enum Format {
    CSV,
    PDF
  }

  private static AuditSearch.Criteria criteria(
      QueryParams q,
      String member,
      String user,
      String system,
      String action,
      String subject,
      String record,
      String from,
      String to) {
    return new AuditSearch.Criteria(
        q.text("member", member, 20),
        q.text("user", user, 80),
        q.text("system", system, 32),
        q.text("action", action, 60),
        q.text("subject", subject, 200),
        q.text("record", record, 200),
        q.instant("from", from),
        q.instant("to", to),
        0,
        50);
  }
}
