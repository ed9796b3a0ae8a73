package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.custodian.audit.entity.AuditCheckpoint;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.audit.entity.SequencedLeaf;
import org.custodian.audit.entity.UnsequencedEntry;
import org.custodian.platform.EngineClock;
import org.custodian.tlog.AuditLeaf;

/**
 * Writes audit entries inside the caller's transaction: the entry commits or rolls back with the
 * action it records. An entry is an unsequenced leaf: two inserts, no lock on anything another
 * writer touches. The {@link AuditIntegrator} puts committed entries into the tree within a second.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject EngineClock clock;

  /** The longest details an entry holds (the column); user texts belong in their own records. */
  public static final int MAX_DETAILS = 4_000;

  /** An entry as a case page shows it: its place in the log once the integrator has given one. */
  public record Logged(
      Instant at, String actor, String action, String details, Long seq, Long checkpoint) {

    /** "included in checkpoint N", or that it waits for the next one. */
    public String inclusion() {
      if (seq == null) {
        return "not yet in a checkpoint";
      }
      return checkpoint == null
          ? "entry " + seq + ", not yet in a checkpoint"
          : "entry " + seq + ", included in checkpoint " + checkpoint;
    }
  }

  /**
   * Appends one entry. Details longer than the column are cut with a mark rather than failing the
   * action they record: an entry says what happened and refers to the record that holds any text a
   * person wrote (a decision, a comment), which is stored there in full.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(
      String actor, String action, String objectType, Object objectId, String details) {
    AuditEntry entry =
        new AuditEntry(
            new AuditLeaf(
                clock.now().truncatedTo(ChronoUnit.MICROS),
                fit(actor, 80),
                fit(action, 60),
                fit(objectType, 60),
                fit(String.valueOf(objectId), 80),
                details == null ? "" : fit(details, MAX_DETAILS)));
    em.persist(entry);
    em.persist(new UnsequencedEntry(entry.id()));
    return entry;
  }

  /** The text, cut to {@code max} characters with a mark that says so. */
  static String fit(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    String mark = "… [cut at " + max + " characters]";
    int end = max - mark.length();
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + mark;
  }

  /** The entries about one record, oldest first, each with its place in the log. */
  public List<Logged> forObject(String objectType, Object objectId) {
    List<Object[]> rows =
        em.createNamedQuery(SequencedLeaf.ENTRIES_OF_OBJECT, Object[].class)
            .setParameter("type", objectType)
            .setParameter("id", String.valueOf(objectId))
            .getResultList();
    List<Logged> entries = new ArrayList<>();
    for (Object[] row : rows) {
      AuditEntry e = (AuditEntry) row[0];
      Long seq = row[1] == null ? null : ((Number) row[1]).longValue();
      entries.add(
          new Logged(e.at(), e.actor(), e.action(), e.details(), seq, checkpointCovering(seq)));
    }
    return entries;
  }

  /**
   * The first checkpoint whose tree includes entry {@code seq}: its tree size; null if none yet.
   */
  public Long checkpointCovering(Long seq) {
    if (seq == null) {
      return null;
    }
    Object size =
        em.createNamedQuery(AuditCheckpoint.FIRST_COVERING)
            .setParameter("seq", seq)
            .getSingleResult();
    return size == null ? null : ((Number) size).longValue();
  }

  private static final String FOUND =
      "select new org.custodian.audit.control.FoundEntry(e.id, e.at, e.actor, e.action,"
          + " e.objectType, e.objectId, e.details, l.seq)"
          + " from AuditEntry e left join SequencedLeaf l on l.entryId = e.id";

  /**
   * Entries by who wrote them, what they record and when ({@code from} inclusive, {@code to}
   * exclusive; null criteria do not narrow), newest first: the auditor's console over Custodian's
   * own entries. The caller decides who may search, and audits the search.
   */
  public List<FoundEntry> find(
      String actor, String action, Instant from, Instant to, int offset, int limit) {
    var query =
        em.createQuery(
            FOUND + where(actor, action, from, to) + " order by e.at desc, e.id desc",
            FoundEntry.class);
    bind(query, actor, action, from, to);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /** How many entries {@link #find} would find, counted up to {@code cap} + 1 and no further. */
  public long count(String actor, String action, Instant from, Instant to, int cap) {
    var query =
        em.createQuery(
            "select e.id from AuditEntry e" + where(actor, action, from, to), Long.class);
    bind(query, actor, action, from, to);
    return query.setMaxResults(cap + 1).getResultList().size();
  }

  /** The entries about the given records of one type, by the record's id. */
  public java.util.Map<String, FoundEntry> ofObjects(
      String objectType, java.util.Collection<String> objectIds) {
    java.util.Map<String, FoundEntry> found = new java.util.HashMap<>();
    if (objectIds.isEmpty()) {
      return found;
    }
    for (FoundEntry f :
        em.createQuery(
                FOUND + " where e.objectType = :type and e.objectId in :ids", FoundEntry.class)
            .setParameter("type", objectType)
            .setParameter("ids", objectIds)
            .getResultList()) {
      found.putIfAbsent(f.objectId(), f);
    }
    return found;
  }

  private static String where(String actor, String action, Instant from, Instant to) {
    List<String> where = new ArrayList<>();
    if (actor != null) {
      where.add("e.actor = :actor");
    }
    if (action != null) {
      where.add("e.action = :action");
    }
    if (from != null) {
      where.add("e.at >= :from");
    }
    if (to != null) {
      where.add("e.at < :to");
    }
    return where.isEmpty() ? "" : " where " + String.join(" and ", where);
  }

  private static void bind(
      jakarta.persistence.Query query, String actor, String action, Instant from, Instant to) {
    if (actor != null) {
      query.setParameter("actor", actor);
    }
    if (action != null) {
      query.setParameter("action", action);
    }
    if (from != null) {
      query.setParameter("from", from);
    }
    if (to != null) {
      query.setParameter("to", to);
    }
  }
}
