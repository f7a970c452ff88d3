package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Intake withdrew a consultation request: the request leaves the waiting list and its consultation,
 * if it has not been held yet, is cancelled (reason REQUEST_WITHDRAWN, raising consultation-cancelled
 * in the appointment's own write) and its time freed. The withdrawal is remembered first, so a
 * consultation-requested applied later (or at the same time) books nothing: {@link BookConsultation}
 * checks it before booking and again after. Safe to repeat: a consultation already cancelled, or held,
 * is left as it is.
 */
@Service
public class WithdrawConsultationRequest {

    private final WithdrawnRequests withdrawn;
    private final WaitingList waitingList;
    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final SchedulingProperties properties;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WithdrawConsultationRequest(
            WithdrawnRequests withdrawn,
            WaitingList waitingList,
            AppointmentRepository appointments,
            Reservations reservations,
            SchedulingProperties properties,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events) {
        this.withdrawn = withdrawn;
        this.waitingList = waitingList;
        this.appointments = appointments;
        this.reservations = reservations;
        this.properties = properties;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** What intake withdrew. */
    public record Command(String requestId, String patientId, String siteId, Instant withdrawnAt) {}

    public void handle(Command command) {
        withdrawn.remember(command.requestId(), command.patientId(), command.siteId(), command.withdrawnAt());
        waitingList.remove(BookConsultation.entryId(command.requestId()));
        cancelConsultationOf(command.requestId());
    }

    /** Whether intake withdrew the request. */
    boolean isWithdrawn(String requestId) {
        return withdrawn.isWithdrawn(requestId);
    }

    /** Whether the withdrawal is known without a store read (see {@link WithdrawnRequests#isKnownWithdrawn}). */
    boolean isKnownWithdrawn(String requestId) {
        return withdrawn.isKnownWithdrawn(requestId);
    }

    /**
     * Cancels the consultation booked for a withdrawn request, if there is one not held yet; true when
     * it was cancelled now.
     */
    boolean cancelConsultationOf(String requestId) {
        String appointmentId = Appointment.consultationId(requestId);
        Appointment consultation = appointments.findById(appointmentId).orElse(null);
        if (consultation == null
                || !consultation.cancelForWithdrawnRequest(
                        properties.lateCancellationWindow(), ids.eventId(), clock.instant())) {
            return false;
        }
        Appointment saved = appointments.save(consultation);
        reservations.releaseExcept(appointmentId, List.of());
        events.publishEvent(new CapacityFreed(saved.siteId()));
        return true;
    }
}
