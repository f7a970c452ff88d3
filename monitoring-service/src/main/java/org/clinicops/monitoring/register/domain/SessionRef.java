package org.clinicops.monitoring.register.domain;

/** The session an entry is for, and its pseudonymous patient (for the dispensing log). */
public record SessionRef(String sessionId, String patientId) {}
