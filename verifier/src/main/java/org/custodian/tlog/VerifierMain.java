package org.custodian.tlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The auditor's verifier, run away from the server:
 *
 * <pre>
 * java -jar custodian-verifier.jar --key key.txt --checkpoint saved.txt [--checkpoint ...]
 *      [--entries entries.txt] [--inclusion entry.json ...] [--consistency proof.json ...]
 *      [--witness-key witness.txt ...]
 * </pre>
 *
 * {@code key.txt} holds the log's verifier key ({@code GET /api/audit/public-key}), and each {@code
 * --checkpoint} a signed checkpoint someone kept. Every checkpoint's signature is verified with the
 * key first, and checkpoints of one size must have one root. Then, one line each, {@code OK: ...}
 * or {@code FAIL: ...}:
 *
 * <ul>
 *   <li>{@code --entries}: the log's export ({@code GET /api/audit/export}), one line per entry,
 *       its sequence number, a space and the base64 of its leaf bytes. The entries must come in
 *       order from 0, each a canonical leaf, and the tree recomputed from them must have each
 *       checkpoint's root at its size ({@link LogCheck}): that one tree has every checkpoint's root
 *       also shows each checkpoint extends the ones before. A failure names what is known: an entry
 *       ({@code FAIL: entry 17: ...}), a range ({@code FAIL: an entry from 0 to 41 was changed or
 *       replaced: ...}) or a removed tail ({@code FAIL: entries from 30 on were removed: ...}).
 *   <li>{@code --inclusion} (repeatable): the JSON answer of {@code GET
 *       /api/audit/entries/{seq}?treeSize=N}. Its leaf must be a canonical leaf holding the
 *       answer's fields, and its inclusion proof must lead to the root of the given checkpoint of
 *       size N.
 *   <li>{@code --consistency} (repeatable): the JSON answer of {@code GET
 *       /api/audit/consistency?from=M&to=N}, checked against the given checkpoints of sizes M and N
 *       ({@link ProofCheck#consistency}).
 *   <li>{@code --witness-key} (repeatable): a witness's cosignature key ({@link
 *       Cosignature.WitnessKey}). The largest checkpoint given must carry that witness's
 *       cosignature (a smaller one need not when {@code --entries} puts every checkpoint's root in
 *       one tree, or a {@code --consistency} proof ties it to a cosigned one), and every
 *       cosignature by it must verify: a checkpoint the witness cosigned was seen by it, so a log
 *       rewritten and re-signed with a stolen log key cannot present it.
 * </ul>
 *
 * At least one of {@code --entries}, {@code --inclusion}, {@code --consistency}, {@code
 * --witness-key} is needed. Exit status 0: every check passed; 1: a check failed (each is printed);
 * 2: the arguments or files could not be read, or a proof's tree size has no checkpoint given.
 */
public final class VerifierMain {

