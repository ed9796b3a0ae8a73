package org.custodian.access.entity;

/** What a reviewer (APPROVE, REJECT, RETURN) or the requester (ANSWER, WITHDRAW) decides. */
public enum Decision {
  APPROVE,
  REJECT,
  RETURN,
  ANSWER,
  WITHDRAW;

  public boolean byReviewer() {
    return this == APPROVE || this == REJECT || this == RETURN;
  }
}
