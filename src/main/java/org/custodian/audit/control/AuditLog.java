package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.platform.EngineClock;

/**
 * Appends to the audit chain inside the caller's transaction: the entry commits or rolls back with
 * the action it records. Writers serialise on the chain's head row, so concurrent transactions
 * never fork the chain; the lock is held only until the writer commits.
 */
@ApplicationScoped
public class AuditLog {

  @PersistenceContext EntityManager em;

  @Inject EngineClock clock;

  /** The longest details an entry holds (the column); user texts belong in their own records. */
  public static final int MAX_DETAILS = 4_000;

  /**
   * Appends one entry. Details longer than the column are cut with a mark rather than failing the
   * action they record: an entry says what happened and refers to the record that holds any text a
   * person wrote (a decision, a comment), which is stored there in full.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public AuditEntry record(
      String actor, String action, String objectType, Object objectId, String details) {
    Query head =
        em.createNativeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
    Object[] row = (Object[]) head.getSingleResult();
    long seq = ((Number) row[0]).longValue() + 1;
    String prevHash = ((String) row[1]).trim();
    AuditEntry entry =
        new AuditEntry(
            seq,
            clock.now(),
            fit(actor, 80),
            fit(action, 60),
            fit(objectType, 60),
            fit(String.valueOf(objectId), 80),
            fit(details, MAX_DETAILS),
            prevHash);
    em.persist(entry);
    em.createNativeQuery("UPDATE audit_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
        .setParameter(1, seq)
        .setParameter(2, entry.hash())
        .executeUpdate();
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

  public List<AuditEntry> forObject(String objectType, Object objectId) {
    return em.createNamedQuery(AuditEntry.FOR_OBJECT, AuditEntry.class)
        .setParameter("type", objectType)
        .setParameter("id", String.valueOf(objectId))
        .getResultList();
  }
}
