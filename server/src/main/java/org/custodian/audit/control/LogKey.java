package org.custodian.audit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.custodian.tlog.Note;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The log's Ed25519 signing key, which is not in the database: a PKCS#12 keystore file whose path
 * and password wildfly-config/audit-log.cli takes from the environment. Whoever can write the
 * database can then rewrite entries, but cannot sign a checkpoint for the rewritten tree.
 *
 * <p>When the keystore does not exist and {@code custodian.audit.generate-key} allows it (the
 * embedded default does; see docs/operations.md for production, where the operator supplies the
 * keystore), the key is generated at first start with the JDK's keytool, the only standard tool
 * that writes an Ed25519 key with the certificate a PKCS#12 entry needs.
 */
@ApplicationScoped
public class LogKey {

  private static final Logger LOG = Logger.getLogger(LogKey.class.getName());

  @Inject
  @ConfigProperty(name = "custodian.audit.origin", defaultValue = "custodian.localhost/audit-log")
  String origin;

  @Inject
  @ConfigProperty(name = "custodian.audit.keystore")
  java.util.Optional<String> keystore;

  /** The embedded default's keystore password, published in wildfly-config/audit-log.cli. */
  static final String DEFAULT_PASSWORD = "custodian-audit-log";

  @Inject
  @ConfigProperty(name = "custodian.audit.keystore-password", defaultValue = DEFAULT_PASSWORD)
  String password;

  @Inject
  @ConfigProperty(name = "custodian.audit.key-alias", defaultValue = "audit-log")
  String alias;

  /** true, false, or auto: generate only on the embedded H2 default. */
  @Inject
  @ConfigProperty(name = "custodian.audit.generate-key", defaultValue = "auto")
  String generate;

  @Inject
  @ConfigProperty(name = "custodian.db.driver", defaultValue = "h2")
  String driver;

  private PrivateKey privateKey;
  private Note.VerifierKey verifierKey;

  @PostConstruct
  void load() {
    Path path =
        Path.of(
            keystore.orElseGet(
                () ->
                    System.getProperty(
                            "jboss.server.data.dir", System.getProperty("java.io.tmpdir"))
                        + "/custodian/audit-log-key.p12"));
    try {
      if (!Files.exists(path)) {
        if (!mayGenerate()) {
          throw new IllegalStateException(
              "The audit log's signing key "
                  + path
                  + " does not exist. Supply it (CUSTODIAN_AUDIT_KEYSTORE, docs/operations.md) or"
                  + " set CUSTODIAN_AUDIT_GENERATE_KEY=true to generate one at first start.");
        }
        generate(path);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(path)) {
        store.load(in, password.toCharArray());
      }
      if (!(store.getKey(alias, password.toCharArray()) instanceof PrivateKey key)) {
        throw new IllegalStateException("The keystore " + path + " has no private key " + alias);
      }
      Certificate certificate = store.getCertificate(alias);
      privateKey = key;
      verifierKey = Note.VerifierKey.of(origin, certificate.getPublicKey());
      if (!verifierKey.key().equals(Note.publicKeyOf(key))) {
        throw new IllegalStateException("The keystore's certificate is not of its private key");
      }
      LOG.info(() -> "Audit log signing key " + verifierKey.encode() + " from " + path);
      if (DEFAULT_PASSWORD.equals(password) && !"h2".equalsIgnoreCase(driver.strip())) {
        LOG.warning(
            "The audit log's keystore "
                + path
                + " is protected by the published default password: anyone who copies the file"
                + " can sign checkpoints. Set CUSTODIAN_AUDIT_KEYSTORE_PASSWORD (docs/operations.md).");
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("The audit log's signing key cannot be read from " + path, e);
    }
  }

  private boolean mayGenerate() {
    return switch (generate.strip().toLowerCase()) {
      case "true" -> true;
      case "false" -> false;
      default -> "h2".equalsIgnoreCase(driver.strip());
    };
  }

  private void generate(Path path) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Path partial = Files.createTempFile(path.toAbsolutePath().getParent(), "audit-log-key", ".tmp");
    Files.delete(partial);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder process =
        new ProcessBuilder(
                List.of(
                    keytool.toString(),
                    "-genkeypair",
                    "-keyalg",
                    "Ed25519",
                    "-alias",
                    alias,
                    "-dname",
                    "CN=" + origin.replace(",", "\\,"),
                    "-validity",
                    "36500",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    partial.toString(),
                    "-storepass:env",
                    "CUSTODIAN_KEYTOOL_PASSWORD"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    process.environment().put("CUSTODIAN_KEYTOOL_PASSWORD", password);
    try {
      Process started = process.start();
      if (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0) {
        started.destroyForcibly();
        throw new IOException(keytool + " could not generate the audit log's signing key");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while generating the audit log's signing key", e);
    }
    try {
      Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE);
      LOG.warning(
          () ->
              "Generated the audit log's signing key in "
                  + path
                  + ". Keep a copy away from the database, and publish its verifier key.");
    } catch (FileAlreadyExistsException e) {
      // another server on this installation generated it first: use theirs
      Files.deleteIfExists(partial);
    }
  }

  public String origin() {
    return origin;
  }

  public Note.VerifierKey verifierKey() {
    return verifierKey;
  }

  /** The signed note of a checkpoint body. */
  public String sign(String body) {
    return Note.sign(body, origin, privateKey);
  }
}
