package org.custodian.directory.control;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.apache.commons.codec.digest.Sha2Crypt;

/**
 * The password hashes the Elytron jdbc-realm verifies at sign-in: SHA-512-crypt in modular-crypt
 * form, {@code $6$rounds=5000$<salt>$<hash>}.
 *
 * <p>The rounds are always written out. Without them ({@code $6$<salt>$<hash>}, what commons-codec
 * writes by default) Elytron's decoder reads a salt that begins with "r" as the start of a
 * "rounds=" field and the user can never sign in: one user in 64 added through the API could not
 * (PersonnelEventApiIT failed on one in CI). 5,000 is crypt's default, so the hash is the one
 * commons-codec computed before; V15 writes the rounds into the hashes stored before this change.
 * HTTP Basic verifies the hash on every API request, which is why the rounds are not raised here.
 */
public final class PasswordHash {

  static final int ROUNDS = 5_000;
  private static final String SALT_ALPHABET =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of the password with 16 random salt characters, the most SHA-512-crypt uses. */
  public static String of(String password) {
    StringBuilder salt = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      salt.append(SALT_ALPHABET.charAt(RANDOM.nextInt(SALT_ALPHABET.length())));
    }
    return of(password, salt.toString());
  }

  /** Whether the password is the one the hash was made from (constant-time comparison). */
  public static boolean matches(String password, String hash) {
    if (hash == null || !hash.startsWith("$6$")) {
      return false;
    }
    String again =
        Sha2Crypt.sha512Crypt(
            password.getBytes(StandardCharsets.UTF_8), hash.substring(0, hash.lastIndexOf('$')));
    return java.security.MessageDigest.isEqual(
        again.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
  }

  static String of(String password, String salt) {
    return Sha2Crypt.sha512Crypt(
        password.getBytes(StandardCharsets.UTF_8), "$6$rounds=" + ROUNDS + "$" + salt);
  }
}
