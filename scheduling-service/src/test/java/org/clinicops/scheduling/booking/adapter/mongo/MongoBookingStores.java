package org.clinicops.scheduling.booking.adapter.mongo;

import java.util.List;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.application.ImportedAppointments;
import org.clinicops.scheduling.booking.application.PatientHoldsRepository;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/** Booking's MongoDB adapters over a template, for tests that run the use cases without Spring. */
public final class MongoBookingStores {

    private MongoBookingStores() {}

    public static AppointmentRepository appointments(MongoTemplate mongo) {
        return new MongoAppointmentRepository(
                new MongoRepositoryFactory(mongo).getRepository(SpringDataAppointments.class), mongo);
    }

    public static PatientHoldsRepository patientHolds(MongoTemplate mongo) {
        return new MongoPatientHoldsRepository(
                new MongoRepositoryFactory(mongo).getRepository(SpringDataPatientHolds.class));
    }

    public static ImportedAppointments importedAppointments(MongoTemplate mongo) {
        return new MongoImportedAppointments(mongo);
    }

    /** Every appointment in {@code appointments}, read through the service's mapping. */
    public static List<Appointment> allAppointments(MongoTemplate mongo) {
        return mongo.findAll(AppointmentDocument.class).stream()
                .map(AppointmentDocument::toAppointment)
                .toList();
    }

    /** The class appointments are stored as, for stores that keep the documents elsewhere. */
    public static Class<?> appointmentDocumentType() {
        return AppointmentDocument.class;
    }

    /** The document the service stores for an appointment (its pending events inside). */
    public static Object appointmentDocument(Appointment appointment) {
        return AppointmentDocument.of(appointment);
    }

    /** The appointment a stored document holds. */
    public static Appointment appointmentOf(Object document) {
        return ((AppointmentDocument) document).toAppointment();
    }

    /** The version a stored document of an appointment was given. */
    public static long appointmentVersion(Object document) {
        return ((AppointmentDocument) document).storedVersion();
    }
}
