package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.custodian.access.entity.AccessGrant;

/** What grants a member held, for those who hold use of a system against them (oversight). */
@ApplicationScoped
public class Grants {

  @PersistenceContext EntityManager em;

  /** When a member held a grant: from its approval until it ended (null: still held). */
  public record Period(Instant from, Instant until) {
    public boolean covers(Instant at) {
      return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
  }

  /**
   * The periods in which the member held a grant at one of {@code levelIds} (a technology's
   * levels): one query, so a batch of events by one member checks each instant in memory.
   */
  public List<Period> periods(long memberId, List<Long> levelIds) {
    if (levelIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery(AccessGrant.PERIODS, Object[].class)
        .setParameter("member", memberId)
        .setParameter("levels", levelIds)
        .getResultStream()
        .map(row -> new Period((Instant) row[0], (Instant) row[1]))
        .toList();
  }
}
