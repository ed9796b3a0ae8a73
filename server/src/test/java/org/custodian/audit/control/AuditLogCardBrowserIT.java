package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.custodian.testing.Api;
import org.custodian.testing.AuditTrail;
import org.custodian.testing.Browser;
import org.custodian.testing.Deployments;
import org.custodian.tlog.Note;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * In real Chromium: the audit log's card on the home page of those who keep its checkpoints shows
 * the latest checkpoint and the latest the witness cosigned (the server's configured HTTP witness,
 * played here by the test witness on its port), and a witness's refusal recorded by any node, as a
 * warning to the auditor and the City Chief Privacy Officer; a reviewer has no such card.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditLogCardBrowserIT {

  @org.jboss.arquillian.container.test.api.Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.war();
  }

  @ArquillianResource URL url;

  @Test
  void theCardShowsTheLatestCosignedCheckpointAndARefusal() throws Exception {
    Note.VerifierKey logKey =
        Note.VerifierKey.parse(Api.as(url, "auditor.iab").get("audit/public-key").body());
    C2spTestWitness witness = new C2spTestWitness(logKey);
    // the port of the server's custodian.audit.witness.url (arquillian.xml; this JVM is the
    // client's)
    witness.start(18960);
    // the server's configured witness (arquillian.xml): a refusal by a witness no longer configured
    // is not reported
    String refused = "http://127.0.0.1:18960/add-checkpoint";
    try (Browser browser = new Browser(url)) {
      browser.signIn("auditor.iab");
      // an audited read: a new checkpoint for the witness to cosign
      Api.as(url, "rev.one").get("tasks?scope=candidate");
      String status = awaitCosigned(browser, witness);
      assertTrue(status.startsWith("Latest checkpoint: "), status);
      browser.screenshot("audit-log-card.png");
      witness.stop(); // so that no acceptance of a later checkpoint resolves the refusal below

      // a refusal another node recorded: shown on every node's card
      record(refused);
      browser.open("index.xhtml");
      String warning = browser.text(By.id("witnessRefusal"));
      assertTrue(
          warning.contains(refused + " refused the checkpoint of 41 entries")
              && warning.contains("it holds another root for the tree of size 41"),
          warning);

      browser.signIn("cpo.city");
      assertTrue(browser.text(By.id("witnessRefusal")).contains(refused));
      assertTrue(browser.text(By.id("logStatus")).startsWith("Latest checkpoint: "));

      browser.signIn("rev.one");
      assertTrue(browser.driver().findElements(By.id("auditorCard")).isEmpty());
      assertTrue(browser.driver().findElements(By.id("witnessRefusal")).isEmpty());
    } finally {
      witness.stop();
      try (Connection c = AuditTrail.connect();
          PreparedStatement delete =
              c.prepareStatement("DELETE FROM audit_witness_state WHERE witness = ?")) {
        delete.setString(1, refused);
        delete.executeUpdate();
      }
    }
  }

  /**
   * Reloads the home page (30 s at most) until the card names, as the latest cosigned, the tree the
   * test witness cosigned last: a cosignature of this run, not one an earlier run left.
   */
  private static String awaitCosigned(Browser browser, C2spTestWitness witness) {
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      long size = witness.size();
      browser.open("index.xhtml");
      String status = browser.text(By.id("logStatus"));
      if (size > 0
          && status.contains(
              "Cosigned by the witness witness.test/w1: the checkpoint of " + size + " entries")) {
        return status;
      }
      assertTrue(System.nanoTime() < until, "the card says: " + status);
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
  }

  /** A refusal as a node records it (WitnessRecord), written here over JDBC. */
  private static void record(String witness) throws Exception {
    try (Connection c = AuditTrail.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_witness_state (witness, refused_size, refused_at,"
                    + " refused_reason) VALUES (?, 41, ?, ?)")) {
      insert.setString(1, witness);
      insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
      insert.setString(
          3, "it holds another root for the tree of size 41: an entry from 0 to 40 was changed");
      insert.executeUpdate();
    }
  }
}
