package org.custodian.platform;

/** The state changed meanwhile, or the thing already exists (409). */
public class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
