package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Stores appointments; saving one stores its outbox in the same document write. */
public interface AppointmentRepository extends MongoRepository<Appointment, String> {

    List<Appointment> findByPatientIdAndStatusAndStartsAtAfter(
            String patientId, AppointmentStatus status, Instant after);

    List<Appointment> findByPatientIdAndStatus(String patientId, AppointmentStatus status);

    List<Appointment> findByStatusAndHoldReleased(AppointmentStatus status, boolean holdReleased);

    /** A patient's appointments in any of these statuses (the booking gate's view of the patient). */
    List<Appointment> findByPatientIdAndStatusIn(String patientId, Collection<AppointmentStatus> statuses);

    List<Appointment> findByStatus(AppointmentStatus status);

    /** A site's appointments of one day for the day board, earliest first, at most {@code limit}. */
    List<Appointment> findBySiteIdAndStartsAtBetweenOrderByStartsAtAsc(
            String siteId, Instant from, Instant to, Limit limit);
}
