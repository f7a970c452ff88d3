package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a consultation is a new patient's, by CPT's definition: a new patient has received no
 * professional service from the group in the three years before the visit. A professional service
 * here is a consultation completed, or an infusion session completed or stopped, at any site of the
 * group (patient ids are the same at every site), before the consultation's start. Scheduling knows
 * only what it recorded: a service given before the platform was in use does not count.
 *
 * <p>The three years are CPT's definition, not a clinic's preference, so they are a constant here
 * rather than configuration.
 */
public final class NewPatientRule {

    /** How far back a professional service makes the patient established. */
    public static final Period LOOKBACK = Period.ofYears(3);

    /** The outcomes of an appointment that were a professional service given to the patient. */
    static final Set<AppointmentStatus> SERVICE_GIVEN =
            EnumSet.of(AppointmentStatus.COMPLETED, AppointmentStatus.STOPPED);

    private NewPatientRule() {}

    /** The statuses of the patient's appointments worth reading to decide ({@link #isNew}). */
    public static Set<AppointmentStatus> servicesGiven() {
        return SERVICE_GIVEN;
    }

    /**
     * @param consultation the consultation being completed
     * @param patientsAppointments the same patient's other appointments (any status, any site)
     * @return true when none of them is a service given in the three years before the consultation's
     *     start
     */
    public static boolean isNew(Appointment consultation, Collection<Appointment> patientsAppointments) {
        Instant start = consultation.startsAt();
        Instant from = start.atOffset(ZoneOffset.UTC).minus(LOOKBACK).toInstant();
        return patientsAppointments.stream()
                .filter(a -> !a.id().equals(consultation.id()))
                .filter(a -> a.patientId().equals(consultation.patientId()))
                .filter(a -> SERVICE_GIVEN.contains(a.status()))
                .map(NewPatientRule::servedAt)
                .noneMatch(at -> !at.isBefore(from) && at.isBefore(start));
    }

    /** When the service was given: when it ended, else its booked start. */
    private static Instant servedAt(Appointment a) {
        Instant ended = a.completedAt();
        return ended != null ? ended : a.startsAt();
    }
}
