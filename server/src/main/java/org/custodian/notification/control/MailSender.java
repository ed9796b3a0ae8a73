package org.custodian.notification.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodian.platform.EngineClock;
import org.custodian.platform.SingleRun;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the mail, on every node, every {@code custodian.mail.interval} (default 10 seconds) and at
 * once after a notice commits: works out the recipients of new notices, then sends what is due,
 * each message claimed first so two nodes do not send it twice. A failed attempt is tried again
 * after 1, 2, 4 … minutes (at most an hour apart) until {@code custodian.mail.max-attempts}
 * (default 12, about a day), then kept as failed with the server's answer.
 */
@Singleton
@Startup
@DependsOn("PlatformStartup")
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailSender {

  private static final Logger LOG = Logger.getLogger(MailSender.class.getName());
  private static final int BATCH = 50;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource(lookup = "java:jboss/mail/Custodian")
  Session session;

  @Inject Notices notices;

  @Inject MailOutbox outbox;

  @Inject EngineClock clock;

  @Inject
  @ConfigProperty(name = "custodian.mail.interval", defaultValue = "PT10S")
  String interval;

  @Inject
  @ConfigProperty(name = "custodian.mail.max-attempts", defaultValue = "12")
  int maxAttempts;

  /**
   * How long a wake waits, so that the notices of a burst of commits (a busy hour: dozens a second)
   * are resolved and sent by one run, not one run each.
   */
  static final long WAKE_DELAY_MS = 200;

  /** The clock a batch's time limit is kept by (a test's may run faster). */
  LongSupplier nanoTime = System::nanoTime;

  private final SingleRun runs = new SingleRun();
  private final AtomicBoolean wakeScheduled = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private ScheduledFuture<?> run;

  @PostConstruct
  void start() {
    long every = Duration.parse(interval).toMillis();
    run = scheduler.scheduleWithFixedDelay(this::work, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * A notice committed: run soon rather than at the next interval. Wakes while one is pending join
   * it; a wake during a run brings another run after it (the notice may have committed after the
   * run looked).
   */
  public void wake() {
    if (!runs.stopping() && wakeScheduled.compareAndSet(false, true)) {
      scheduler.schedule(this::woken, WAKE_DELAY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void woken() {
    wakeScheduled.set(false);
    work();
  }

  private void work() {
    if (runs.stopping()) {
      return;
    }
    if (!runs.tryRun(this::runNow)) {
      again.set(true);
      return;
    }
    if (again.getAndSet(false)) {
      wake();
    }
  }

  private void runNow() {
    try {
      run(clock.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Mail could not be prepared or recorded; tried again", e);
    }
  }

  /**
   * Works out the recipients of new notices, then sends what is due at {@code now} (the engine's
   * clock; a test gives a later instant to see digests and retries go).
   */
  public int runAt(Instant now) {
    // one run at a time on this node: wait for the scheduled one, if it is under way
    return runs.runWhenFree(() -> run(now));
  }

  private int run(Instant now) {
    while (!runs.stopping() && notices.resolve(BATCH) == BATCH) {
      // more notices than one batch: keep going
    }
    return sendDue(now);
  }

  /**
   * Sends the messages due at {@code now}, a batch at a time until a batch is not full or the run
   * has used half its claims' time (a backlog, after an outage, drains over a few runs); what fails
   * is recorded and tried again later.
   */
  private int sendDue(Instant now) {
    // every claim of this run lasts until now + CLAIM: the run starts no mail after half of that
    long stopAt = deadline();
    int sent = 0;
    int claimed;
    do {
      List<MailOutbox.Outgoing> batch;
      try {
        batch = outbox.claimDue(now, BATCH);
      } catch (RuntimeException e) {
        // another node claimed some of them first: it sends those; the rest come next run
        LOG.log(Level.FINE, "Mail claimed elsewhere; left for the next run", e);
        return sent;
      }
      claimed = batch.stream().mapToInt(mail -> mail.messageIds().size()).sum();
      if (batch.isEmpty()) {
        break;
      }
      List<MailOutbox.Outcome> outcomes = send(batch, stopAt);
      record(outcomes, now);
      sent += (int) outcomes.stream().filter(MailOutbox.Outcome::sent).count();
    } while (!runs.stopping() && claimed == BATCH && nanoTime.getAsLong() - stopAt < 0);
    return sent;
  }

  /**
   * The batch's outcomes in one transaction; should that fail, each in its own, so one bad row does
   * not send a whole batch again. An outcome not recorded leaves its claim to run out: that mail is
   * sent again.
   */
  private void record(List<MailOutbox.Outcome> outcomes, Instant now) {
    try {
      outbox.record(outcomes, now, maxAttempts);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Mail outcomes not recorded together; recording them one by one", e);
      for (MailOutbox.Outcome outcome : outcomes) {
        try {
          outbox.record(List.of(outcome), now, maxAttempts);
        } catch (RuntimeException again) {
          LOG.log(
              Level.WARNING,
              "Outcome of mail " + outcome.messageIds() + " not recorded; it will be sent again",
              again);
        }
      }
    }
  }

  /**
   * Sends a batch over one connection to the mail server, not one each. A mail the server refuses
   * fails alone; when the server cannot be reached, the rest of the batch fails with the same
   * answer rather than waiting out the connection timeout once per mail. A slow server cannot
   * outlast the claims: no mail starts after {@code stopAt} ({@link #deadline}), and the rest go
   * back for the next run. The outcomes are recorded together afterwards (should the node stop in
   * between, the batch's claims lapse and its mail is sent again: at least once, never lost).
   */
  List<MailOutbox.Outcome> send(List<MailOutbox.Outgoing> batch, long stopAt) {
    List<MailOutbox.Outcome> outcomes = new ArrayList<>(batch.size());
    Transport transport = null;
    // asking a connection whether it is open costs a round trip (NOOP): only after a failure
    boolean mayHaveDropped = false;
    String unreachable = null;
    try {
      for (MailOutbox.Outgoing mail : batch) {
        if (nanoTime.getAsLong() - stopAt > 0) {
          outcomes.add(MailOutbox.Outcome.notTried(mail));
          continue;
        }
        if (unreachable != null) {
          outcomes.add(MailOutbox.Outcome.failed(mail, unreachable));
          continue;
        }
        MimeMessage message;
        try {
          message = compose(mail);
        } catch (MessagingException | RuntimeException e) {
          outcomes.add(MailOutbox.Outcome.failed(mail, describe(e)));
          continue;
        }
        if (transport == null || (mayHaveDropped && !transport.isConnected())) {
          close(transport);
          mayHaveDropped = false;
          try {
            transport = session.getTransport(message.getAllRecipients()[0]);
            transport.connect();
          } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.FINE, "Mail server not reached; the batch is tried again later", e);
            unreachable = describe(e);
            outcomes.add(MailOutbox.Outcome.failed(mail, unreachable));
            continue;
          }
        }
        try {
          transport.sendMessage(message, message.getAllRecipients());
          outcomes.add(MailOutbox.Outcome.sent(mail));
        } catch (MessagingException | RuntimeException e) {
          LOG.log(Level.FINE, "Mail to " + mail.username() + " not sent; tried again later", e);
          outcomes.add(MailOutbox.Outcome.failed(mail, describe(e)));
          mayHaveDropped = true;
        }
      }
    } finally {
      close(transport);
    }
    return outcomes;
  }

  /** Half a claim from now, on {@link #nanoTime}: the last moment a run starts a mail. */
  long deadline() {
    return nanoTime.getAsLong() + MailOutbox.CLAIM.dividedBy(2).toNanos();
  }

  private MimeMessage compose(MailOutbox.Outgoing mail) throws MessagingException {
    MimeMessage message = new MimeMessage(session);
    message.setFrom();
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.address(), true));
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setHeader("Auto-Submitted", "auto-generated");
    // what Transport.send does before sending: the MIME headers from the content
    message.saveChanges();
    return message;
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.log(Level.FINE, "Mail connection not closed cleanly", e);
      }
    }
  }

  private static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return e.getClass().getSimpleName()
        + ": "
        + e.getMessage()
        + (root == e
            ? ""
            : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")");
  }

  /** No new run starts, and a run under way is waited for (see {@link SingleRun}). */
  @PreDestroy
  void stop() {
    runs.stop();
    run.cancel(false);
  }
}
