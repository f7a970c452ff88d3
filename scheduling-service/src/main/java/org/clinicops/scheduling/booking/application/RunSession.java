package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.SessionOutcome;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The day-of steps of an appointment: check-in, start, complete, or no-show. */
@Service
public class RunSession {

    private final BookingGate gate;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SchedulingMetrics metrics;

    RunSession(
            BookingGate gate,
            AppointmentRepository appointments,
            Reservations reservations,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events,
            SchedulingMetrics metrics) {
        this.gate = gate;
        this.metrics = metrics;
        this.appointments = appointments;
        this.reservations = reservations;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Checks a patient in, through the booking gate (not while held, not a second infusion begun that
     * day), from {@code check-in-opens-before} the start until {@code check-in-closes-after} it.
     */
    public Appointment checkIn(String appointmentId) {
        Appointment appointment = load(appointmentId);
        gate.requireMayBegin(appointment);
        appointment.checkIn(properties.checkInOpensBefore(), properties.checkInClosesAfter(), clock.instant());
        return appointments.save(appointment);
    }

    /** Starts a checked-in appointment, through the booking gate (not while held, not a second infusion that day). */
    public Appointment start(String appointmentId) {
        Appointment appointment = load(appointmentId);
        gate.requireMayBegin(appointment);
        appointment.start(clock.instant());
        return appointments.save(appointment);
    }

    public Appointment noShow(String appointmentId) {
        Appointment appointment = load(appointmentId);
        appointment.recordNoShow(ids.eventId(), clock.instant());
        Appointment saved = appointments.save(appointment);
        reservations.releaseExcept(appointmentId, List.of());
        metrics.noShow(saved.siteId());
        events.publishEvent(new CapacityFreed(appointment.siteId()));
        return saved;
    }

    /** Completes a consultation, or an infusion session with what the nurse recorded. */
    public Appointment complete(String appointmentId, SessionOutcome outcome) {
        Appointment appointment = load(appointmentId);
        if (appointment.type() == AppointmentType.CONSULTATION) {
            appointment.completeConsultation(ids.eventId(), clock.instant());
        } else {
            appointment.completeSession(outcome, isLastOfCourse(appointment), ids.eventId(), clock.instant());
        }
        return freeRemainingTime(appointments.save(appointment));
    }

    public Appointment completeConsultation(String appointmentId) {
        Appointment appointment = load(appointmentId);
        appointment.completeConsultation(ids.eventId(), clock.instant());
        return freeRemainingTime(appointments.save(appointment));
    }

    /** A patient discharged early leaves the chair free for the rest of the booked time. */
    private Appointment freeRemainingTime(Appointment completed) {
        Instant now = clock.instant();
        if (completed.endsAt().isAfter(now)) {
            reservations.releaseFrom(completed.id(), now);
            events.publishEvent(new CapacityFreed(completed.siteId()));
        }
        return completed;
    }

    /** The course is completed when every other session of the plan is completed or no longer pending. */
    private boolean isLastOfCourse(Appointment session) {
        for (int n = 1; n <= session.sessionsTotal(); n++) {
            if (n == session.sessionNumber()) {
                continue;
            }
            var other = appointments.findById(Appointment.sessionId(session.planId(), n));
            if (other.isPresent()
                    && (other.get().status() == AppointmentStatus.SCHEDULED
                            || other.get().status() == AppointmentStatus.CHECKED_IN
                            || other.get().status() == AppointmentStatus.IN_PROGRESS
                            || other.get().status() == AppointmentStatus.ON_HOLD)) {
                return false;
            }
        }
        return true;
    }

    private Appointment load(String appointmentId) {
        return appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }
}
