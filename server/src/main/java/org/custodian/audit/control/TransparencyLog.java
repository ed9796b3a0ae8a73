package org.custodian.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.custodian.audit.entity.AuditCheckpoint;
import org.custodian.audit.entity.AuditCosignature;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.audit.entity.SequencedLeaf;
import org.custodian.platform.Actor;
import org.custodian.platform.InvalidInputException;
import org.custodian.platform.NotFoundException;
import org.custodian.tlog.Cosignature;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.NoteException;

/**
 * What the log shows the outside (RFC 9162's API, in Custodian's words): its verifier key, its
 * signed checkpoints, each entry with its inclusion proof, consistency proofs between tree sizes,
 * and an export of the entries for the verifier. Proofs are read from the stored tree, O(log n)
 * nodes each.
 */
@ApplicationScoped
public class TransparencyLog implements Witness.Log {

  private static final Logger LOG = Logger.getLogger(TransparencyLog.class.getName());

  /** The most checkpoints one answer lists. */
  public static final int MAX_CHECKPOINTS = 1_000;

  /** The most entries one export page reads. */
  public static final int EXPORT_PAGE = 2_000;

  @PersistenceContext EntityManager em;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Inject AuditPolicy policy;

  @Inject LogKey key;

  @Inject AuditLog audit;

  @Inject Witnesses witnesses;

  /** A checkpoint as published: its note, with the witness's cosignature line when it has one. */
  public record PublishedCheckpoint(long treeSize, Instant publishedAt, String note) {}

  /** An entry, its leaf bytes, and the proof of its inclusion in the tree of {@code treeSize}. */
  public record ProvenEntry(
      long seq,
      Instant at,
      String actor,
      String action,
      String objectType,
      String objectId,
      String details,
      String leaf,
      long treeSize,
      List<String> proof) {}

  public record ConsistencyProof(long from, long to, List<String> proof) {}

  /** The signed-note verifier key. */
  public String publicKey(Actor actor) {
    policy.requireRead(actor);
    return key.verifierKey().encode();
  }

  /** The latest signed checkpoint. */
  @Transactional
  public String latest(Actor actor) {
    policy.requireRead(actor);
    return latest()
        .map(c -> published(List.of(c)).get(0).note())
        .orElseThrow(TransparencyLog::noCheckpoint);
  }

  /**
   * Checkpoints as they are served: each note with the cosignature line kept for it when it
   * verifies with the configured witness's key (a line that does not is not served: the table is
   * not trusted).
   */
  private List<PublishedCheckpoint> published(List<AuditCheckpoint> checkpoints) {
    return served(checkpoints).stream().map(Served::published).toList();
  }

  /** A checkpoint as served, and the witness's cosignature it carries (null: none). */
  private record Served(PublishedCheckpoint published, Cosignature.Verified cosignature) {}

  private List<Served> served(List<AuditCheckpoint> checkpoints) {
    Optional<Cosignature.WitnessKey> witness = witnesses.cosignatureKey();
    // one row per checkpoint and witness (the table's key)
    Map<Long, String> lines = new HashMap<>();
    if (witness.isPresent() && !checkpoints.isEmpty()) {
      em.createNamedQuery(AuditCosignature.OF_SIZES, AuditCosignature.class)
          .setParameter("sizes", checkpoints.stream().map(AuditCheckpoint::treeSize).toList())
          .setParameter("witness", witness.get().toString())
          .getResultStream()
          .forEach(c -> lines.put(c.treeSize(), c.line()));
    }
    return checkpoints.stream()
        .map(c -> served(c, lines.get(c.treeSize()), witness.orElse(null)))
        .toList();
  }

  private static Served served(AuditCheckpoint c, String line, Cosignature.WitnessKey witness) {
    Cosignature.Verified verified = null;
    // one line is one line: the table is not trusted
    if (line != null && line.indexOf('\n') < 0) {
      try {
        // served as parsed and verified, not as stored
        verified = Cosignature.find(c.note() + line + "\n", witness).orElse(null);
      } catch (NoteException e) {
        LOG.warning(
            () ->
                "A cosignature kept for the checkpoint of size "
                    + c.treeSize()
                    + " does not verify and is not served: "
                    + e.getMessage());
      }
    }
    String note = verified == null ? c.note() : c.note() + verified.line() + "\n";
    return new Served(new PublishedCheckpoint(c.treeSize(), c.publishedAt(), note), verified);
  }

