package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.clinicops.scheduling.booking.domain.DischargeOverride;
import org.clinicops.scheduling.booking.domain.DischargePolicy;
import org.clinicops.scheduling.booking.domain.DischargeRefusedException;
import org.clinicops.scheduling.booking.domain.InfusionDetails;
import org.clinicops.scheduling.booking.domain.NewPatientRule;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** The day-of steps of an appointment: check-in, start, complete or stop, or no-show. */
@Service
public class RunSession {

    /** Statuses of a session that has not ended yet. */
    private static final Set<AppointmentStatus> PENDING = EnumSet.of(
            AppointmentStatus.SCHEDULED,
            AppointmentStatus.CHECKED_IN,
            AppointmentStatus.IN_PROGRESS,
            AppointmentStatus.ON_HOLD);

    private final BookingGate gate;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SchedulingMetrics metrics;
    private final SessionSafetyLog safety;
    private final DischargePolicy discharge;

    RunSession(
            BookingGate gate,
            AppointmentRepository appointments,
            Reservations reservations,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events,
            SchedulingMetrics metrics,
            SessionSafetyLog safety,
            DischargeProperties discharge) {
        this.gate = gate;
        this.metrics = metrics;
        this.safety = safety;
        this.discharge = discharge.policy();
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
        return checkIn(load(appointmentId));
    }

    /**
     * {@link #checkIn(String)} of an appointment the caller has just read (to check access): not read
     * again; a change stored meanwhile makes the versioned save refuse it.
     */
    public Appointment checkIn(Appointment appointment) {
        gate.requireMayBegin(appointment);
        appointment.checkIn(
                properties.checkInOpensBefore(), properties.checkInClosesAfter(), ids.eventId(), clock.instant());
        return appointments.save(appointment);
    }

    /** Starts a checked-in appointment, through the booking gate (not while held, not a second infusion that day). */
    public Appointment start(String appointmentId) {
        return start(load(appointmentId));
    }

    /** {@link #start(String)} of an appointment the caller has just read, not read again. */
    public Appointment start(Appointment appointment) {
        gate.requireMayBegin(appointment);
        appointment.start(clock.instant());
        return appointments.save(appointment);
    }

    public Appointment noShow(String appointmentId) {
        return noShow(load(appointmentId));
    }

    /** {@link #noShow(String)} of an appointment the caller has just read, not read again. */
    public Appointment noShow(Appointment appointment) {
        String appointmentId = appointment.id();
        appointment.recordNoShow(ids.eventId(), clock.instant());
        Appointment saved = appointments.save(appointment);
        reservations.releaseExcept(appointmentId, List.of());
        metrics.noShow(saved.siteId());
        events.publishEvent(new CapacityFreed(appointment.siteId()));
        return saved;
    }

    /**
     * Completes a consultation, or an infusion session with what was recorded when its discharge
     * checks pass or are overridden ({@link Appointment#completeSession}); frees the rest of the
     * booked time.
     */
    public Appointment complete(String appointmentId, CompleteSessionCommand command) {
        return complete(load(appointmentId), command);
    }

    /** {@link #complete(String, CompleteSessionCommand)} of an appointment the caller has just read. */
    public Appointment complete(Appointment appointment, CompleteSessionCommand command) {
        if (appointment.type() == AppointmentType.CONSULTATION) {
            return completeConsultation(appointment, null);
        } else {
            try {
                appointment.completeSession(
                        command.outcome(),
                        safety.of(appointment.id()),
                        discharge,
                        command.override(),
                        isLastOfCourse(appointment.infusion()),
                        ids.eventId(),
                        clock.instant());
            } catch (DischargeRefusedException refused) {
                metrics.dischargeRefused(appointment.siteId(), refused.failedChecks());
                throw refused;
            }
            DischargeOverride overridden = appointment.infusion().dischargeOverride();
            if (overridden != null) {
                metrics.dischargeOverridden(appointment.siteId(), overridden.checks());
            }
        }
        return freeRemainingTime(appointments.save(appointment));
    }

    /**
     * Completes a consultation at the level the physician recorded ({@code MODERATE} when none was
     * given), saying whether the patient is new to the group ({@link NewPatientRule}: no consultation
     * or session given at any site in the three years before).
     */
    public Appointment completeConsultation(
            String appointmentId, ConsultationCompleted.@Nullable VisitLevel visitLevel) {
        return completeConsultation(load(appointmentId), visitLevel);
    }

    /** {@link #completeConsultation(String, ConsultationCompleted.VisitLevel)} of an appointment just read. */
    public Appointment completeConsultation(
            Appointment appointment, ConsultationCompleted.@Nullable VisitLevel visitLevel) {
        boolean newPatient = NewPatientRule.isNew(
                appointment, appointments.findOfPatient(appointment.patientId(), NewPatientRule.servicesGiven()));
        appointment.completeConsultation(
                newPatient,
                visitLevel == null ? ConsultationCompleted.VisitLevel.MODERATE : visitLevel,
                ids.eventId(),
                clock.instant());
        return freeRemainingTime(appointments.save(appointment));
    }

    /**
     * Stops an infusion in progress ({@link Appointment#stop}): the session ends STOPPED with the
     * minutes and dose actually given, and the rest of its booked time is freed.
     */
    public Appointment stop(String appointmentId, StopSessionCommand command) {
        return stop(load(appointmentId), command);
    }

    /** {@link #stop(String, StopSessionCommand)} of an appointment the caller has just read. */
    public Appointment stop(Appointment appointment, StopSessionCommand command) {
        appointment.stop(command.reason(), command.infusionMinutes(), command.doseMg(), ids.eventId(), clock.instant());
        Appointment saved = freeRemainingTime(appointments.save(appointment));
        metrics.sessionStopped(saved.siteId(), command.reason());
        return saved;
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

    /**
     * The course is completed when no other session of the plan is still pending (scheduled, checked
     * in, in progress or on hold): completed, stopped, cancelled and missed sessions have ended.
     */
    private boolean isLastOfCourse(InfusionDetails session) {
        List<String> others = new ArrayList<>();
        for (int n = 1; n <= session.sessionsTotal(); n++) {
            if (n != session.sessionNumber()) {
                others.add(Appointment.sessionId(session.planId(), n));
            }
        }
        // one read of the other sessions, not one each
        return others.isEmpty()
                || appointments.findAllById(others).stream().noneMatch(other -> PENDING.contains(other.status()));
    }

    private Appointment load(String appointmentId) {
        return appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
    }
}
