package org.custodian.platform;

/**
 * The cookie an API client was known by no longer stands for it (its password or roles changed, it
 * is older than its lifetime, or the call names another user): 401 with a Basic challenge, and the
 * client's next call signs in with its credentials again.
 */
public class SignInAgainException extends RuntimeException {

  /** The challenge every 401 of the API carries: sign in with HTTP Basic. */
  public static final String BASIC_CHALLENGE = "Basic realm=\"Custodian\"";

  public SignInAgainException(String message) {
    super(message);
  }
}
