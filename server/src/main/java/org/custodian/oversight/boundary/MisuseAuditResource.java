package org.custodian.oversight.boundary;

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
import java.time.YearMonth;
import java.util.List;
import org.custodian.directory.control.SignedInUser;
import org.custodian.oversight.control.MisuseAudits;
import org.custodian.oversight.control.OpenMisuseAudits;
import org.custodian.oversight.control.OversightPolicy;
import org.custodian.oversight.entity.MisuseAudit;
import org.custodian.oversight.entity.MisuseAuditItem;
import org.custodian.platform.Actor;
import org.custodian.platform.Validation;
import org.custodian.platform.rest.QueryParams;

/**
 * The Commanding Officers' periodic misuse audits: how every command's stand (auditors, Internal
 * Affairs), a round opened out of schedule, and one audit's events for whoever conducts it. The
 * verdicts are the task's form ({@code POST /api/tasks/{id}/complete}).
 */
@Path("misuse-audits")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
public class MisuseAuditResource {

  /** One event of an audit, as its reviewer sees it. */
  public record ItemView(
      long id,
      int position,
      boolean sampled,
      Long findingId,
      long eventId,
      String system,
      Instant at,
      String action,
      String memberTaxNumber,
      Long memberId,
      String subject,
      String record,
      String purpose,
      MisuseAuditItem.Verdict verdict,
      String note,
      String decidedBy,
      Instant decidedAt) {}

  @Inject MisuseAudits audits;

  @Inject OversightPolicy policy;

  @Inject SignedInUser signedIn;

  @Inject Validation validation;

  /** Every command's audit of {@code period} (a month; default: the latest audits). */
  @GET
  public List<MisuseAudits.Standing> standing(@QueryParam("period") String period) {
    QueryParams q = new QueryParams();
    YearMonth month = q.month("period", period);
    q.check();
    return audits.standing(signedIn.actor(), month);
  }

  /** Opens a round now: {@code {"period": "2026-11"}} or {@code {}} for last month. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response open(OpenMisuseAudits body) {
    List<MisuseAudit> opened =
        audits.openRound(signedIn.actor(), body == null ? new OpenMisuseAudits(null) : body);
    return Response.status(Response.Status.CREATED)
        .entity(
            opened.stream()
                .map(a -> new Opened(a.id(), a.businessKey(), audits.commandCode(a)))
                .toList())
        .build();
  }

  public record Opened(long id, String businessKey, String command) {}

  /** The events of one audit: for whoever conducts it, auditors and Internal Affairs; audited. */
  @GET
  @Path("{id}/items")
  public List<ItemView> items(@PathParam("id") long id) {
    Actor actor = signedIn.actor();
    MisuseAudit audit = audits.find(id);
    return audits.itemsFor(actor, audit).stream()
        .map(
            i ->
                new ItemView(
                    i.id(),
                    i.position(),
                    i.position() < audit.sampleSize(),
                    i.findingId(),
                    i.event().id(),
                    audits.systemCode(i.event().technologyId()),
                    i.event().at(),
                    i.event().action().name(),
                    i.event().memberTaxNumber(),
                    i.event().memberId(),
                    i.event().subject(),
                    i.event().record(),
                    i.event().purpose(),
                    i.verdict(),
                    i.note(),
                    i.decidedBy(),
                    i.decidedAt()))
        .toList();
  }
}
