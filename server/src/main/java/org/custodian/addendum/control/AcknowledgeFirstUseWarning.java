package org.custodian.addendum.control;

/** The author or the Commissioner has read that the planned first use comes too soon; no fields. */
public record AcknowledgeFirstUseWarning() {}
