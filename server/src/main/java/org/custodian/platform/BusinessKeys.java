package org.custodian.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneId;

/**
 * Hands out readable business keys such as {@code AR-2026-000123}, unique across all years. Each
 * number is taken in a transaction of its own, which holds the prefix's counter row for the time of
 * one UPDATE instead of until the caller's work (a process start) commits: concurrent submissions
 * no longer queue behind each other. A caller that rolls back leaves a gap in the numbers; keys are
 * unique, not gapless.
 */
@ApplicationScoped
public class BusinessKeys {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @PersistenceContext EntityManager em;

  @Inject EngineClock clock;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String next(String prefix) {
    int updated =
        em.createNativeQuery(
                "UPDATE business_key_sequence SET last_no = last_no + 1 WHERE prefix = ?1")
            .setParameter(1, prefix)
            .executeUpdate();
    if (updated != 1) {
      throw new IllegalArgumentException("Unknown business key prefix " + prefix);
    }
    long number =
        ((Number)
                em.createNativeQuery("SELECT last_no FROM business_key_sequence WHERE prefix = ?1")
                    .setParameter(1, prefix)
                    .getSingleResult())
            .longValue();
    int year = clock.now().atZone(NEW_YORK).getYear();
    return String.format("%s-%d-%06d", prefix, year, number);
  }
}
