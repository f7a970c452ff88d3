package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Optional;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ConsultationCancelled;
import org.clinicops.events.ConsultationCheckedIn;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * What a consultation has that a session has not: its physician, the request it was booked for and
 * how the physician evaluated it.
 *
 * @param requestId the request; null for a consultation stored without one (its events name the
 *     appointment's id instead)
 * @param requestedAt when the patient asked; null when stored without it
 * @param newPatient whether the completed consultation was a new patient's; null before completion
 * @param visitLevel the level of the completed consultation; null before completion
 */
public record ConsultationDetails(
        @Nullable String clinicianId,
        @Nullable String requestId,
        boolean urgent,
        @Nullable Instant requestedAt,
        @Nullable Boolean newPatient,
        ConsultationCompleted.@Nullable VisitLevel visitLevel)
        implements AppointmentDetails {

    /** A consultation booked for a request, with the physician of its slot. */
    static ConsultationDetails booked(String requestId, boolean urgent, Instant requestedAt, Slot slot) {
        return new ConsultationDetails(slot.clinicianId(), requestId, urgent, requestedAt, null, null);
    }

    @Override
    public AppointmentType type() {
        return AppointmentType.CONSULTATION;
    }

    /** The request the consultation was booked for (the appointment's own id when stored without one). */
    String requestIdOr(String appointmentId) {
        return requestId == null ? appointmentId : requestId;
    }

    @Override
    public ConsultationDetails movedTo(Slot slot) {
        return slot.clinicianId() == null
                ? this
                : new ConsultationDetails(slot.clinicianId(), requestId, urgent, requestedAt, newPatient, visitLevel);
    }

    ConsultationDetails completed(boolean isNew, ConsultationCompleted.VisitLevel level) {
        return new ConsultationDetails(clinicianId, requestId, urgent, requestedAt, isNew, level);
    }

    ConsultationScheduled scheduled(Appointment a, Instant now) {
        return new ConsultationScheduled(
                a.id(),
                requestId,
                a.patientId(),
                a.siteId(),
                clinicianId,
                urgent,
                requestedAt == null ? now : requestedAt,
                a.startsAt(),
                a.endsAt(),
                now);
    }

    /** The contracts have no consultation-rescheduled: consultation-scheduled again, with the new time. */
    @Override
    public ClinicEvent rescheduled(Appointment a, Instant previous, Instant now) {
        return scheduled(a, now);
    }

    /** A consultation is never put on clinical hold, so that is no reason to cancel one. */
    @Override
    public void requireCancelReason(InfusionCancelled.Reason reason) {
        consultationReason(reason);
    }

    private static ConsultationCancelled.Reason consultationReason(InfusionCancelled.Reason reason) {
        return switch (reason) {
            case PATIENT_REQUEST -> ConsultationCancelled.Reason.PATIENT_REQUEST;
            case CLINIC_REQUEST -> ConsultationCancelled.Reason.CLINIC_REQUEST;
            case ILLNESS -> ConsultationCancelled.Reason.ILLNESS;
            case OTHER -> ConsultationCancelled.Reason.OTHER;
            case CLINICAL_HOLD ->
                throw new InvalidRequestException("reason", "a consultation is not put on clinical hold");
        };
    }

    @Override
    public ClinicEvent cancelled(Appointment a, InfusionCancelled.Reason reason, Instant now) {
        return cancelled(a, consultationReason(reason), now);
    }

    ConsultationCancelled cancelled(Appointment a, ConsultationCancelled.Reason reason, Instant now) {
        return new ConsultationCancelled(
                a.id(),
                requestIdOr(a.id()),
                a.patientId(),
                a.siteId(),
                clinicianId,
                a.startsAt(),
                reason,
                a.late(),
                now);
    }

    @Override
    public ClinicEvent noShow(Appointment a, Instant now) {
        return new ConsultationNoShow(
                a.id(), requestIdOr(a.id()), a.patientId(), a.siteId(), clinicianId, a.startsAt(), now);
    }

    /** Intake accepts screening for the request only from this check-in on. */
    @Override
    public Optional<ClinicEvent> checkedIn(Appointment a, Instant now) {
        return Optional.of(
                new ConsultationCheckedIn(a.id(), requestIdOr(a.id()), a.patientId(), a.siteId(), clinicianId, now));
    }

    ConsultationCompleted completedEvent(Appointment a, Instant now) {
        return new ConsultationCompleted(
                a.id(),
                requestIdOr(a.id()),
                a.patientId(),
                a.siteId(),
                clinicianId,
                a.startsAt(),
                now,
                newPatient,
                visitLevel);
    }
}
