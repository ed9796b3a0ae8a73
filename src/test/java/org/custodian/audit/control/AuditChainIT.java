package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.custodian.audit.entity.AuditEntry;
import org.custodian.testing.Deployments;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain in the real server on MariaDB: tampering is caught, concurrency never forks it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT {

  @org.jboss.arquillian.container.test.api.Deployment
  static WebArchive deployment() {
    return Deployments.warWith(AuditChainIT.class);
  }

  @Inject AuditLog audit;

  @Inject ChainVerifier verifier;

  @Inject UserTransaction tx;

  @Resource(lookup = "java:jboss/datasources/CustodianDS")
  DataSource dataSource;

  @Resource ManagedExecutorService executor;

  private AuditEntry record(String details) throws Exception {
    tx.begin();
    try {
      AuditEntry entry = audit.record("auditchain.it", "TEST_ENTRY", "Test", "1", details);
      tx.commit();
      return entry;
    } catch (Exception e) {
      tx.rollback();
      throw e;
    }
  }

  private int sql(String statement, Object... parameters) throws Exception {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(statement)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** Puts a deleted entry back exactly as it was, so later tests see an intact chain. */
  private void restore(AuditEntry entry) throws Exception {
    sql(
        "INSERT INTO audit_entry (seq, at, actor, action, object_type, object_id, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entry.seq(),
        java.sql.Timestamp.from(entry.at()),
        entry.actor(),
        entry.action(),
        entry.objectType(),
        entry.objectId(),
        entry.details(),
        entry.prevHash(),
        entry.hash());
  }

  @Test
  void intactChainVerifies() throws Exception {
    record("first");
    record("second");
    ChainVerifier.Verdict verdict = verifier.verify();
    assertTrue(verdict.valid());
    assertTrue(verdict.entries() >= 2);
  }

  @Test
  void rowAlteredWithPlainSqlIsCaughtAtItsSequence() throws Exception {
    AuditEntry target = record("original details");
    record("a later entry");
    try {
      assertEquals(
          1, sql("UPDATE audit_entry SET details = ? WHERE seq = ?", "tampered", target.seq()));
      ChainVerifier.Verdict verdict = verifier.verify();
      assertFalse(verdict.valid());
      assertEquals(target.seq(), verdict.firstInvalidSequence());
    } finally {
      sql("UPDATE audit_entry SET details = ? WHERE seq = ?", "original details", target.seq());
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  @Test
  void deletedRowIsCaughtAtItsSequence() throws Exception {
    AuditEntry target = record("to be deleted");
    record("a later entry");
    try {
      assertEquals(1, sql("DELETE FROM audit_entry WHERE seq = ?", target.seq()));
      ChainVerifier.Verdict verdict = verifier.verify();
      assertFalse(verdict.valid());
      assertEquals(target.seq(), verdict.firstInvalidSequence());
    } finally {
      restore(target);
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  @Test
  void deletedLastRowIsCaught() throws Exception {
    AuditEntry last = record("the newest entry");
    try {
      assertEquals(1, sql("DELETE FROM audit_entry WHERE seq = ?", last.seq()));
      ChainVerifier.Verdict verdict = verifier.verify();
      assertFalse(verdict.valid());
      assertEquals(last.seq(), verdict.firstInvalidSequence());
    } finally {
      restore(last);
    }
    assertTrue(verifier.verify().valid(), "restored");
  }

  @Test
  void concurrentWritersNeverForkOrBreakTheChain() throws Exception {
    long before = count();
    int writers = 8;
    int each = 25;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(
          executor.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  record("writer " + writer + " entry " + i);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : futures) {
      f.get();
    }
    assertEquals(before + writers * each, count());
    ChainVerifier.Verdict verdict = verifier.verify();
    assertTrue(verdict.valid(), "chain intact, first bad: " + verdict.firstInvalidSequence());
    try (Connection c = dataSource.getConnection();
        ResultSet forks =
            c.createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM (SELECT prev_hash FROM audit_entry GROUP BY prev_hash HAVING COUNT(*) > 1) f")) {
      forks.next();
      assertEquals(0, forks.getLong(1), "no two entries share a predecessor");
    }
  }

  private long count() throws Exception {
    try (Connection c = dataSource.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM audit_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
