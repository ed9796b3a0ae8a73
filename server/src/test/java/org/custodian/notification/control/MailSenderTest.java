package org.custodian.notification.control;

import static org.custodian.notification.control.MailOutbox.Outcome.Result.FAILED;
import static org.custodian.notification.control.MailOutbox.Outcome.Result.NOT_TRIED;
import static org.custodian.notification.control.MailOutbox.Outcome.Result.SENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a batch goes to the mail server: over one connection, and what fails fails alone. */
class MailSenderTest {

  private final MailSender sender = new MailSender();

  @BeforeEach
  void session() {
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol.rfc822", "recording");
    properties.setProperty("mail.from", "custodian@nypd.test");
    Session session = Session.getInstance(properties);
    session.addProvider(
        new Provider(
            Provider.Type.TRANSPORT,
            "recording",
            RecordingTransport.class.getName(),
            "Custodian tests",
            "1"));
    sender.session = session;
    RecordingTransport.connects = 0;
    RecordingTransport.unreachable = false;
    RecordingTransport.refused = Set.of();
    RecordingTransport.dropping = Set.of();
    RecordingTransport.delivered.clear();
  }

  @Test
  void aBatchGoesOverOneConnection() {
    List<MailOutbox.Outcome> outcomes = sendThree();

    assertEquals(1, RecordingTransport.connects);
    assertEquals(
        List.of("a@nypd.test", "b@nypd.test", "c@nypd.test"), RecordingTransport.delivered);
    assertTrue(outcomes.stream().allMatch(MailOutbox.Outcome::sent), outcomes.toString());
    assertEquals(List.of(1L, 2L, 3L), ids(outcomes));
  }

  @Test
  void aRefusedMailFailsAloneAndTheRestGo() {
    RecordingTransport.refused = Set.of("b@nypd.test");

    List<MailOutbox.Outcome> outcomes = sendThree();

    assertEquals(List.of("a@nypd.test", "c@nypd.test"), RecordingTransport.delivered);
    assertNull(outcomes.get(0).error());
    assertTrue(outcomes.get(1).error().contains("550 no such mailbox"), outcomes.get(1).error());
    assertNull(outcomes.get(2).error());
    assertEquals(1, RecordingTransport.connects);
  }

  @Test
  void anUnreachableServerFailsTheBatchAfterOneAttempt() {
    RecordingTransport.unreachable = true;

    List<MailOutbox.Outcome> outcomes = sendThree();

    assertEquals(1, RecordingTransport.connects, "one connection attempt, not one per mail");
    assertEquals(List.of(1L, 2L, 3L), ids(outcomes));
    for (MailOutbox.Outcome outcome : outcomes) {
      assertTrue(outcome.error().contains("Connection refused"), outcome.error());
    }
    assertTrue(RecordingTransport.delivered.isEmpty());
  }

  @Test
  void aDroppedConnectionIsOpenedAgainForTheNextMail() {
    RecordingTransport.dropping = Set.of("b@nypd.test");

    List<MailOutbox.Outcome> outcomes = sendThree();

    assertEquals(2, RecordingTransport.connects);
    assertEquals(List.of("a@nypd.test", "c@nypd.test"), RecordingTransport.delivered);
    assertEquals(List.of(SENT, FAILED, SENT), results(outcomes));
  }

  @Test
  void aSlowServerCannotOutlastTheClaimTheRestGoBackUntried() {
    // each look at the clock finds 40 seconds gone: the second mail would start after a minute
    AtomicLong now = new AtomicLong();
    sender.nanoTime = () -> now.getAndAdd(Duration.ofSeconds(40).toNanos());

    List<MailOutbox.Outcome> outcomes = sendThree();

    assertEquals(List.of("a@nypd.test"), RecordingTransport.delivered);
    assertEquals(List.of(SENT, NOT_TRIED, NOT_TRIED), results(outcomes));
    assertEquals(List.of(1L, 2L, 3L), ids(outcomes));
  }

  @Test
  void aDigestIsOneMailAndItsMessagesShareTheOutcome() {
    MailOutbox.Outgoing digest =
        new MailOutbox.Outgoing(List.of(7L, 8L), "a", "a@nypd.test", "2 updates", "...");

    List<MailOutbox.Outcome> outcomes = sender.send(List.of(digest), sender.deadline());

    assertEquals(1, outcomes.size());
    assertEquals(List.of(7L, 8L), outcomes.get(0).messageIds());
    assertTrue(outcomes.get(0).sent());
  }

  /** Mails to a, b and c (ids 1, 2, 3), as one batch. */
  private List<MailOutbox.Outcome> sendThree() {
    return sender.send(List.of(mail(1, "a"), mail(2, "b"), mail(3, "c")), sender.deadline());
  }

  private static List<MailOutbox.Outcome.Result> results(List<MailOutbox.Outcome> outcomes) {
    return outcomes.stream().map(MailOutbox.Outcome::result).toList();
  }

  private static MailOutbox.Outgoing mail(long id, String user) {
    return new MailOutbox.Outgoing(
        List.of(id), user, user + "@nypd.test", "Review access request", "A task waits.");
  }

  private static List<Long> ids(List<MailOutbox.Outcome> outcomes) {
    return outcomes.stream().flatMap(o -> o.messageIds().stream()).toList();
  }

  /** A mail server in memory: counts connections, refuses some recipients, or cannot be reached. */
  public static class RecordingTransport extends Transport {

    static int connects;
    static boolean unreachable;
    static Set<String> refused = Set.of();
    static Set<String> dropping = Set.of();
    static final List<String> delivered = new ArrayList<>();

    private boolean open;

    public RecordingTransport(Session session, URLName url) {
      super(session, url);
    }

    @Override
    protected boolean protocolConnect(String host, int port, String user, String password)
        throws MessagingException {
      connects++;
      if (unreachable) {
        throw new MessagingException(
            "Couldn't connect to host", new java.net.ConnectException("Connection refused"));
      }
      open = true;
      return true;
    }

    @Override
    public synchronized boolean isConnected() {
      return open;
    }

    @Override
    public void sendMessage(Message message, Address[] addresses) throws MessagingException {
      String to = addresses[0].toString();
      if (refused.contains(to)) {
        throw new SendFailedException("550 no such mailbox");
      }
      if (dropping.contains(to)) {
        open = false;
        throw new MessagingException("421 closing connection");
      }
      delivered.add(to);
    }

    @Override
    public synchronized void close() throws MessagingException {
      open = false;
      super.close();
    }
  }
}
