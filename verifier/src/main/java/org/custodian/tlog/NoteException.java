package org.custodian.tlog;

/** A signed note that does not open: malformed, unknown signer, or a signature that fails. */
public class NoteException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoteException(String message) {
    super(message);
  }
}
