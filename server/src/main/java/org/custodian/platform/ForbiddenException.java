package org.custodian.platform;

/** The actor may not do this (403): wrong role, another command, segregation of duties. */
public class ForbiddenException extends RuntimeException {
  public ForbiddenException(String message) {
    super(message);
  }
}
