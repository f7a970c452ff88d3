package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Puts every infusion of a held patient that has not begun (scheduled or checked in) ON_HOLD and
 * frees its cells. A session changed concurrently is read again and held all the same.
 */
@Component
class HeldSessions {

    private static final int ATTEMPTS = 5;
    private static final Set<AppointmentStatus> NOT_BEGUN =
            EnumSet.of(AppointmentStatus.SCHEDULED, AppointmentStatus.CHECKED_IN);

    private final AppointmentRepository appointments;
    private final Reservations reservations;
    private final IdGenerator ids;
    private final Clock clock;

    HeldSessions(AppointmentRepository appointments, Reservations reservations, IdGenerator ids, Clock clock) {
        this.appointments = appointments;
        this.reservations = reservations;
        this.ids = ids;
        this.clock = clock;
    }

    /** Holds the patient's sessions that have not begun; answers the sites where time was freed. */
    Set<String> holdAll(String patientId) {
        Set<String> freed = new LinkedHashSet<>();
        for (Appointment session : appointments.findOfPatient(patientId, NOT_BEGUN)) {
            if (session.type() == AppointmentType.INFUSION && hold(session)) {
                freed.add(session.siteId());
            }
        }
        return freed;
    }

    private boolean hold(Appointment session) {
        Appointment current = session;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (!NOT_BEGUN.contains(current.status())) {
                return false;
            }
            current.placeOnHold(ids.eventId(), clock.instant());
            try {
                appointments.save(current);
                reservations.releaseExcept(current.id(), List.of());
                return true;
            } catch (OptimisticLockingFailureException changed) {
                Optional<Appointment> again = appointments.findById(session.id());
                if (again.isEmpty()) {
                    return false;
                }
                current = again.get();
            }
        }
        throw new IllegalStateException("session " + session.id() + " kept changing while it was being held");
    }
}
