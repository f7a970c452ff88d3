package org.clinicops.intake.patients.adapter.mongo;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clinicops.intake.encryption.FieldCipher;
import org.clinicops.intake.encryption.MatchKeys;
import org.clinicops.intake.patients.application.Patients;
import org.clinicops.intake.patients.domain.Patient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Patients in MongoDB with names, date of birth, e-mail and phone encrypted field by field, each
 * bound to its patient and field, and a keyed match key. Only this class sees both the plaintext and
 * the stored form.
 */
@Component
class EncryptedPatients implements Patients {

    /** The requests collection: a patient is known at the site of each of their requests. */
    private static final String REQUESTS = "consultation_requests";

    private static final int REWRITE_ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final FieldCipher cipher;
    private final MatchKeys matchKeys;

    EncryptedPatients(MongoTemplate mongo, FieldCipher cipher, MatchKeys matchKeys) {
        this.mongo = mongo;
        this.cipher = cipher;
        this.matchKeys = matchKeys;
    }

    @Override
    public Optional<Patient> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, PatientDocument.class))
                .map(this::toPatient);
    }

    @Override
    public Optional<Patient> findByIdentity(String canonicalIdentity) {
        List<String> keys = matchKeys.all(canonicalIdentity);
        return Optional.ofNullable(
                        mongo.findOne(Query.query(Criteria.where("matchKey").in(keys)), PatientDocument.class))
                .map(this::toPatient);
    }

    @Override
    public Patient insert(Patient patient) {
        return toPatient(mongo.insert(toDocument(patient, new PatientDocument())));
    }

    @Override
    public Patient save(Patient patient) {
        PatientDocument stored = mongo.findById(patient.id(), PatientDocument.class);
        return toPatient(mongo.save(toDocument(patient, stored == null ? new PatientDocument() : stored)));
    }

    @Override
    public Set<String> sitesOf(Patient patient) {
        Set<String> sites = new LinkedHashSet<>();
        sites.add(patient.homeSiteId());
        sites.addAll(mongo.findDistinct(
                Query.query(Criteria.where("patientId").is(patient.id())), "siteId", REQUESTS, String.class));
        return sites;
    }

    @Override
    public long reEncryptAll() {
        long rewritten = 0;
        for (String id : mongo.findDistinct(new Query(), "_id", PatientDocument.class, String.class)) {
            for (int attempt = 1; ; attempt++) {
                PatientDocument stored = mongo.findById(id, PatientDocument.class);
                if (stored == null) {
                    break;
                }
                try {
                    mongo.save(toDocument(toPatient(stored), stored));
                    rewritten++;
                    break;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    if (attempt == REWRITE_ATTEMPTS) {
                        throw changedMeanwhile;
                    }
                }
            }
        }
        return rewritten;
    }

    private PatientDocument toDocument(Patient patient, PatientDocument document) {
        String id = patient.id();
        document.id = id;
        document.matchKey = matchKeys.primary(patient.canonicalIdentity());
        document.firstName = cipher.encrypt(patient.firstName(), context(id, "firstName"));
        document.lastName = cipher.encrypt(patient.lastName(), context(id, "lastName"));
        document.dateOfBirth = cipher.encrypt(patient.dateOfBirth().toString(), context(id, "dateOfBirth"));
        document.email = cipher.encrypt(patient.email(), context(id, "email"));
        document.phone = cipher.encrypt(patient.phone(), context(id, "phone"));
        document.homeSiteId = patient.homeSiteId();
        document.payerType = patient.payerType();
        document.householdSize = patient.householdSize();
        document.householdIncome = patient.householdIncome();
        document.registeredAt = patient.registeredAt();
        return document;
    }

    private Patient toPatient(PatientDocument document) {
        String id = document.id;
        return Patient.restore(
                id,
                cipher.decrypt(document.firstName, context(id, "firstName")),
                cipher.decrypt(document.lastName, context(id, "lastName")),
                LocalDate.parse(cipher.decrypt(document.dateOfBirth, context(id, "dateOfBirth"))),
                cipher.decrypt(document.email, context(id, "email")),
                cipher.decrypt(document.phone, context(id, "phone")),
                document.homeSiteId,
                document.payerType,
                document.householdSize,
                document.householdIncome,
                document.registeredAt);
    }

    /** The associated data binding a ciphertext to its patient and field. */
    static String context(String patientId, String field) {
        return "patients/" + patientId + "/" + field;
    }
}