  /**
   * Keeps a witness's cosignature on the checkpoint of {@code size} with {@code root}, once per
   * witness, and only while the log holds that checkpoint (a push under way while a backup is
   * restored keeps nothing for a checkpoint that is gone): the first kept stays (each node offers
   * the latest checkpoint when it starts, so two may keep one at once).
   */
  @Transactional
  public void keepCosignature(long size, byte[] root, Cosignature.Verified cosignature) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_cosignature (tree_size, witness, cosigned_at, line)"
                    + " SELECT tree_size, ?, ?, ? FROM audit_checkpoint"
                    + " WHERE tree_size = ? AND root_hash = ?")) {
      insert.setString(1, cosignature.witness().toString());
      insert.setObject(2, LocalDateTime.ofInstant(cosignature.at(), ZoneOffset.UTC));
      insert.setString(3, cosignature.line());
      insert.setLong(4, size);
      insert.setBytes(5, root);
      insert.executeUpdate();
    } catch (SQLIntegrityConstraintViolationException e) {
      // kept already
    } catch (SQLException e) {
      throw new IllegalStateException("the cosignature could not be kept", e);
    }
  }

  private Optional<AuditCheckpoint> latest() {
    return em.createNamedQuery(AuditCheckpoint.LATEST, AuditCheckpoint.class)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The latest signed checkpoint's note, for the witnesses; empty before the first. */
  public Optional<String> latestNote() {
    return latest().map(AuditCheckpoint::note);
  }

  /** The latest signed checkpoint's tree size; 0 before the first. */
  @Override
  public long size() {
    return latest().map(AuditCheckpoint::treeSize).orElse(0L);
  }

  private static NotFoundException noCheckpoint() {
    return new NotFoundException("The log has published no checkpoint yet.");
  }

  /** The checkpoints of size {@code from} and larger, oldest first. */
  @Transactional
  public List<PublishedCheckpoint> since(Actor actor, long from, int limit) {
    policy.requireRead(actor);
    return published(
        em.createNamedQuery(AuditCheckpoint.FROM_SIZE, AuditCheckpoint.class)
            .setParameter("from", from)
            .setMaxResults(limit)
            .getResultList());
  }

  /**
   * The checkpoint to keep for {@code day} (UTC): the latest published by the end of it (for today,
   * the latest so far). With a witness's cosignature key configured, the latest of that day's the
   * witness cosigned, so that what the auditor keeps shows the witness saw it; the latest, when the
   * witness cosigned none that day (never an older day's: each day's copy pins that day's entries).
   */
  @Transactional
  public PublishedCheckpoint daily(Actor actor, LocalDate day) {
    policy.requireWitness(actor);
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    PublishedCheckpoint checkpoint =
        latestCosigned(start, end)
            .map(Served::published)
            .or(
                () ->
                    em.createNamedQuery(AuditCheckpoint.LATEST_BEFORE, AuditCheckpoint.class)
                        .setParameter("before", end)
                        .setMaxResults(1)
                        .getResultStream()
                        .findFirst()
                        .map(c -> published(List.of(c)).get(0)))
            .orElseThrow(
                () -> new NotFoundException("The log published no checkpoint by " + day + "."));
    audit.record(
        actor.username(),
        "AUDIT_CHECKPOINT_DOWNLOADED",
        "AuditCheckpoint",
        checkpoint.treeSize(),
        "daily checkpoint of " + day);
    return checkpoint;
  }

  /**
   * The log's state as the auditor's home page shows it: its latest checkpoint, the latest the
   * configured witness cosigned (verified here), and a witness's standing refusal.
   */
  public record Status(
      Long treeSize,
      Instant publishedAt,
      boolean witnessKeyed,
      Long cosignedSize,
      String cosignedBy,
      Instant cosignedAt,
      Witnesses.Refusal refusal) {}

  /** The log's state, for those who keep its checkpoints. */
  @Transactional
  public Status status(Actor actor) {
    policy.requireWitness(actor);
    Optional<AuditCheckpoint> latest = latest();
    Optional<Served> cosigned = latestCosigned(Instant.EPOCH, Instant.now().plusSeconds(60));
    Optional<Cosignature.Verified> cosignature = cosigned.map(Served::cosignature);
    return new Status(
        latest.map(AuditCheckpoint::treeSize).orElse(null),
        latest.map(AuditCheckpoint::publishedAt).orElse(null),
        witnesses.cosignatureKey().isPresent(),
        cosigned.map(c -> c.published().treeSize()).orElse(null),
        cosignature.map(c -> c.witness().name()).orElse(null),
        cosignature.map(Cosignature.Verified::at).orElse(null),
        witnesses.refusal().orElse(null));
  }

  /**
   * The latest checkpoint published from {@code start} to before {@code end} that carries the
   * configured witness's cosignature, one that verifies.
   */
  private Optional<Served> latestCosigned(Instant start, Instant end) {
    Optional<Cosignature.WitnessKey> witness = witnesses.cosignatureKey();
    if (witness.isEmpty()) {
      return Optional.empty();
    }
    List<AuditCheckpoint> cosigned =
        em.createNamedQuery(AuditCheckpoint.LATEST_COSIGNED_BETWEEN, AuditCheckpoint.class)
            .setParameter("from", start)
            .setParameter("before", end)
            .setParameter("witness", witness.get().toString())
            .setMaxResults(10)
            .getResultList();
    // served with the witness's line only when it verifies (a row the table holds may not)
    return served(cosigned).stream().filter(c -> c.cosignature() != null).findFirst();
  }

  /**
   * Entry {@code seq} with its inclusion proof in the tree of {@code treeSize} (default: the latest
   * checkpoint's). Reading an entry is itself audited.
   */
  @Transactional
  public ProvenEntry entry(Actor actor, long seq, Long treeSize) {
    policy.requireRead(actor);
    long size = treeSize(treeSize, "treeSize");
    if (seq >= size) {
      throw new InvalidInputException(
          "seq", "Entry " + seq + " is not in the tree of size " + size + ".");
    }
    Object[] row =
        em.createNamedQuery(SequencedLeaf.ENTRY_AT, Object[].class)
            .setParameter("seq", seq)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("The log has no entry " + seq + "."));
    AuditEntry entry = (AuditEntry) row[0];
    List<String> proof = encoded(withNodes(nodes -> Merkle.inclusionProof(nodes, seq, size)));
    audit.record(actor.username(), "AUDIT_ENTRY_READ", "AuditEntry", seq, "tree size " + size);
    return new ProvenEntry(
        seq,
        entry.at(),
        entry.actor(),
        entry.action(),
        entry.objectType(),
        entry.objectId(),
        entry.details(),
        Base64.getEncoder().encodeToString(entry.leaf()),
        size,
        proof);
  }

  /** The consistency proof between the trees of sizes {@code from} and {@code to}. */
  @Transactional
  public ConsistencyProof consistency(Actor actor, long from, Long to) {
    policy.requireRead(actor);
    long size = treeSize(to, "to");
    if (from > size) {
      throw new InvalidInputException("from", "from must be at most to (" + size + ").");
    }
    return new ConsistencyProof(from, size, encoded(consistencyProof(from, size)));
  }

  /**
   * The consistency proof between two tree sizes the log has reached, from its stored nodes: what
   * the witnesses are offered with each checkpoint.
   */
  @Override
  public List<byte[]> consistencyProof(long from, long to) {
    return withNodes(nodes -> Merkle.consistencyProof(nodes, from, to));
  }

  /** A tree size the log has reached: the latest checkpoint's when none is given. */
  private long treeSize(Long asked, String field) {
    long latest =
        latest().map(AuditCheckpoint::treeSize).orElseThrow(TransparencyLog::noCheckpoint);
    if (asked == null) {
      return latest;
    }
    if (asked > latest) {
      throw new InvalidInputException(
          field, field + " must be at most the latest checkpoint's tree size, " + latest + ".");
    }
    return asked;
  }

  private List<byte[]> withNodes(java.util.function.Function<Merkle.Nodes, List<byte[]>> proof) {
    try (Connection connection = dataSource.getConnection();
        TreeNodes nodes = new TreeNodes(connection)) {
      return proof.apply(nodes);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the audit tree", e);
    }
  }

  private static List<String> encoded(List<byte[]> hashes) {
    return hashes.stream().map(Base64.getEncoder()::encodeToString).toList();
  }

  /** Checks who exports, and records the export, before the entries are streamed. */
  @Transactional
  public long startExport(Actor actor, long from, Long to) {
    policy.requireRead(actor);
    long size = treeSize(to, "to");
    if (from > size) {
      throw new InvalidInputException("from", "from must be at most to (" + size + ").");
    }
    audit.record(
        actor.username(),
        "AUDIT_LOG_EXPORTED",
        "AuditLog",
        key.origin(),
        size > from ? "entries " + from + " to " + (size - 1) : "no entries");
    return size;
  }

  /**
   * One page of the export: lines {@code <seq> <base64 leaf>}, from {@code from}, before {@code
   * to}.
   */
  @Transactional
  public List<String> exportPage(long from, long to) {
    List<Object[]> rows =
        em.createNamedQuery(SequencedLeaf.ENTRIES_FROM, Object[].class)
            .setParameter("from", from)
            .setMaxResults((int) Math.min(EXPORT_PAGE, to - from))
            .getResultList();
    return rows.stream()
        .map(
            r ->
                ((SequencedLeaf) r[1]).seq()
                    + " "
                    + Base64.getEncoder().encodeToString(((AuditEntry) r[0]).leaf()))
        .toList();
  }
}
