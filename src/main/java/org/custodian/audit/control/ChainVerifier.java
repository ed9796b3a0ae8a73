package org.custodian.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.platform.Actor;

/**
 * Recomputes the whole chain: every sequence present and consecutive, every entry's previous hash
 * equal to its predecessor's hash, every hash equal to the hash of the entry's own content, and the
 * head pointing at the last entry (so a removed tail is caught too).
 */
@ApplicationScoped
public class ChainVerifier {

  public static final String GENESIS = "0".repeat(64);
  private static final int BATCH = 2_000;

  @PersistenceContext EntityManager em;

  public record Verdict(boolean valid, long entries, Long firstInvalidSequence) {}

  @Inject AuditPolicy policy;

  /** The chain recomputed, for those who read the audit log. */
  @Transactional
  public Verdict verify(Actor actor) {
    policy.requireVerify(actor);
    return verify();
  }

  @Transactional
  public Verdict verify() {
    String expectedPrev = GENESIS;
    long expectedSeq = 1;
    long count = 0;
    while (true) {
      List<AuditEntry> batch =
          em.createNamedQuery(AuditEntry.FROM_SEQUENCE, AuditEntry.class)
              .setParameter("from", expectedSeq)
              .setMaxResults(BATCH)
              .getResultList();
      for (AuditEntry entry : batch) {
        if (entry.seq() != expectedSeq
            || !entry.prevHash().equals(expectedPrev)
            || !entry.hash().equals(entry.computeHash())) {
          return new Verdict(false, count, expectedSeq);
        }
        expectedPrev = entry.hash();
        expectedSeq++;
        count++;
      }
      em.clear();
      if (batch.size() < BATCH) {
        break;
      }
    }
    Object[] head =
        (Object[])
            em.createNativeQuery("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
    long lastSeq = ((Number) head[0]).longValue();
    if (lastSeq != count || !((String) head[1]).trim().equals(expectedPrev)) {
      return new Verdict(false, count, count + 1);
    }
    return new Verdict(true, count, null);
  }
}
