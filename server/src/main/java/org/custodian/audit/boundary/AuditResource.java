package org.custodian.audit.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.custodian.audit.control.LogVerifier;
import org.custodian.audit.control.TransparencyLog;
import org.custodian.directory.control.SignedInUser;
import org.custodian.platform.Actor;
import org.custodian.platform.rest.QueryParams;

/**
 * The transparency log (docs/audit.md): its verifier key, signed checkpoints, entries with their
 * inclusion proofs, consistency proofs, an export for the verifier, the daily checkpoint a witness
 * keeps, and the server's own verification.
 */
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final String TEXT = MediaType.TEXT_PLAIN + "; charset=utf-8";

  @Inject LogVerifier verifier;

  @Inject TransparencyLog log;

  @Inject SignedInUser signedIn;

  /** Recomputes the tree against the signed checkpoints and names the first bad entry. */
  @GET
  @Path("verify")
  public LogVerifier.Verdict verify() {
    return verifier.verify(signedIn.actor());
  }

  /** The signed-note verifier key: {@code <name>+<key id>+<base64 key>}. */
  @GET
  @Path("public-key")
  @Produces(TEXT)
  public String publicKey() {
    return log.publicKey(signedIn.actor()) + "\n";
  }

  /** The latest checkpoint, as the signed note. */
  @GET
  @Path("checkpoint")
  @Produces(TEXT)
  public String checkpoint() {
    return log.latest(signedIn.actor());
  }

  /** The checkpoints of tree size {@code from} and larger, oldest first. */
  @GET
  @Path("checkpoints")
  public List<TransparencyLog.PublishedCheckpoint> checkpoints(
      @QueryParam("from") String fromParam, @QueryParam("limit") String limitParam) {
    QueryParams params = new QueryParams();
    Long from = params.longNumber("from", fromParam, 0, Long.MAX_VALUE);
    int limit =
        params.number(
            "limit",
            limitParam,
            1,
            TransparencyLog.MAX_CHECKPOINTS,
            TransparencyLog.MAX_CHECKPOINTS);
    params.check();
    return log.since(signedIn.actor(), from == null ? 0 : from, limit);
  }

  /** The checkpoint that closed a day (UTC; default today), as a file to keep. */
  @GET
  @Path("checkpoints/daily")
  @Produces(TEXT)
  public Response daily(@QueryParam("date") String dateParam) {
    QueryParams params = new QueryParams();
    LocalDate date = params.date("date", dateParam);
    params.check();
    LocalDate day = date == null ? LocalDate.now(ZoneOffset.UTC) : date;
    TransparencyLog.PublishedCheckpoint checkpoint = log.daily(signedIn.actor(), day);
    return Response.ok(checkpoint.note())
        .header(
            "Content-Disposition",
            "attachment; filename=\"custodian-audit-checkpoint-" + day + ".txt\"")
        .build();
  }

  /** Entry {@code seq} with its RFC 9162 inclusion proof in the tree of {@code treeSize}. */
  @GET
  @Path("entries/{seq}")
  public TransparencyLog.ProvenEntry entry(
      @PathParam("seq") String seqParam, @QueryParam("treeSize") String treeSizeParam) {
    QueryParams params = new QueryParams();
    Long seq = params.longNumber("seq", seqParam, 0, Long.MAX_VALUE - 1);
    Long treeSize = params.longNumber("treeSize", treeSizeParam, 1, Long.MAX_VALUE);
    params.check();
    return log.entry(signedIn.actor(), seq, treeSize);
  }

  /** The RFC 9162 consistency proof between two tree sizes ({@code to}: the latest by default). */
  @GET
  @Path("consistency")
  public TransparencyLog.ConsistencyProof consistency(
      @QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
    QueryParams params = new QueryParams();
    Long from = params.longNumber("from", fromParam, 0, Long.MAX_VALUE);
    Long to = params.longNumber("to", toParam, 0, Long.MAX_VALUE);
    if (fromParam == null || fromParam.isBlank()) {
      params.required("from");
    }
    params.check();
    return log.consistency(signedIn.actor(), from, to);
  }

  /**
   * The entries for the verifier: one line each, {@code <seq> <base64 leaf>}, from {@code from}
   * (default 0) to the latest checkpoint's size or {@code to}. The export itself is audited.
   */
  @GET
  @Path("export")
  @Produces(TEXT)
  public Response export(@QueryParam("from") String fromParam, @QueryParam("to") String toParam) {
    QueryParams params = new QueryParams();
    Long from = params.longNumber("from", fromParam, 0, Long.MAX_VALUE);
    Long to = params.longNumber("to", toParam, 0, Long.MAX_VALUE);
    params.check();
    Actor actor = signedIn.actor();
    long start = from == null ? 0 : from;
    long end = log.startExport(actor, start, to);
    StreamingOutput entries =
        out -> {
          BufferedWriter writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          long next = start;
          while (next < end) {
            List<String> lines = log.exportPage(next, end);
            if (lines.isEmpty()) {
              break;
            }
            for (String line : lines) {
              writer.write(line);
              writer.write('\n');
            }
            String last = lines.get(lines.size() - 1);
            next = Long.parseLong(last.substring(0, last.indexOf(' '))) + 1;
          }
          writer.flush();
        };
    return Response.ok(entries)
        .header(
            "Content-Disposition",
            "attachment; filename=\"custodian-audit-entries-" + start + "-" + end + ".txt\"")
        .build();
  }
}
