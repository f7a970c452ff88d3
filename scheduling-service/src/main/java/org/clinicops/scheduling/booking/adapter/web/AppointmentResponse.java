package org.clinicops.scheduling.booking.adapter.web;

import java.time.Instant;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.ConsultationDetails;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.jspecify.annotations.Nullable;

/**
 * An appointment as the API shows it; instants are UTC.
 *
 * @param waitingReason why a session released from its clinical hold still waits on the waiting list
 *     for a time (a booking rule such as {@code SPACING}, or {@code NO_CAPACITY}); null otherwise
 * @param newPatient for a completed consultation, whether the patient was new to the group (no
 *     professional service in the three years before); null otherwise
 * @param visitLevel for a completed consultation, the level the physician recorded; null otherwise
 */
record AppointmentResponse(
        String id,
        AppointmentType type,
        String patientId,
        String siteId,
        @Nullable String clinicianId,
        @Nullable String chairId,
        @Nullable String planId,
        @Nullable Integer sessionNumber,
        Instant startsAt,
        Instant endsAt,
        AppointmentStatus status,
        boolean late,
        @Nullable String cancelReason,
        @Nullable String waitingReason,
        @Nullable Boolean newPatient,
        ConsultationCompleted.@Nullable VisitLevel visitLevel) {

    static AppointmentResponse of(Appointment a) {
        InfusionDetails session = a.details() instanceof InfusionDetails s ? s : null;
        ConsultationDetails consultation = a.details() instanceof ConsultationDetails c ? c : null;
        return new AppointmentResponse(
                a.id(),
                a.type(),
                a.patientId(),
                a.siteId(),
                a.clinicianId(),
                a.chairId(),
                a.planId(),
                a.sessionNumberOrNull(),
                a.startsAt(),
                a.endsAt(),
                a.status(),
                a.late(),
                a.cancelReason(),
                session == null ? null : session.waitingReason(),
                consultation == null ? null : consultation.newPatient(),
                consultation == null ? null : consultation.visitLevel());
    }
}
