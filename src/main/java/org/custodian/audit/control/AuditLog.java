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
            actor,
            action,
            objectType,
            String.valueOf(objectId),
            details,
            prevHash);
    em.persist(entry);
    em.createNativeQuery("UPDATE audit_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
        .setParameter(1, seq)
        .setParameter(2, entry.hash())
        .executeUpdate();
    return entry;
  }

  public List<AuditEntry> forObject(String objectType, Object objectId) {
    return em.createNamedQuery(AuditEntry.FOR_OBJECT, AuditEntry.class)
        .setParameter("type", objectType)
        .setParameter("id", String.valueOf(objectId))
        .getResultList();
  }
}
