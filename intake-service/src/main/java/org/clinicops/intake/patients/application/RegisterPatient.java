package org.clinicops.intake.patients.application;

import java.time.Clock;
import java.time.LocalDate;
import org.clinicops.events.PayerType;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.intake.patients.domain.PatientMatchKey;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Registers a patient, or finds a returning one (same name, date of birth and e-mail) so that one
 * person keeps one pseudonymous id. Two concurrent first requests of one person meet at the unique
 * match key: the loser finds the winner's record.
 */
@Service
public class RegisterPatient {

    private final MongoTemplate mongo;
    private final IdGenerator ids;
    private final Clock clock;

    RegisterPatient(MongoTemplate mongo, IdGenerator ids, Clock clock) {
        this.mongo = mongo;
        this.ids = ids;
        this.clock = clock;
    }

    /** Identity and contact details as given on the request. */
    public record PatientDetails(
            String firstName, String lastName, LocalDate dateOfBirth, String email, String phone) {}

    /** The pseudonymous id of the patient. */
    public String handle(PatientDetails details, String siteId, PayerType payerType) {
        String key =
                PatientMatchKey.of(details.firstName(), details.lastName(), details.dateOfBirth(), details.email());
        Patient existing = findByKey(key);
        if (existing != null) {
            return existing.id();
        }
        Patient patient = Patient.register(
                ids.next("p_"),
                details.firstName(),
                details.lastName(),
                details.dateOfBirth(),
                details.email(),
                details.phone(),
                siteId,
                payerType,
                clock.instant());
        try {
            return mongo.insert(patient).id();
        } catch (DuplicateKeyException raced) {
            Patient winner = findByKey(key);
            if (winner == null) {
                throw raced;
            }
            return winner.id();
        }
    }

    private Patient findByKey(String key) {
        return mongo.findOne(Query.query(Criteria.where("matchKey").is(key)), Patient.class);
    }
}
