package org.custodian.audit.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.Note;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends each new checkpoint out of the building, to a directory another party controls ({@link
 * DirectoryWitness}) and/or a witness reached by HTTP with the C2SP tlog-witness protocol ({@link
 * HttpWitness}). Either way the checkpoint goes with the log's consistency proof from the tree the
 * witness holds, and a witness keeps a new checkpoint only if it extends that tree. So a witness
 * catches a rewritten or cut-back log even when the rewriter also holds the signing key: the
 * rewritten tree cannot extend the root the witness already holds, and the witness refuses it.
 *
 * <p>A refusal is evidence of tampering (or of a database restored from a backup, which loses
 * entries the witness saw): it is logged as SEVERE, counted ({@code
 * custodian_audit_witness_refusals_total}), recorded where every node's {@code GET
 * /api/audit/verify} and integrator health report it ({@link WitnessRecord}: it stands until the
 * same witness accepts a later checkpoint), and the directory witness keeps the refused note beside
 * its own copy. An offer that only came late (the witness holds a later checkpoint the log has
 * reached too) is no refusal.
 *
 * <p>When the HTTP witness's cosignature key is configured ({@code custodian.audit.witness.key},
 * its C2SP verifier key of type 0x04), the witness's answer must carry its cosignature on the
 * checkpoint; it is verified and kept, and the log serves it as a signature line on that
 * checkpoint's note, so an auditor's saved copy shows the witness saw it ({@code --witness-key} of
 * the verifier).
 *
 * <p>Pushing never holds up the integrator: the latest checkpoint is handed to a managed thread,
 * and one that arrives while a push is under way replaces the one waiting (each checkpoint covers
 * every earlier one). A witness that cannot be reached is logged when it stops answering and when
 * it answers again, and is offered the next checkpoint.
 */
@ApplicationScoped
public class Witnesses {

  private static final Logger LOG = Logger.getLogger(Witnesses.class.getName());

  /** The file a directory witness holds: the latest checkpoint it accepted. */
  public static final String FILE = DirectoryWitness.FILE;

  /** The file beside it: the latest checkpoint it refused. */
  public static final String REFUSED = DirectoryWitness.REFUSED;

  /** The latest refusal by a witness: which, of which tree size, why and when. */
  public record Refusal(String witness, long size, String reason, Instant at) {

    /** The first entry the witness no longer vouches for: always 0 ({@link Witness.Conflict}). */
    public long firstDoubtful() {
      return 0;
    }
  }

  @Inject
  @ConfigProperty(name = "custodian.audit.witness.directory")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "custodian.audit.witness.url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "custodian.audit.witness.key")
  Optional<String> witnessKey;

  @Inject LogKey key;

  @Inject TransparencyLog log;

  @Inject MeterRegistry registry;

  @Inject WitnessRecord record;

  @Resource ManagedExecutorService executor;

  private final AtomicReference<String> waiting = new AtomicReference<>();
  private final AtomicBoolean pushing = new AtomicBoolean();
  private final Map<String, Witness.Outcome.Result> lastResult = new ConcurrentHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private volatile HttpWitness httpWitness;
  private volatile Cosigner cosigner;

  /** The configured cosignature key as text, and what it reads as (null: not a key). */
  private record Cosigner(String text, Cosignature.WitnessKey key, String problem) {}

  /** The witness directory, when one is configured. */
  public Optional<Path> directory() {
    return directory.filter(d -> !d.isBlank()).map(Path::of);
  }

  private Optional<HttpWitness> httpWitness() {
    Optional<URI> configured = url.filter(u -> !u.isBlank()).map(URI::create);
    if (configured.isEmpty()) {
      return Optional.empty();
    }
    HttpWitness witness = httpWitness;
    if (witness == null || !witness.uri().equals(configured.get())) {
      witness = new HttpWitness(configured.get(), http);
      httpWitness = witness;
    }
    return Optional.of(witness);
  }

  /**
   * The HTTP witness's cosignature key, when one is configured and reads as one (one that does not
   * is logged once, and the witness's answers are then not taken: see {@link #push}).
   */
  public Optional<Cosignature.WitnessKey> cosignatureKey() {
    return Optional.ofNullable(cosigner()).map(Cosigner::key);
  }

  private Cosigner cosigner() {
    String text = witnessKey.filter(k -> !k.isBlank()).map(String::strip).orElse(null);
    if (text == null) {
      return null;
    }
    Cosigner read = cosigner;
    if (read == null || !read.text().equals(text)) {
      try {
        read = new Cosigner(text, Cosignature.WitnessKey.parse(text), null);
      } catch (IllegalArgumentException e) {
        read = new Cosigner(text, null, e.getMessage());
        LOG.severe(
            "custodian.audit.witness.key is not a witness's cosignature key: " + e.getMessage());
      }
      cosigner = read;
    }
    return read;
  }

  /** Hands a committed checkpoint to the witnesses. */
  public void publish(String checkpoint) {
    if (directory().isEmpty() && httpWitness().isEmpty()) {
      return;
    }
    waiting.set(checkpoint);
    if (pushing.compareAndSet(false, true)) {
      startDrain();
    }
  }

