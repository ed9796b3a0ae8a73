package org.custodian.audit.control;

import java.time.Instant;

/**
 * An entry a search found: what it says, and its place in the log ({@code seq}, null until the
 * integrator has sequenced it). Without its leaf bytes: a search never needs them.
 */
public record FoundEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String objectType,
    String objectId,
    String details,
    Long seq) {}
