package org.custodian.policy.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.rest.QueryParams;
import org.custodian.policy.control.Policies;
import org.custodian.policy.control.PolicyPdf;
import org.custodian.policy.control.SectionDiffView;
import org.custodian.policy.control.SectionView;
import org.custodian.policy.entity.PolicyDocument;

/**
 * The published impact and use policies, open to everyone (no sign-in): current text, history,
 * comparison, PDF.
 */
@Path("public/policies")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PolicyResource {

  public record PolicySummary(
      String code,
      String title,
      int currentVersion,
      String label,
      Instant publishedAt,
      List<Policies.VersionInfo> versions) {}

  public record VersionView(
      String code,
      String title,
      int version,
      String label,
      Instant publishedAt,
      Long addendumId,
      List<SectionView> sections) {}

  public record DiffView(String code, int from, int to, List<SectionDiffView> sections) {}

  @Inject Policies policies;

  @GET
  public List<PolicySummary> list() {
    return summaries(policies);
  }

  /** Every policy with its history, from one query. */
  static List<PolicySummary> summaries(Policies policies) {
    return policies.histories().entrySet().stream()
        .map(e -> summary(e.getKey(), e.getValue()))
        .toList();
  }

  static PolicySummary summaryOf(Policies policies, PolicyDocument d) {
    return summary(d, policies.history(d));
  }

  private static PolicySummary summary(PolicyDocument d, List<Policies.VersionInfo> history) {
    Policies.VersionInfo current = history.get(0);
    return new PolicySummary(
        d.code(), d.title(), current.number(), current.label(), current.publishedAt(), history);
  }

  @GET
  @Path("{code}")
  public VersionView current(@PathParam("code") String code) {
    return view(policies.text(code, null));
  }

  @GET
  @Path("{code}/versions/{number}")
  public VersionView version(@PathParam("code") String code, @PathParam("number") int number) {
    return view(policies.text(code, number));
  }

  @GET
  @Path("{code}/versions/{number}/pdf")
  @Produces("application/pdf")
  public Response pdf(@PathParam("code") String code, @PathParam("number") int number) {
    Policies.PublishedText text = policies.text(code, number);
    return Response.ok(PolicyPdf.pdf(text), "application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\""
                + code.toLowerCase()
                + "-impact-and-use-policy-v"
                + number
                + ".pdf\"")
        .build();
  }

  /** Any two versions side by side; {@code from} defaults to the version before {@code to}. */
  @GET
  @Path("{code}/diff")
  public DiffView diff(
      @PathParam("code") String code,
      @QueryParam("from") String fromParam,
      @QueryParam("to") String toParam) {
    QueryParams q = new QueryParams();
    Integer from = q.number("from", fromParam, 1, Integer.MAX_VALUE);
    Integer to = q.number("to", toParam, 1, Integer.MAX_VALUE);
    q.check();
    if (to == null) {
      throw new InvalidInputException("to", "to (the later version number) is required.");
    }
    int before = from == null ? to - 1 : from;
    if (before < 1) {
      throw new InvalidInputException(
          "from", "Version " + to + " has no earlier version to compare with.");
    }
    return new DiffView(code, before, to, SectionDiffView.of(policies.diff(code, before, to)));
  }

  static VersionView view(Policies.PublishedText t) {
    return new VersionView(
        t.code(),
        t.title(),
        t.number(),
        t.label(),
        t.publishedAt(),
        t.addendumId(),
        t.sections().stream().map(SectionView::of).toList());
  }
}
