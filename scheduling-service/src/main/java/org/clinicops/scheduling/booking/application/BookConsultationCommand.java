package org.clinicops.scheduling.booking.application;

import java.time.Instant;

/** Book the consultation a request asks for. */
public record BookConsultationCommand(
        String requestId, String patientId, String siteId, boolean urgent, Instant requestedAt) {}
