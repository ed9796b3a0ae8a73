package org.custodian.audit.control;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.NoteException;

/**
 * A witness reached by HTTP, with the C2SP tlog-witness protocol ({@code
 * https://c2sp.org/tlog-witness}): each checkpoint is offered by {@code POST} to its {@code
 * add-checkpoint} URL with the size of the tree the witness last cosigned ({@code old N}) and the
 * consistency proof from that tree, and the witness answers with its cosignature (200), with the
 * size it holds when the log's idea of it is stale (409, {@code text/x.tlog.size}: offered again
 * from that size), or refuses a checkpoint that does not extend what it holds (422, or 409 on the
 * same size with another root). When the witness's cosignature key is configured, a 200 must carry
 * the witness's cosignature on the checkpoint (C2SP tlog-cosignature), verified here and kept by
 * the log; without the key the answer is taken as it comes, and the witness's own record is what
 * catches a rewrite.
 *
 * <p>The size the witness holds is kept in memory: after a restart the first offer says {@code old
 * 0} and learns it from the 409, as the protocol allows.
 */
final class HttpWitness {

  private static final String SIZE_TYPE = "text/x.tlog.size";

  private final URI uri;
  private final HttpClient http;
  private final AtomicLong cosignedSize = new AtomicLong();

  HttpWitness(URI uri, HttpClient http) {
    this.uri = uri;
    this.http = http;
  }

  URI uri() {
    return uri;
  }

  /**
   * Offers a signed checkpoint; the answer says whether the witness cosigned it.
   *
   * @param cosigner the witness's cosignature key, or null when none is configured
   */
  Witness.Outcome add(
      String note, Checkpoint next, Witness.Log log, Cosignature.WitnessKey cosigner) {
    long old = Math.min(cosignedSize.get(), next.size());
    try {
      // at most twice: once more from the size a 409 names
      for (int attempt = 0; attempt < 2; attempt++) {
        String body;
        try {
          body = body(old, log, next, note);
        } catch (RuntimeException e) {
          // a node row deleted, say: a log that cannot prove it extends the witness's tree does not
          return Witness.Outcome.refused(
              next.size(), Witness.Conflict.unproven(old, next.size(), e));
        }
        HttpResponse<String> answer = post(body);
        switch (answer.statusCode()) {
          case 200 -> {
            cosignedSize.set(next.size());
            return cosigner == null
                ? Witness.Outcome.accepted(next.size())
                : cosigned(note, next, answer.body(), cosigner);
          }
          case 409 -> {
            Long theirs = sizeIn(answer);
            if (theirs == null || theirs == old) {
              // the size matched, so the root did not (transparency-dev's witness names no size)
              if (old == next.size()) {
                return Witness.Outcome.refused(
                    next.size(),
                    Witness.Conflict.rewritten(
                        old, "it holds another root for the tree of size " + old));
              }
              return Witness.Outcome.unreachable(uri + " answered 409 without a usable tree size");
            }
            cosignedSize.set(theirs);
            if (Witness.isStale(theirs, next, log)) {
              return Witness.Outcome.stale(next.size());
            }
            if (theirs > next.size()) {
              return Witness.Outcome.refused(
                  next.size(), Witness.Conflict.cutBack(theirs, log.size()));
            }
            old = theirs;
          }
          case 422 -> {
            return Witness.Outcome.refused(
                next.size(),
                Witness.Conflict.rewritten(
                    old,
                    "the tree of size "
                        + next.size()
                        + " does not extend the one it cosigned (size "
                        + old
                        + ")"));
          }
          case 403 -> {
            return Witness.Outcome.unreachable(uri + " does not trust the log's key (403)");
          }
          case 404 -> {
            return Witness.Outcome.unreachable(uri + " does not know the log's origin (404)");
          }
          default -> {
            return Witness.Outcome.unreachable(uri + " answered " + answer.statusCode());
          }
        }
      }
      return Witness.Outcome.unreachable(uri + " named another tree size twice");
    } catch (IOException e) {
      return Witness.Outcome.unreachable(uri + " was not reached: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Witness.Outcome.unreachable(uri + ": interrupted");
    }
  }

  /** The outcome of a 200: accepted when its body holds the witness's cosignature, verified. */
  private Witness.Outcome cosigned(
      String note, Checkpoint next, String answer, Cosignature.WitnessKey cosigner) {
    try {
      return Cosignature.find(note + answer, cosigner)
          .map(cosignature -> Witness.Outcome.cosigned(next.size(), cosignature))
          .orElseGet(
              () ->
                  Witness.Outcome.unreachable(
                      uri + " took the checkpoint but answered no cosignature by " + cosigner));
    } catch (NoteException e) {
      return Witness.Outcome.unreachable(
          uri
              + " took the checkpoint but its answer is not a cosignature by "
              + cosigner
              + " that verifies: "
              + e.getMessage());
    }
  }

  /** {@code old N}, the proof's hashes a line each, an empty line, the checkpoint. */
  static String body(long old, Witness.Log log, Checkpoint next, String note) {
    StringBuilder body = new StringBuilder("old ").append(old).append('\n');
    List<byte[]> proof =
        old == 0 || old == next.size() ? List.of() : log.consistencyProof(old, next.size());
    for (byte[] hash : proof) {
      body.append(Base64.getEncoder().encodeToString(hash)).append('\n');
    }
    return body.append('\n').append(note).toString();
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static Long sizeIn(HttpResponse<String> answer) {
    boolean typed =
        answer.headers().firstValue("Content-Type").map(t -> t.startsWith(SIZE_TYPE)).orElse(false);
    if (!typed) {
      return null;
    }
    try {
      long size = Long.parseLong(answer.body().strip());
      return size < 0 ? null : size;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
