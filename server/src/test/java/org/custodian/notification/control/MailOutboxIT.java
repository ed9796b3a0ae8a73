package org.custodian.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custodian.notification.entity.MailMessage;
import org.custodian.notification.entity.Notice;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch's outcomes land only where its claim still holds, on MariaDB. The messages are due a
 * month from now, so the server's own mail sender leaves them alone; the claims are made as {@link
 * MailOutbox#claimDue} makes them.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

  @Deployment
  static WebArchive deployment() {
    return Deployments.warWith(MailOutboxIT.class);
  }

  @Inject MailOutbox outbox;

  @PersistenceContext EntityManager em;

  @Inject UserTransaction tx;

  // to the millisecond, as the engine's clock gives it
  private final Instant first =
      Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(30));

  @Test
  void anOutcomeRecordedAfterItsClaimRanOutLeavesTheNewClaimsOutcome() throws Exception {
    long id = claimedMessage(first);
    // the claim ran out and another node claimed the message at `second`
    Instant second = first.plus(Duration.ofMinutes(3));
    claim(id, second);

    outbox.record(List.of(outcome(id, MailOutbox.Outcome.Result.FAILED)), first, 12);
    MailMessage untouched = message(id);
    assertEquals(MailMessage.Status.PENDING, untouched.status());
    assertEquals(0, untouched.attempts(), "the late failure counts no attempt");
    assertNull(untouched.lastError());

    outbox.record(List.of(outcome(id, MailOutbox.Outcome.Result.SENT)), second, 12);
    assertEquals(MailMessage.Status.SENT, message(id).status());
  }

  @Test
  void aMailNotTriedIsReleasedWithoutAnAttempt() throws Exception {
    long id = claimedMessage(first);

    outbox.record(List.of(outcome(id, MailOutbox.Outcome.Result.NOT_TRIED)), first, 12);

    MailMessage released = message(id);
    assertEquals(MailMessage.Status.PENDING, released.status());
    assertEquals(0, released.attempts());
    assertNull(
        em.createQuery("select m.claimedUntil from MailMessage m where m.id = :id", Instant.class)
            .setParameter("id", id)
            .getSingleResult(),
        "due again for whichever node comes first");
  }

  @Test
  void aFailureWithinTheClaimCountsAnAttemptAndWaits() throws Exception {
    long id = claimedMessage(first);

    outbox.record(
        List.of(new MailOutbox.Outcome(List.of(id), MailOutbox.Outcome.Result.FAILED, "421 busy")),
        first,
        12);

    MailMessage failed = message(id);
    assertEquals(1, failed.attempts());
    assertEquals("421 busy", failed.lastError());
    assertEquals(
        first.plus(Duration.ofMinutes(1)), failed.sendAfter(), "tried again a minute later");
  }

  private long claimedMessage(Instant at) throws Exception {
    tx.begin();
    Notice notice =
        new Notice(
            Notice.Kind.TASK_ASSIGNED,
            at,
            "rev.one",
            List.of(),
            "MO-" + System.nanoTime(),
            "Review access request",
            "/custodian/inbox/index.xhtml",
            null);
    em.persist(notice);
    MailMessage message = new MailMessage(notice, "rev.one", "rev.one@nypd.test", false, at);
    message.claim(at.plus(MailOutbox.CLAIM));
    em.persist(message);
    em.flush();
    tx.commit();
    return message.id();
  }

  private void claim(long id, Instant at) throws Exception {
    tx.begin();
    em.find(MailMessage.class, id).claim(at.plus(MailOutbox.CLAIM));
    tx.commit();
  }

  private MailMessage message(long id) {
    return em.find(MailMessage.class, id);
  }

  private static MailOutbox.Outcome outcome(long id, MailOutbox.Outcome.Result result) {
    return new MailOutbox.Outcome(
        List.of(id), result, result == MailOutbox.Outcome.Result.FAILED ? "timed out" : null);
  }
}
