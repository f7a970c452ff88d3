package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.springframework.context.ApplicationEventPublisher;

/** The booking gate wired by hand for tests that build use cases without Spring. */
final class BookingGates {

    private BookingGates() {}

    static BookingGate of(
            AppointmentRepository appointments,
            PatientHoldsRepository holds,
            SiteRepository sites,
            Reservations reservations,
            IdGenerator ids,
            Clock clock,
            ApplicationEventPublisher events) {
        return new BookingGate(
                appointments,
                holds,
                sites,
                reservations,
                new HeldSessions(appointments, reservations, ids, clock),
                events,
                clock);
    }
}
