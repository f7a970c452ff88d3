package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.springframework.data.domain.Limit;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code appointments} documents, used only by {@link MongoAppointmentRepository}. */
interface SpringDataAppointments extends MongoRepository<AppointmentDocument, String> {

    List<AppointmentDocument> findByPatientIdAndStatus(String patientId, AppointmentStatus status);

    List<AppointmentDocument> findByPatientIdAndStatusIn(String patientId, Collection<AppointmentStatus> statuses);

    List<AppointmentDocument> findByStatus(AppointmentStatus status);

    /** Between is exclusive at both ends. */
    List<AppointmentDocument> findBySiteIdAndStartsAtBetweenOrderByStartsAtAsc(
            String siteId, Instant from, Instant to, Limit limit);
}
