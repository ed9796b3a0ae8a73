package org.custodian.platform;

/** The thing asked for does not exist, or the actor may not know it does (404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
