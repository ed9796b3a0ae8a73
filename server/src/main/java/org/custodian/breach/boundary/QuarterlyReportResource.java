package org.custodian.breach.boundary;

import jakarta.inject.Inject;
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
import org.custodian.breach.control.RequestQuarterlyReport;
import org.custodian.breach.entity.QuarterlyReport;
import org.custodian.directory.control.SignedInUser;

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
  public Response request(RequestQuarterlyReport body) {
    reports.start(signedIn.actor(), body);
    return Response.accepted(Map.of("quarter", body.quarter().strip())).build();
  }

  @GET
  @Path("preview")
  public QuarterlySummary preview(@QueryParam("quarter") String quarter) {
    return reports.preview(signedIn.actor(), quarter);
  }

  @GET
  public List<ReportView> published() {
    return reports.published(signedIn.actor()).stream().map(this::view).toList();
  }

  @GET
  @Path("{id}")
  public ReportView report(@PathParam("id") long id) {
    return view(reports.view(signedIn.actor(), id));
  }

  @GET
  @Path("{id}.csv")
  @Produces("text/csv")
  public Response csv(@PathParam("id") long id) {
    QuarterlyReport r = reports.view(signedIn.actor(), id);
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
    QuarterlyReport r = reports.view(signedIn.actor(), id);
    return Response.ok(QuarterlyReportLetter.pdf(r, reports.content(r)), "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"breaches-" + r.quarter() + "-v" + r.versionNo() + ".pdf\"")
        .build();
  }

  private ReportView view(QuarterlyReport r) {
    return new ReportView(
        r.id(), r.quarter(), r.versionNo(), r.publishedBy(), r.publishedAt(), reports.content(r));
  }
}
