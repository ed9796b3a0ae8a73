package org.custodian.notification.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.notification.entity.MailMessage;

/**
 * The messages waiting to go, each step in its own short transaction: claiming a batch that is due
 * (so another node leaves it alone while this one talks to the mail server), then recording the
 * batch's outcomes. Nothing is held open while the mail server is slow or down.
 */
@ApplicationScoped
public class MailOutbox {

  /**
   * How long a claim keeps other nodes off a message. A run starts no mail after half of it ({@link
   * MailSender#deadline}), so its outcomes are recorded while the claims hold.
   */
  static final Duration CLAIM = Duration.ofMinutes(2);

  /** One mail to send: one message, or a recipient's digest of several. */
  public record Outgoing(
      List<Long> messageIds, String username, String address, String subject, String body) {}

  @PersistenceContext EntityManager em;

  @Inject MailText text;

  /**
   * Claims the messages due at {@code now} and composes them: each immediate one alone, each
   * recipient's due digest messages as one mail.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Outgoing> claimDue(Instant now, int limit) {
    List<Outgoing> outgoing = new ArrayList<>();
    Map<String, List<MailMessage>> digests = new LinkedHashMap<>();
    for (MailMessage m :
        em.createNamedQuery(MailMessage.DUE, MailMessage.class)
            .setParameter("now", now)
            .setMaxResults(limit)
            .getResultList()) {
      m.claim(now.plus(CLAIM));
      if (m.digest()) {
        digests.computeIfAbsent(m.username(), u -> new ArrayList<>()).add(m);
      } else {
        outgoing.add(
            new Outgoing(
                List.of(m.id()),
                m.username(),
                m.address(),
                text.subject(m.notice()),
                text.body(m.username(), m.notice())));
      }
    }
    digests.forEach(
        (username, messages) ->
            outgoing.add(
                new Outgoing(
                    messages.stream().map(MailMessage::id).toList(),
                    username,
                    messages.get(0).address(),
                    text.digestSubject(messages.size()),
                    text.digestBody(
                        username, messages.stream().map(MailMessage::notice).toList()))));
    // the version check at commit: a message another node claimed meanwhile fails this claim
    em.flush();
    return outgoing;
  }

  /** What became of one mail: sent; failed, with the mail server's answer; or not tried. */
  public record Outcome(List<Long> messageIds, Result result, String error) {

    public enum Result {
      SENT,
      FAILED,
      /** The batch ran out of time before this mail: released for the next run, no attempt. */
      NOT_TRIED
    }

    static Outcome sent(Outgoing mail) {
      return new Outcome(mail.messageIds(), Result.SENT, null);
    }

    static Outcome failed(Outgoing mail, String error) {
      return new Outcome(mail.messageIds(), Result.FAILED, error);
    }

    static Outcome notTried(Outgoing mail) {
      return new Outcome(mail.messageIds(), Result.NOT_TRIED, null);
    }

    public boolean sent() {
      return result == Result.SENT;
    }
  }

  /**
   * Records a batch's outcomes in one transaction: sent; or tried again after 1, 2, 4 … minutes (at
   * most an hour apart) until {@code maxAttempts}; or released, not tried. Only for the messages
   * this run's claim (made at {@code at}) still holds: a message another node claimed after this
   * claim ran out keeps that node's outcome.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void record(List<Outcome> outcomes, Instant at, int maxAttempts) {
    Instant claim = at.plus(CLAIM);
    Map<Long, MailMessage> byId = new HashMap<>();
    for (MailMessage m :
        messages(outcomes.stream().flatMap(o -> o.messageIds().stream()).toList())) {
      byId.put(m.id(), m);
    }
    for (Outcome outcome : outcomes) {
      for (Long id : outcome.messageIds()) {
        MailMessage m = byId.get(id);
        if (m == null || !m.claimedUntil(claim)) {
          continue;
        }
        switch (outcome.result()) {
          case SENT -> m.sent(at);
          case FAILED ->
              m.failed(
                  at,
                  outcome.error(),
                  maxAttempts,
                  Duration.ofMinutes(Math.min(60, 1L << Math.min(m.attempts(), 6))));
          case NOT_TRIED -> m.release();
        }
      }
    }
  }

  /** The messages of a batch, in one query. */
  private List<MailMessage> messages(List<Long> ids) {
    return em.createQuery("select m from MailMessage m where m.id in :ids", MailMessage.class)
        .setParameter("ids", ids)
        .getResultList();
  }
}
