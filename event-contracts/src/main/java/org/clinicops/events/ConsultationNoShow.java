package org.clinicops.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The patient did not come to a booked consultation; it will not take place.
 *
 * @param appointmentId the consultation appointment
 * @param requestId the consultation request in intake
 * @param clinicianId the physician it was booked with; {@code null} when none was assigned
 * @param startsAt the booked start of the missed consultation
 * @param recordedAt when the no-show was recorded (at or after the start)
 */
public record ConsultationNoShow(
        String appointmentId,
        String requestId,
        String patientId,
        String siteId,
        @Nullable String clinicianId,
        Instant startsAt,
        Instant recordedAt)
        implements PatientEvent {}
