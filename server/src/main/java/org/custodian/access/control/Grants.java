package org.custodian.access.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.access.entity.AccessGrant;

/** What grants a member held, for those who hold use of a system against them (oversight). */
@ApplicationScoped
public class Grants {

  @PersistenceContext EntityManager em;

  /** A stretch of time: from, until (null: open). */
  public record Interval(Instant from, Instant until) {
    public boolean covers(Instant at) {
      return !at.isBefore(from) && (until == null || at.isBefore(until));
    }
  }

  /**
   * When a member held a grant: from its approval until it ended (null: still held), and the
   * stretches within it when a misuse case had suspended it.
   */
  public record Period(Instant from, Instant until, List<Interval> suspensions) {

    /** Held at {@code at}, suspended or not. */
    public boolean held(Instant at) {
      return new Interval(from, until).covers(at);
    }

    /** Held and not suspended at {@code at}: the member might use the system. */
    public boolean covers(Instant at) {
      return held(at) && suspensions.stream().noneMatch(s -> s.covers(at));
    }
  }

  /**
   * The periods in which the member held a grant at one of {@code levelIds} (a technology's
   * levels), with their suspensions: one query, so a batch of events by one member checks each
   * instant in memory.
   */
  public List<Period> periods(long memberId, List<Long> levelIds) {
    if (levelIds.isEmpty()) {
      return List.of();
    }
    Map<Long, Period> periods = new LinkedHashMap<>();
    for (Object[] row :
        em.createNamedQuery(AccessGrant.PERIODS, Object[].class)
            .setParameter("member", memberId)
            .setParameter("levels", levelIds)
            .getResultList()) {
      Period period =
          periods.computeIfAbsent(
              (Long) row[0],
              id -> new Period((Instant) row[1], (Instant) row[2], new ArrayList<>()));
      if (row[3] != null) {
        period.suspensions().add(new Interval((Instant) row[3], (Instant) row[4]));
      }
    }
    return List.copyOf(periods.values());
  }
}
