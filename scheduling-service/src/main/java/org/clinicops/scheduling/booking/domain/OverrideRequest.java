package org.clinicops.scheduling.booking.domain;

/**
 * A clinician's (or admin's) decision to complete a session although discharge checks fail. Who may
 * give one is decided before (the web adapter refuses a nurse's, 403); the aggregate records it.
 *
 * @param by the staff id of the signed-in clinician or admin
 * @param reason why, in their words: kept on the session in scheduling, never put in an event
 */
public record OverrideRequest(String by, String reason) {}
