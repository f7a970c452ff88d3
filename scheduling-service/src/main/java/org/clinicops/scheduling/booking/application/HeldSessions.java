package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts every infusion of a held patient that has not begun (scheduled or checked in) ON_HOLD and
 * frees its cells. A session changed concurrently is read again and held all the same.
 */
@Component
class HeldSessions {

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
        AtomicReference<@Nullable Appointment> read = new AtomicReference<>(session);
        return ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the session", () -> {
            // the session as given first, then as the concurrent writer left it
            Appointment current = read.getAndSet(null);
            if (current == null) {
                Optional<Appointment> again = appointments.findById(session.id());
                if (again.isEmpty()) {
                    return false;
                }
                current = again.get();
            }
            if (!NOT_BEGUN.contains(current.status())) {
                return false;
            }
            current.placeOnHold(ids.eventId(), clock.instant());
            appointments.save(current);
            reservations.releaseExcept(current.id(), List.of());
            return true;
        });
    }
}
