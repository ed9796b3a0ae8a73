package org.custodian.tlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The auditor's verifier, run away from the server:
 *
 * <pre>
 * java -jar custodian-verifier.jar --entries entries.txt --key key.txt --checkpoint saved.txt [--checkpoint ...]
 * </pre>
 *
 * {@code entries.txt} is the log's export ({@code GET /api/audit/export}): one line per entry, its
 * sequence number, a space and the base64 of its leaf bytes. {@code key.txt} holds the log's
 * verifier key ({@code GET /api/audit/public-key}), and each {@code --checkpoint} a signed
 * checkpoint someone kept. Exit status 0: every checkpoint verifies and the entries are the log
 * they sign; 1: the first bad entry is named; 2: the arguments or files could not be read.
 */
public final class VerifierMain {

  private VerifierMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path entries = null;
    String key = null;
    List<Path> checkpoints = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--entries" -> entries = Path.of(required(args[i], value));
          case "--key" -> key = required(args[i], value);
          case "--checkpoint" -> checkpoints.add(Path.of(required(args[i], value)));
          case "--help", "-h" -> {
            usage(out);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        i++;
      }
      if (entries == null || key == null || checkpoints.isEmpty()) {
        throw new IllegalArgumentException(
            "--entries, --key and at least one --checkpoint are needed");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      usage(err);
      return 2;
    }
    try {
      Note.VerifierKey verifierKey = Note.VerifierKey.parse(textOrFile(key));
      List<String> notes = new ArrayList<>();
      for (Path checkpoint : checkpoints) {
        notes.add(Files.readString(checkpoint, StandardCharsets.UTF_8));
      }
      LogCheck check;
      try {
        check = new LogCheck(verifierKey, notes);
      } catch (NoteException | IllegalArgumentException e) {
        out.println("FAIL: a checkpoint does not verify: " + e.getMessage());
        return 1;
      }
      try (BufferedReader lines = Files.newBufferedReader(entries, StandardCharsets.UTF_8)) {
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
          number++;
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] parts = line.split(" ", 2);
          long seq;
          byte[] leaf;
          try {
            seq = Long.parseLong(parts[0]);
            leaf = Base64.getDecoder().decode(parts.length == 2 ? parts[1] : "");
          } catch (IllegalArgumentException e) {
            out.println("FAIL: line " + number + " of the export is not <sequence> <base64 leaf>");
            return 1;
          }
          if (!check.add(seq, leaf)) {
            break;
          }
        }
      }
      LogCheck.Result result = check.finish();
      if (result.valid()) {
        out.println(
            "OK: "
                + result.entries()
                + " entries; "
                + checkpoints.size()
                + " signed checkpoint(s) by "
                + verifierKey.name()
                + " verify, each matches the tree recomputed from the entries, and each is"
                + " consistent with the one before");
        return 0;
      }
      out.println("FAIL: first bad entry " + result.firstBadEntry() + ": " + result.reason());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("The verifier key cannot be read: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("Cannot read " + e.getMessage());
      return 2;
    }
  }

  private static String required(String flag, String value) {
    if (value == null) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return value;
  }

  private static String textOrFile(String key) throws IOException {
    Path path = Path.of(key);
    return Files.isRegularFile(path) ? Files.readString(path, StandardCharsets.UTF_8) : key;
  }

  private static void usage(PrintStream out) {
    out.println(
        "usage: java -jar custodian-verifier.jar --entries EXPORT --key KEY|KEYFILE"
            + " --checkpoint FILE [--checkpoint FILE ...]");
  }
}
