package org.custodian.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Provider;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.codec.digest.Sha2Crypt;
import org.junit.jupiter.api.Test;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/** Every hash we store must be one the server's realm (Elytron's modular-crypt decoder) accepts. */
class PasswordHashTest {

  private static final Provider ELYTRON = WildFlyElytronPasswordProvider.getInstance();
  private static final String PASSWORD = "detective-bureau-secret";

  @Test
  void aSaltThatBeginsWithRIsNotTakenForRounds() throws Exception {
    String hash = PasswordHash.of(PASSWORD, "rN6RSAJhqZGSvtAx");
    assertTrue(hash.startsWith("$6$rounds=5000$rN6RSAJhqZGSvtAx$"), hash);
    assertTrue(signsIn(hash, PASSWORD));
    assertFalse(signsIn(hash, PASSWORD + "!"));
  }

  @Test
  void newHashesAllSignInAndNoTwoShareASalt() throws Exception {
    // 640 hashes: a salt beginning with "r" comes up in 1 of 64, so the old form failed here
    Set<String> salts = new HashSet<>();
    for (int i = 0; i < 640; i++) {
      String hash = PasswordHash.of(PASSWORD);
      assertTrue(signsIn(hash, PASSWORD), hash);
      salts.add(hash.split("\\$")[3]);
    }
    assertEquals(640, salts.size());
  }

  /**
   * What V15 does to a stored hash of the old form: the same hash, with crypt's default rounds
   * written out.
   */
  @Test
  void writingTheDefaultRoundsOutKeepsTheHash() throws Exception {
    String old =
        Sha2Crypt.sha512Crypt(
            PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8), "$6$rFalqZGS");
    assertFalse(signsIn(old, PASSWORD), "Elytron misreads this one: the bug V15 repairs");
    String repaired = "$6$rounds=5000$" + old.substring(3);
    assertTrue(signsIn(repaired, PASSWORD));
  }

  private static boolean signsIn(String hash, String password) throws Exception {
    try {
      Password decoded = ModularCrypt.decode(hash);
      PasswordFactory factory = PasswordFactory.getInstance(decoded.getAlgorithm(), ELYTRON);
      return factory.verify(factory.translate(decoded), password.toCharArray());
    } catch (java.security.spec.InvalidKeySpecException e) {
      return false;
    }
  }
}
