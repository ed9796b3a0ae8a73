package org.custodian.testing.smtp;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) for the whole test run (its own package: the in-container test
 * deployments take org.custodian.testing whole, and the server has no GreenMail), started before
 * the first test and so before Arquillian starts WildFly, whose mail session points at it
 * (arquillian.xml: custodian.mail.port). Tests read what arrived and may stop and start it to play
 * an outage.
 */
public final class MailServer implements LauncherSessionListener {

  public static final int PORT = Integer.getInteger("custodian.test.smtp-port", 3025);

  private static GreenMail server;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    // the unit tests' JVM (surefire) says it needs no servers; integration tests and IDE runs do
    if (Boolean.parseBoolean(System.getProperty("custodian.test.servers", "true"))) {
      start();
    }
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      server.start();
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** Every message received so far. */
  public static synchronized List<MimeMessage> received() {
    return server == null ? List.of() : Arrays.asList(server.getReceivedMessages());
  }

  /**
   * Polls (every quarter second, up to 30 s) until a received message matches, and returns it: the
   * sender runs on its own schedule, after the decision's transaction commits.
   */
  public static MimeMessage await(String what, Predicate<MimeMessage> match) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      for (MimeMessage m : received()) {
        if (match.test(m)) {
          return m;
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new AssertionError("no mail " + what + " arrived; received: " + received().size());
  }

  /** The message's recipients and text, for matching. */
  public static String describe(MimeMessage m) {
    try {
      return Arrays.toString(m.getAllRecipients())
          + "\n"
          + m.getSubject()
          + "\n"
          + com.icegreen.greenmail.util.GreenMailUtil.getBody(m);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
