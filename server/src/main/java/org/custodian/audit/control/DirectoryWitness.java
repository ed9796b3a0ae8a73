package org.custodian.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Note;
import org.custodian.tlog.NoteException;

/**
 * A witness that is a directory another party controls (a mount the database administrator cannot
 * write). It holds the latest checkpoint it accepted as the file {@code checkpoint}, and accepts a
 * new one only as a C2SP witness would: signed by the log's key, and proven an extension of the
 * tree it holds by the log's consistency proof. A checkpoint that is not (the log was rewritten or
 * cut back, whoever signed it) is refused: the held copy stays as it was, the refused note is kept
 * beside it as {@code refused-checkpoint}, evidence for the auditor.
 *
 * <p>Check and write happen under a lock on the directory's {@code .lock} file, so two nodes
 * publishing at once cannot roll the held copy back (on a network share this needs working POSIX
 * locks: NFSv4, or lockd on NFSv3). The directory must exist: a share that is not mounted is not
 * replaced by an empty local directory that would accept anything.
 */
final class DirectoryWitness {

  private static final Logger LOG = Logger.getLogger(DirectoryWitness.class.getName());

  /** The latest checkpoint the directory accepted. */
  static final String FILE = "checkpoint";

  /** The latest checkpoint it refused, kept as evidence. */
  static final String REFUSED = "refused-checkpoint";

  private static final String LOCK = ".lock";

  /** How long an offer waits for another's lock on the directory before it gives up. */
  private static final Duration LOCK_WAIT = Duration.ofSeconds(10);

  private final Path directory;

  DirectoryWitness(Path directory) {
    this.directory = directory;
  }

  /** How the witness is named in logs and records: {@code directory <path>}. */
  static String name(Path directory) {
    return "directory " + directory;
  }

  Path directory() {
    return directory;
  }

  /** Offers a signed checkpoint; the directory keeps it only if it extends the one it holds. */
  Witness.Outcome add(String note, Checkpoint next, Note.VerifierKey key, Witness.Log log) {
    if (!Files.isDirectory(directory)) {
      return Witness.Outcome.unreachable(
          "the witness directory " + directory + " does not exist (is the share mounted?)");
    }
    try (FileChannel channel =
            FileChannel.open(
                directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = lock(channel)) {
      if (lock == null) {
        return Witness.Outcome.unreachable(
            "the witness directory " + directory + " stayed locked for " + LOCK_WAIT);
      }
      Optional<String> held = held();
      if (held.isPresent()) {
        Checkpoint old;
        try {
          old = Checkpoint.parse(Note.open(held.get(), key));
        } catch (NoteException | IllegalArgumentException e) {
          return refuse(
              note,
              next,
              new Witness.Conflict(
                  "it holds a checkpoint the log's key did not sign (" + e.getMessage() + ")"));
        }
        if (Witness.isStale(old.size(), next, log)) {
          return Witness.Outcome.stale(next.size());
        }
        Witness.Conflict conflict = Witness.conflict(old, next, log);
        if (conflict != null) {
          return refuse(note, next, conflict);
        }
        if (old.size() == next.size()) {
          return Witness.Outcome.accepted(next.size());
        }
      }
      write(FILE, note);
      return Witness.Outcome.accepted(next.size());
    } catch (IOException | UncheckedIOException e) {
      return Witness.Outcome.unreachable("the witness directory " + directory + ": " + e);
    }
  }

  /** The directory's lock, waiting for another holder (another node, or this one) a while. */
  private static FileLock lock(FileChannel channel) throws IOException {
    long until = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      try {
        FileLock lock = channel.tryLock();
        if (lock != null) {
          return lock;
        }
      } catch (OverlappingFileLockException e) {
        // held by another offer in this JVM (a redeployment overlapping the old one)
      }
      if (System.nanoTime() > until) {
        return null;
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** Refuses; the refused note is kept as evidence, but a refusal stands even if it cannot be. */
  private Witness.Outcome refuse(String note, Checkpoint next, Witness.Conflict why) {
    try {
      write(REFUSED, note);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "The refused checkpoint was not kept in " + directory, e);
    }
    return Witness.Outcome.refused(next.size(), why);
  }

  /** Replaces one of the directory's files atomically: a reader sees the old or the new. */
  private void write(String file, String content) throws IOException {
    Path partial = Files.createTempFile(directory, file, ".tmp");
    try {
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(
          partial,
          directory.resolve(file),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /** The checkpoint the directory holds, if any. */
  Optional<String> held() {
    Path file = directory.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the witness's checkpoint " + file, e);
    }
  }
}
