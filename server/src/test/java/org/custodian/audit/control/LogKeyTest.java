package org.custodian.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.custodian.tlog.Checkpoint;
import org.custodian.tlog.Merkle;
import org.custodian.tlog.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signing key's life outside the database: generated at first start on the embedded default
 * (with the JDK's keytool), read again unchanged at the next, and never made up on a production
 * database, where a missing keystore stops the start with what to do.
 */
class LogKeyTest {

  @TempDir Path dir;

  private LogKey key(Path keystore, String driver, String generate, String password) {
    LogKey key = new LogKey();
    key.origin = "custodian.test/audit-log";
    key.keystore = Optional.of(keystore.toString());
    key.password = password;
    key.alias = "audit-log";
    key.generate = generate;
    key.driver = driver;
    return key;
  }

  @Test
  void theEmbeddedDefaultGeneratesTheKeyOnceAndKeepsIt() throws Exception {
    Path keystore = dir.resolve("data/custodian/audit-log-key.p12");
    LogKey first = key(keystore, "h2", "auto", "a password");
    first.load();
    assertTrue(Files.isRegularFile(keystore), "generated where the configuration says");
    String body = new Checkpoint(first.origin(), 0, Merkle.emptyRoot()).body();
    assertEquals(body, Note.open(first.sign(body), first.verifierKey()), "it signs");

    LogKey again = key(keystore, "h2", "auto", "a password");
    again.load();
    assertEquals(first.verifierKey().encode(), again.verifierKey().encode(), "the same key");
    try (var files = Files.list(keystore.getParent())) {
      assertEquals(1, files.count(), "no partial file left behind");
    }
  }

  @Test
  void aProductionDatabaseWithoutTheKeystoreDoesNotStart() {
    Path keystore = dir.resolve("missing.p12");
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class, () -> key(keystore, "mariadb", "auto", "x").load());
    assertTrue(refused.getMessage().contains("does not exist"), refused.getMessage());
    assertTrue(refused.getMessage().contains("CUSTODIAN_AUDIT_KEYSTORE"), refused.getMessage());
    assertFalse(Files.exists(keystore), "no key is made up");
  }

  @Test
  void aWrongPasswordStopsTheStart() {
    Path keystore = dir.resolve("key.p12");
    key(keystore, "h2", "true", "the right one").load();
    IllegalStateException refused =
        assertThrows(
            IllegalStateException.class,
            () -> key(keystore, "mariadb", "false", "a wrong one").load());
    assertTrue(refused.getMessage().contains("cannot be read"), refused.getMessage());
  }

  @Test
  void aProductionKeystoreUnderTheDefaultPasswordIsReported() {
    Path keystore = dir.resolve("key.p12");
    key(keystore, "h2", "true", LogKey.DEFAULT_PASSWORD).load();
    java.util.List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(LogKey.class.getName());
    java.util.logging.Handler handler =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord record) {
            if (record.getLevel() == java.util.logging.Level.WARNING) {
              warnings.add(record.getMessage());
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try {
      key(keystore, "h2", "false", LogKey.DEFAULT_PASSWORD).load();
      assertTrue(warnings.isEmpty(), "the embedded default may use it: " + warnings);
      key(keystore, "mariadb", "false", LogKey.DEFAULT_PASSWORD).load();
      assertEquals(1, warnings.size());
      assertTrue(warnings.get(0).contains("CUSTODIAN_AUDIT_KEYSTORE_PASSWORD"), warnings.get(0));
    } finally {
      logger.removeHandler(handler);
    }
  }
}
