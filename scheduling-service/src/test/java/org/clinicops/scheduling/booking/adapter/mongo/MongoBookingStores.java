package org.clinicops.scheduling.booking.adapter.mongo;

import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.application.ImportedAppointments;
import org.clinicops.scheduling.booking.application.PatientHoldsRepository;
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
}
