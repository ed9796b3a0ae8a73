package org.custodian.breach.control;

/**
 * "Send notifications": every letter is sent or its efforts documented; the form has no fields
 * (each letter is recorded on its own, {@code POST /api/breaches/{id}/notifications/{n}}).
 */
public record SendNotifications() {}
