package org.custodian.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends each new checkpoint out of the building: to a directory (a mount another party controls,
 * written atomically as {@code checkpoint}) and/or an HTTP endpoint ({@code POST}, text/plain, the
 * signed note). A witness that keeps what it received catches a rewritten log even if the signing
 * key is stolen later: the rewritten tree cannot match the root it already holds.
 *
 * <p>Pushing never holds up the integrator: the latest checkpoint is handed to a managed thread,
 * and one that arrives while a push is under way replaces the one waiting (each checkpoint covers
 * every earlier one). A witness that cannot be reached is logged and tried again with the next.
 */
@ApplicationScoped
public class Witnesses {

  private static final Logger LOG = Logger.getLogger(Witnesses.class.getName());

  /** The file a directory witness holds: the latest checkpoint it was given. */
  public static final String FILE = "checkpoint";

  @Inject
  @ConfigProperty(name = "custodian.audit.witness.directory")
  Optional<String> directory;

  @Inject
  @ConfigProperty(name = "custodian.audit.witness.url")
  Optional<String> url;

  @Resource ManagedExecutorService executor;

  private final AtomicReference<String> waiting = new AtomicReference<>();
  private final AtomicBoolean pushing = new AtomicBoolean();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The witness directory, when one is configured. */
  public Optional<Path> directory() {
    return directory.filter(d -> !d.isBlank()).map(Path::of);
  }

  private Optional<URI> url() {
    return url.filter(u -> !u.isBlank()).map(URI::create);
  }

  /** Hands a committed checkpoint to the witnesses. */
  public void publish(String checkpoint) {
    if (directory().isEmpty() && url().isEmpty()) {
      return;
    }
    waiting.set(checkpoint);
    if (pushing.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      String next;
      while ((next = waiting.getAndSet(null)) != null) {
        push(next);
      }
    } finally {
      pushing.set(false);
      if (waiting.get() != null && pushing.compareAndSet(false, true)) {
        executor.execute(this::drain);
      }
    }
  }

  /** Pushes one checkpoint to every configured witness, now. */
  void push(String checkpoint) {
    directory().ifPresent(d -> write(d, checkpoint));
    url().ifPresent(u -> post(u, checkpoint));
  }

  /** Writes one checkpoint into a directory witness, replacing the one it held. */
  static void write(Path directory, String checkpoint) {
    try {
      Files.createDirectories(directory);
      Path partial = Files.createTempFile(directory, FILE, ".tmp");
      Files.writeString(partial, checkpoint, StandardCharsets.UTF_8);
      Files.move(
          partial,
          directory.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The witness directory " + directory + " was not written", e);
    }
  }

  /** POSTs one checkpoint to an HTTP witness. */
  void post(URI uri, String checkpoint) {
    try {
      HttpResponse<Void> answer =
          http.send(
              HttpRequest.newBuilder(uri)
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "text/plain; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(checkpoint, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (answer.statusCode() / 100 != 2) {
        LOG.warning(() -> "The witness " + uri + " answered " + answer.statusCode());
      }
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The witness " + uri + " was not reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The checkpoint a directory witness holds, if any. */
  public Optional<String> held() {
    return directory()
        .map(d -> d.resolve(FILE))
        .filter(Files::isRegularFile)
        .map(
            f -> {
              try {
                return Files.readString(f, StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new IllegalStateException("cannot read the witness's checkpoint " + f, e);
              }
            });
  }
}
