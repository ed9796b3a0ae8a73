package org.custodian.breach.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.breach.control.QuarterlyReportLetter;
import org.custodian.breach.control.QuarterlyReports;
import org.custodian.breach.control.QuarterlySummary;
import org.custodian.breach.entity.QuarterlyReport;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Actor;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.Roles;
import org.custodian.platform.rest.JsonFields;

/**
 * The City CPO's quarterly reports: ask for one (any quarter that has begun), preview a quarter's
 * summary, and read the published, frozen versions as JSON, CSV or PDF. The City CPO and auditors.
 */
@Path("breach-reports/quarterly")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class QuarterlyReportResource {

  public record ReportView(
      long id,
      String quarter,
      int version,
      String publishedBy,
      Instant publishedAt,
      QuarterlySummary summary) {}

  @Inject QuarterlyReports reports;

  @Inject SignedInUser signedIn;

  /** {quarter: "2026-Q3"} → 202: "Compile quarterly report" is in the City CPO's inbox. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response request(JsonObject body) {
    JsonFields f = JsonFields.of(body);
    String quarter = f.text("quarter", true, 7);
    f.validate();
    reports.start(signedIn.actor(), quarter);
    return Response.accepted(Map.of("quarter", quarter.strip())).build();
  }

  @GET
  @Path("preview")
  public QuarterlySummary preview(@QueryParam("quarter") String quarter) {
    reader();
    try {
      QuarterlySummary.start(quarter);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("quarter", "quarter is written like 2026-Q3.");
    }
    return reports.summarize(quarter.strip());
  }

  @GET
  public List<ReportView> published() {
    reader();
    return reports.published().stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  public ReportView report(@PathParam("id") long id) {
    reader();
    return view(reports.find(id));
  }

  @GET
  @Path("{id}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("id") long id) {
    reader();
    QuarterlyReport r = reports.find(id);
    return Response.ok(reports.content(r).csv(), "text/csv")
        .header(
            "Content-Disposition",
            "attachment; filename=\"breaches-" + r.quarter() + "-v" + r.versionNo() + ".csv\"")
        .build();
  }

  @GET
  @Path("{id}.pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("id") long id) {
    reader();
    QuarterlyReport r = reports.find(id);
    return Response.ok(QuarterlyReportLetter.pdf(r, reports.content(r)), "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"breaches-" + r.quarter() + "-v" + r.versionNo() + ".pdf\"")
        .build();
  }

  private Actor reader() {
    Actor actor = signedIn.actor();
    actor.requireRole(Roles.CHIEF_PRIVACY_OFFICER, Roles.AUDITOR, Roles.PRIVACY_OFFICER);
    return actor;
  }

  private ReportView view(QuarterlyReport r) {
    return new ReportView(
        r.id(), r.quarter(), r.versionNo(), r.publishedBy(), r.publishedAt(), reports.content(r));
  }
}
