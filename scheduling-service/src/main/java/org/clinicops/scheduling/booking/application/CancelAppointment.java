package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.util.List;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Cancels an appointment (late when under the late-cancellation window) and frees its time. */
@Service
public class CancelAppointment {

    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SchedulingMetrics metrics;

    CancelAppointment(
            AppointmentRepository appointments,
            Reservations reservations,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events,
            SchedulingMetrics metrics) {
        this.metrics = metrics;
        this.appointments = appointments;
        this.reservations = reservations;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    public Appointment handle(String appointmentId, InfusionCancelled.Reason reason) {
        Appointment appointment = appointments
                .findById(appointmentId)
                .orElseThrow(() -> new NotFoundException("appointment", appointmentId));
        appointment.cancel(reason, properties.lateCancellationWindow(), ids.eventId(), clock.instant());
        Appointment saved = appointments.save(appointment);
        reservations.releaseExcept(appointmentId, List.of());
        if (saved.late()) {
            metrics.lateCancellation(saved.siteId());
        }
        events.publishEvent(new CapacityFreed(appointment.siteId()));
        return saved;
    }
}
