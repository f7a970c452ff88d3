package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.util.Optional;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.InfusionCancelled;

/**
 * What only one kind of {@link Appointment} has: a consultation's request and evaluation ({@link
 * ConsultationDetails}) or an infusion session's plan, chair and outcome ({@link InfusionDetails}).
 * The steps both kinds take ask their part for the event that kind raises.
 */
public sealed interface AppointmentDetails permits ConsultationDetails, InfusionDetails {

    AppointmentType type();

    /** The same part for the appointment moved to {@code slot} (its clinician or chair). */
    AppointmentDetails movedTo(Slot slot);

    /** The event of the appointment moved from {@code previous} to its current time. */
    ClinicEvent rescheduled(Appointment appointment, Instant previous, Instant now);

    /** Refuses a reason this kind is never cancelled for (400). */
    void requireCancelReason(InfusionCancelled.Reason reason);

    /** The event of the appointment cancelled for {@code reason} (already accepted). */
    ClinicEvent cancelled(Appointment appointment, InfusionCancelled.Reason reason, Instant now);

    ClinicEvent noShow(Appointment appointment, Instant now);

    /** The event of the check-in, for a kind that announces it. */
    Optional<ClinicEvent> checkedIn(Appointment appointment, Instant now);
}
