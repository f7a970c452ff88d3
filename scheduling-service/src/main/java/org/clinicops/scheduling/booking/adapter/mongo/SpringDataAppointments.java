package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code appointments}, used only by {@link MongoAppointmentRepository}. */
interface SpringDataAppointments extends MongoRepository<Appointment, String> {

    List<Appointment> findByPatientIdAndStatus(String patientId, AppointmentStatus status);

    List<Appointment> findByPatientIdAndStatusIn(String patientId, Collection<AppointmentStatus> statuses);

    List<Appointment> findByStatus(AppointmentStatus status);

    /** Between is exclusive at both ends. */
    List<Appointment> findBySiteIdAndStartsAtBetweenOrderByStartsAtAsc(
            String siteId, Instant from, Instant to, Limit limit);
}