  private VerifierMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  private record Named<T>(Path file, T answer) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    Path entries = null;
    String key = null;
    List<Path> checkpoints = new ArrayList<>();
    List<Path> inclusions = new ArrayList<>();
    List<Path> consistencies = new ArrayList<>();
    List<String> witnessKeys = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        switch (args[i]) {
          case "--entries" -> {
            if (entries != null) {
              throw new IllegalArgumentException("--entries is given once");
            }
            entries = Path.of(required(args[i], value));
          }
          case "--key" -> key = required(args[i], value);
          case "--checkpoint" -> checkpoints.add(Path.of(required(args[i], value)));
          case "--inclusion" -> inclusions.add(Path.of(required(args[i], value)));
          case "--consistency" -> consistencies.add(Path.of(required(args[i], value)));
          case "--witness-key" -> witnessKeys.add(required(args[i], value));
          case "--help", "-h" -> {
            usage(out);
            return 0;
          }
          default -> throw new IllegalArgumentException("unknown argument " + args[i]);
        }
        i++;
      }
      if (key == null || checkpoints.isEmpty()) {
        throw new IllegalArgumentException("--key and at least one --checkpoint are needed");
      }
      if (entries == null
          && inclusions.isEmpty()
          && consistencies.isEmpty()
          && witnessKeys.isEmpty()) {
        throw new IllegalArgumentException(
            "at least one of --entries, --inclusion, --consistency and --witness-key is needed");
      }
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      usage(err);
      return 2;
    }

    Note.VerifierKey verifierKey;
    List<Cosignature.WitnessKey> witnesses = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<Named<ProofCheck.EntryAnswer>> entryAnswers;
    List<Named<ProofCheck.ConsistencyAnswer>> consistencyAnswers;
    try {
      try {
        verifierKey = Note.VerifierKey.parse(textOrFile(key));
      } catch (IllegalArgumentException e) {
        err.println("The verifier key cannot be read: " + e.getMessage());
        return 2;
      }
      for (String witnessKey : witnessKeys) {
        try {
          witnesses.add(Cosignature.WitnessKey.parse(textOrFile(witnessKey)));
        } catch (IllegalArgumentException e) {
          err.println("The witness key " + witnessKey + " cannot be read: " + e.getMessage());
          return 2;
        }
      }
      for (Path checkpoint : checkpoints) {
        notes.add(read(checkpoint));
      }
      entryAnswers = answers(inclusions, ProofAnswers::entry, "GET /api/audit/entries/{seq}");
      consistencyAnswers =
          answers(consistencies, ProofAnswers::consistency, "GET /api/audit/consistency");
    } catch (IOException e) {
      err.println("Cannot read " + e.getMessage());
      return 2;
    }

    // Every checkpoint's signature first: nothing is checked against a checkpoint the key did
    // not sign.
    List<Checkpoint> opened = new ArrayList<>();
    for (int i = 0; i < notes.size(); i++) {
      try {
        opened.add(LogCheck.openOne(verifierKey, notes.get(i)));
      } catch (NoteException e) {
        out.println("FAIL: checkpoint " + checkpoints.get(i) + " " + e.getMessage());
        return 1;
      }
    }
    List<Checkpoint> signed;
    try {
      signed = LogCheck.agreeing(opened);
    } catch (NoteException e) {
      out.println("FAIL: the checkpoints disagree: " + e.getMessage());
      return 1;
    }
    Map<Long, Checkpoint> bySize = new HashMap<>();
    signed.forEach(c -> bySize.put(c.size(), c));

    // Every proof needs the checkpoints of its sizes.
    for (Named<ProofCheck.EntryAnswer> named : entryAnswers) {
      long size = named.answer().treeSize();
      if (!bySize.containsKey(size)) {
        err.println(
            named.file()
                + " proves entry "
                + named.answer().seq()
                + " in the tree of size "
                + size
                + ", but no --checkpoint of size "
                + size
                + " is given to check it against");
        return 2;
      }
    }
    for (Named<ProofCheck.ConsistencyAnswer> named : consistencyAnswers) {
      long from = named.answer().from();
      long to = named.answer().to();
      // the empty tree's root is known: a proof from size 0 needs no checkpoint of size 0
      for (long size : from == 0 ? new long[] {to} : new long[] {from, to}) {
        if (!bySize.containsKey(size)) {
          err.println(
              named.file()
                  + " proves that the tree of size "
                  + to
                  + " extends that of size "
                  + from
                  + ", but no --checkpoint of size "
                  + size
                  + " is given to check it against");
          return 2;
        }
      }
    }

    // the consistency proofs first: one from a checkpoint to a cosigned one ties the two
    List<ProofCheck.Verdict> consistencyVerdicts = new ArrayList<>();
    java.util.Set<String> linked = new java.util.HashSet<>();
    for (Named<ProofCheck.ConsistencyAnswer> named : consistencyAnswers) {
      ProofCheck.ConsistencyAnswer answer = named.answer();
      ProofCheck.Verdict verdict =
          ProofCheck.consistency(
              answer, named.file().toString(), bySize.get(answer.from()), bySize.get(answer.to()));
      consistencyVerdicts.add(verdict);
      if (verdict.ok()) {
        linked.add(answer.from() + ">" + answer.to());
      }
    }

    boolean allOk = true;
    for (Cosignature.WitnessKey witness : witnesses) {
      List<String> lines = cosigned(witness, checkpoints, notes, opened, entries != null, linked);
      lines.forEach(out::println);
      allOk &= lines.stream().allMatch(l -> l.startsWith("OK:"));
    }
    if (entries != null) {
      String line;
      try {
        line = checkEntries(entries, signed, verifierKey);
      } catch (IOException e) {
        err.println("Cannot read " + e.getMessage());
        return 2;
      }
      out.println(line);
      allOk &= line.startsWith("OK:");
    }
    for (Named<ProofCheck.EntryAnswer> named : entryAnswers) {
      ProofCheck.Verdict verdict =
          ProofCheck.inclusion(
              named.answer(), named.file().toString(), bySize.get(named.answer().treeSize()));
      out.println(verdict.line());
      allOk &= verdict.ok();
    }
    for (ProofCheck.Verdict verdict : consistencyVerdicts) {
      out.println(verdict.line());
      allOk &= verdict.ok();
    }
    return allOk ? 0 : 1;
  }

  /**
   * The cosignature check for one witness: a {@code FAIL:} line for each cosignature by it that
   * does not verify, then {@code OK:} naming the largest checkpoint it cosigned, or {@code FAIL:}
   * when it cosigned none of them; then a {@code FAIL:} line for each checkpoint it did not cosign
   * that is larger, or smaller and tied to none it cosigned (by the entries, or by a consistency
   * proof that verified, {@code linked} holding "from>to").
   */
  private static List<String> cosigned(
      Cosignature.WitnessKey witness,
      List<Path> files,
      List<String> notes,
      List<Checkpoint> opened,
      boolean entriesGiven,
      java.util.Set<String> linked) {
    List<String> lines = new ArrayList<>();
    int largest = -1;
    Cosignature.Verified largestCosignature = null;
    java.util.Set<Long> cosignedSizes = new java.util.HashSet<>();
    for (int i = 0; i < notes.size(); i++) {
      java.util.Optional<Cosignature.Verified> cosignature;
      try {
        cosignature = Cosignature.find(notes.get(i), witness);
      } catch (NoteException e) {
        lines.add("FAIL: checkpoint " + files.get(i) + ": " + e.getMessage());
        continue;
      }
      if (cosignature.isPresent()) {
        cosignedSizes.add(opened.get(i).size());
      }
      if (cosignature.isPresent()
          && (largest < 0 || opened.get(i).size() > opened.get(largest).size())) {
        largest = i;
        largestCosignature = cosignature.get();
      }
    }
    if (largestCosignature == null) {
      lines.add(
          "FAIL: no checkpoint given carries a cosignature by "
              + witness
              + " that verifies: nothing shows the witness saw these checkpoints, which anyone"
              + " holding the log's key could have signed");
    } else {
      long cosignedSize = opened.get(largest).size();
      lines.add(
          "OK: the checkpoint of size "
              + cosignedSize
              + " ("
              + files.get(largest)
              + ") is cosigned by "
              + witness
              + " at "
              + largestCosignature.at()
              + ": the witness saw the log's tree of that size");
      // a larger checkpoint is vouched for by the log's key alone, which a thief may hold; a
      // smaller one too, unless the entries or a consistency proof tie it to a cosigned one
      for (int i = 0; i < notes.size(); i++) {
        long size = opened.get(i).size();
        if (size < cosignedSize
            && !cosignedSizes.contains(size)
            && !entriesGiven
            && cosignedSizes.stream().noneMatch(c -> linked.contains(size + ">" + c))) {
          lines.add(
              "FAIL: checkpoint "
                  + files.get(i)
                  + " (size "
                  + size
                  + ") carries no cosignature by "
                  + witness
                  + ", and nothing given ties it to one that does: give --entries, or"
                  + " --consistency from "
                  + size
                  + " to "
                  + cosignedSize);
        }
        if (size > cosignedSize) {
          lines.add(
              "FAIL: checkpoint "
                  + files.get(i)
                  + " (size "
                  + opened.get(i).size()
                  + ") carries no cosignature by "
                  + witness
                  + ": only the log's key vouches for the entries from "
                  + cosignedSize
                  + " on, and a log rewritten with a stolen key would look the same");
        }
      }
    }
    return lines;
  }

  /** The entries check: its one line, {@code OK: ...} or {@code FAIL: ...}. */
  private static String checkEntries(Path entries, List<Checkpoint> signed, Note.VerifierKey key)
      throws IOException {
    LogCheck check = new LogCheck(signed);
    // the export is ASCII: read byte for byte, so a corrupted byte fails its line, not the read
    try (BufferedReader lines = Files.newBufferedReader(entries, StandardCharsets.ISO_8859_1)) {
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
          if (!SEQUENCE.matcher(parts[0]).matches()) {
            throw new IllegalArgumentException("not a sequence number");
          }
          seq = Long.parseLong(parts[0]);
          leaf = Base64.getDecoder().decode(parts.length == 2 ? parts[1] : "");
        } catch (IllegalArgumentException e) {
          return "FAIL: line " + number + " of the export is not <sequence> <base64 leaf>";
        }
        if (!check.add(seq, leaf)) {
          break;
        }
      }
    }
    LogCheck.Result result = check.finish();
    if (!result.valid()) {
      return "FAIL: " + result.describe();
    }
    long largest = check.largestCheckpoint();
    String uncovered =
        result.entries() > largest
            ? "; entries from " + largest + " on are in no checkpoint given"
            : "";
    if (check.checkpoints() == 1) {
      return "OK: "
          + result.entries()
          + " entries; the signed checkpoint by "
          + key.name()
          + " verifies, and the tree recomputed from the entries has its root at size "
          + largest
          + uncovered;
    }
    return "OK: "
        + result.entries()
        + " entries; "
        + check.checkpoints()
        + " signed checkpoints by "
        + key.name()
        + " verify, and the tree recomputed from the entries has the root of each at its size ("
        + signed.get(0).size()
        + " to "
        + largest
        + "), so each extends the ones before it"
        + uncovered;
  }

  /** A sequence number as the export writes it: decimal, no sign, no leading zero. */
  private static final java.util.regex.Pattern SEQUENCE =
      java.util.regex.Pattern.compile("0|[1-9][0-9]{0,18}");

  /** Each file's answer to {@code request}; a file that is not one cannot be read. */
  private static <T> List<Named<T>> answers(
      List<Path> files, java.util.function.Function<String, T> parse, String request)
      throws IOException {
    List<Named<T>> answers = new ArrayList<>();
    for (Path file : files) {
      String json = read(file);
      try {
        answers.add(new Named<>(file, parse.apply(json)));
      } catch (IllegalArgumentException e) {
        throw new IOException(
            file + ": it is not an answer of " + request + ": " + e.getMessage(), e);
      }
    }
    return answers;
  }

  /** A file's text; one that is not UTF-8 is named as such. */
  private static String read(Path file) throws IOException {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IOException(file + " (not UTF-8 text)", e);
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
    return Files.isRegularFile(path) ? read(path) : key;
  }

  static final String USAGE =
      """
      usage: java -jar custodian-verifier.jar --key KEY|KEYFILE --checkpoint FILE [--checkpoint FILE ...]
               [--entries EXPORT] [--inclusion FILE ...] [--consistency FILE ...]
               [--witness-key KEY|KEYFILE ...]
        --key          the log's verifier key (GET /api/audit/public-key), or a file holding it
        --checkpoint   a signed checkpoint kept outside the server (the daily download, a
                       witness's copy); every one must verify with the key
        --entries      the log's export (GET /api/audit/export): the tree recomputed from it must
                       have each checkpoint's root at its size
        --inclusion    an entry and its inclusion proof, the JSON of
                       GET /api/audit/entries/{seq}?treeSize=N; needs the checkpoint of size N
        --consistency  a consistency proof, the JSON of GET /api/audit/consistency?from=M&to=N;
                       needs the checkpoints of sizes M and N (none for M = 0)
        --witness-key  a witness's cosignature key (name+id+base64, type 0x04): the largest
                       checkpoint given must carry its cosignature (smaller ones too, unless
                       --entries or --consistency ties them to it); every one by it must verify
      --checkpoint, --inclusion, --consistency and --witness-key may be repeated; at least one
      of --entries, --inclusion, --consistency and --witness-key is needed. Prints one line per check, OK: or FAIL:.
      Exit status: 0 every check passed; 1 a check failed; 2 the arguments or files could not
      be read, or a proof's tree size has no --checkpoint.""";

  private static void usage(PrintStream out) {
    out.println(USAGE);
  }
}