  private void startDrain() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      // the server is stopping, or its threads are all taken: the next checkpoint tries again
      pushing.set(false);
      LOG.log(Level.WARNING, "The checkpoint was not handed to the witnesses", e);
    }
  }

  private void drain() {
    try {
      String next;
      while ((next = waiting.getAndSet(null)) != null) {
        push(next);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A checkpoint was not offered to the witnesses", e);
    } finally {
      pushing.set(false);
      if (waiting.get() != null && pushing.compareAndSet(false, true)) {
        startDrain();
      }
    }
  }

  /**
   * Offers one signed checkpoint to every configured witness, now, one offer at a time on this
   * node.
   */
  synchronized void push(String note) {
    Note.VerifierKey verifierKey = key.verifierKey();
    Checkpoint next = Checkpoint.parse(Note.open(note, verifierKey));
    directory()
        .map(DirectoryWitness::new)
        .ifPresent(
            d ->
                offered(
                    DirectoryWitness.name(d.directory()),
                    next,
                    () -> d.add(note, next, verifierKey, log)));
    Cosigner cosigns = cosigner();
    httpWitness()
        .ifPresent(
            h ->
                offered(
                    h.uri().toString(),
                    next,
                    () ->
                        cosigns != null && cosigns.key() == null
                            ? Witness.Outcome.unreachable(
                                "custodian.audit.witness.key is not a witness's cosignature key: "
                                    + cosigns.problem())
                            : h.add(note, next, log, cosigns == null ? null : cosigns.key())));
  }

  /** The log's latest checkpoint, offered again: what each node does when it starts. */
  public void offerLatest() {
    log.latestNote().ifPresent(this::publish);
  }

  private void offered(
      String witness, Checkpoint next, java.util.function.Supplier<Witness.Outcome> offer) {
    Witness.Outcome outcome;
    try {
      outcome = offer.get();
    } catch (RuntimeException e) {
      outcome = Witness.Outcome.unreachable(String.valueOf(e));
    }
    recorded(witness, next, outcome);
  }

  private void recorded(String witness, Checkpoint next, Witness.Outcome outcome) {
    Witness.Outcome.Result before = lastResult.put(witness, outcome.result());
    switch (outcome.result()) {
      case REFUSED -> {
        Refusal refusal = new Refusal(witness, outcome.size(), outcome.reason(), Instant.now());
        remember(() -> record.refused(refusal), witness);
        registry
            .counter("custodian.audit.witness.refusals", Tags.of("witness", witness))
            .increment();
        LOG.severe(
            () ->
                "The witness "
                    + witness
                    + " refused the audit log's checkpoint of size "
                    + outcome.size()
                    + ": "
                    + outcome.reason()
                    + ". The log no longer extends what the witness holds: see docs/audit.md,"
                    + " 'When a witness refuses'.");
      }
      case UNREACHABLE -> {
        if (before != Witness.Outcome.Result.UNREACHABLE) {
          LOG.warning(
              () ->
                  "The audit log's witness "
                      + witness
                      + " was not given the checkpoint; it is offered the next one: "
                      + outcome.reason());
        }
      }
      case STALE -> {
        // a late offer: the witness holds a later checkpoint the log has reached too
      }
      case ACCEPTED -> {
        remember(
            () -> record.accepted(witness, next.size(), next.rootHash(), Instant.now()), witness);
        if (outcome.cosignature() != null) {
          kept(witness, next, outcome);
        }
        if (before != null && before != Witness.Outcome.Result.ACCEPTED) {
          LOG.info(() -> "The audit log's witness " + witness + " accepts checkpoints again");
        }
      }
    }
  }

  private void kept(String witness, Checkpoint next, Witness.Outcome outcome) {
    try {
      log.keepCosignature(outcome.size(), next.rootHash(), outcome.cosignature());
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "The cosignature of "
              + witness
              + " on the checkpoint of size "
              + outcome.size()
              + " was not kept",
          e);
    }
  }

  private static void remember(Runnable write, String witness) {
    try {
      write.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "The answer of the witness " + witness + " was not recorded", e);
    }
  }

  /**
   * The earliest refusal by a configured witness that it has not resolved since by accepting a
   * checkpoint the log has, whichever node offered it. A witness no longer configured (its URL or
   * directory changed) is no longer asked, so its refusal is not reported: it stays in {@code
   * audit_witness_state} for the record.
   */
  public Optional<Refusal> refusal() {
    java.util.Set<String> configured = new java.util.HashSet<>();
    directory().ifPresent(d -> configured.add(DirectoryWitness.name(d)));
    httpWitness().ifPresent(h -> configured.add(h.uri().toString()));
    return record.standing().stream().filter(r -> configured.contains(r.witness())).findFirst();
  }

  /**
   * Forgets the witnesses' answers: tests that put the log back forget the refusals they caused.
   */
  void forgetRefusals() {
    record.forget();
    lastResult.clear();
  }

  /** The checkpoint a directory witness holds, if any. */
  public Optional<String> held() {
    return directory().map(DirectoryWitness::new).flatMap(DirectoryWitness::held);
  }
}
