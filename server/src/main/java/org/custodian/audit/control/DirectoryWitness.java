package org.custodian.audit.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
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
 * publishing at once cannot roll the held copy back.
 */
final class DirectoryWitness {

  /** The latest checkpoint the directory accepted. */
  static final String FILE = "checkpoint";

  /** The latest checkpoint it refused, kept as evidence. */
  static final String REFUSED = "refused-checkpoint";

  private static final String LOCK = ".lock";

  private final Path directory;

  DirectoryWitness(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** Offers a signed checkpoint; the directory keeps it only if it extends the one it holds. */
  Witness.Outcome add(String note, Checkpoint next, Note.VerifierKey key, Witness.Proofs proofs) {
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
              FileChannel.open(
                  directory.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
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
                    0,
                    "it holds a checkpoint the log's key did not sign (" + e.getMessage() + ")"));
          }
          Witness.Conflict conflict = Witness.conflict(old, next, proofs);
          if (conflict != null) {
            return refuse(note, next, conflict);
          }
          if (old.size() == next.size()) {
            return Witness.Outcome.accepted(next.size());
          }
        }
        write(FILE, note);
        return Witness.Outcome.accepted(next.size());
      }
    } catch (IOException | UncheckedIOException e) {
      return Witness.Outcome.unreachable("the witness directory " + directory + ": " + e);
    }
  }

  private Witness.Outcome refuse(String note, Checkpoint next, Witness.Conflict why)
      throws IOException {
    write(REFUSED, note);
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
