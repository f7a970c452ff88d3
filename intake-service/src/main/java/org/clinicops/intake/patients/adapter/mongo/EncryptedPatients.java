package org.clinicops.intake.patients.adapter.mongo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.clinicops.events.PayerType;
import org.clinicops.intake.encryption.FieldCipher;
import org.clinicops.intake.encryption.MatchKeys;
import org.clinicops.intake.patients.application.PatientRequest;
import org.clinicops.intake.patients.application.Patients;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.intake.patients.domain.SiteHousehold;
import org.clinicops.intake.patients.domain.SubmittedIdentity;
import org.clinicops.platform.change.ConcurrentChanges;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Patients in MongoDB with names, date of birth, e-mail and phone encrypted field by field, each
 * bound to its patient and field, and a keyed match key; the identity submitted with each request,
 * encrypted the same way and bound to its request too; households per patient and site. Only this
 * class sees both the plaintext and the stored form.
 */
@Component
class EncryptedPatients implements Patients {

    /** The requests collection: a patient is known at the site of each of their requests. */
    private static final String REQUESTS = "consultation_requests";

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

    /**
     * With one match key, the insert comes first and the unique match key answers whether the person
     * is stored already (one command for a new patient, two for a returning one). While a rotated
     * keyset still holds older keys, a patient may be stored under one of them, which the insert
     * would not meet, so the lookup by every key comes first.
     */
    @Override
    public Patient findOrInsert(Patient candidate) {
        String identity = candidate.canonicalIdentity();
        if (matchKeys.size() > 1) {
            Optional<Patient> stored = findByIdentity(identity);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        try {
            return insert(candidate);
        } catch (DuplicateKeyException stored) {
            return findByIdentity(identity).orElseThrow(() -> stored);
        }
    }

    @Override
    public Patient save(Patient patient) {
        PatientDocument stored = mongo.findById(patient.id(), PatientDocument.class);
        return toPatient(mongo.save(toDocument(patient, stored == null ? new PatientDocument() : stored)));
    }

    @Override
    public List<Patient> findAll(Collection<String> patientIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(patientIds)), PatientDocument.class).stream()
                .map(this::toPatient)
                .toList();
    }

    @Override
    public List<PatientRequest> requestsAt(Collection<String> patientIds, @Nullable Set<String> sites) {
        Criteria criteria = Criteria.where("patientId").in(patientIds);
        if (sites != null) {
            criteria = criteria.and("siteId").in(sites);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "requestedAt"));
        query.fields().include("_id", "patientId", "siteId", "payerType", "requestedAt");
        return mongo.find(query, Document.class, REQUESTS).stream()
                .map(d -> new PatientRequest(
                        d.getString("_id"),
                        d.getString("patientId"),
                        d.getString("siteId"),
                        PayerType.valueOf(d.getString("payerType")),
                        d.getDate("requestedAt").toInstant()))
                .toList();
    }

    @Override
    public List<String> patientIdsAt(@Nullable Set<String> sites, @Nullable String afterPatientId, int limit) {
        // the requests' patientId index, walked in order: each page is a range of it, never a skip
        List<String> ids = new ArrayList<>();
        String after = afterPatientId;
        while (ids.size() < limit) {
            Criteria criteria =
                    after == null ? new Criteria() : Criteria.where("patientId").gt(after);
            if (sites != null) {
                criteria = criteria.and("siteId").in(sites);
            }
            Query query = Query.query(criteria)
                    .with(Sort.by(Sort.Direction.ASC, "patientId"))
                    .limit(limit);
            query.fields().include("patientId");
            List<Document> requests = mongo.find(query, Document.class, REQUESTS);
            for (Document request : requests) {
                String patientId = request.getString("patientId");
                if (ids.size() < limit
                        && (ids.isEmpty() || !ids.get(ids.size() - 1).equals(patientId))) {
                    ids.add(patientId);
                }
            }
            if (requests.size() < limit) {
                break;
            }
            after = requests.get(requests.size() - 1).getString("patientId");
        }
        return ids;
    }

    @Override
    public void recordSubmission(SubmittedIdentity identity) {
        mongo.insert(toDocument(identity, new SubmissionDocument()));
    }

    @Override
    public Map<String, SubmittedIdentity> submissions(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<String, SubmittedIdentity> found = new LinkedHashMap<>();
        for (SubmissionDocument document :
                mongo.find(Query.query(Criteria.where("_id").in(requestIds)), SubmissionDocument.class)) {
            found.put(document.id, toIdentity(document));
        }
        return found;
    }

    @Override
    public List<SiteHousehold> households(String patientId, Collection<String> sites) {
        return mongo
                .find(
                        Query.query(Criteria.where("patientId")
                                .is(patientId)
                                .and("siteId")
                                .in(sites)),
                        HouseholdDocument.class)
                .stream()
                .map(d -> new SiteHousehold(d.patientId, d.siteId, d.size, d.yearlyIncome, d.recordedAt))
                .toList();
    }

    @Override
    public void saveHousehold(SiteHousehold household) {
        HouseholdDocument document = new HouseholdDocument();
        document.id = HouseholdDocument.key(household.patientId(), household.siteId());
        document.patientId = household.patientId();
        document.siteId = household.siteId();
        document.size = household.size();
        document.yearlyIncome = household.yearlyIncome();
        document.recordedAt = household.recordedAt();
        mongo.save(document);
    }

    @Override
    public long reEncryptAll() {
        long rewritten = 0;
        for (String id : mongo.findDistinct(new Query(), "_id", PatientDocument.class, String.class)) {
            boolean found = ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the patient", () -> {
                PatientDocument stored = mongo.findById(id, PatientDocument.class);
                if (stored != null) {
                    mongo.save(toDocument(toPatient(stored), stored));
                }
                return stored != null;
            });
            rewritten += found ? 1 : 0;
        }
        for (String id : mongo.findDistinct(new Query(), "_id", SubmissionDocument.class, String.class)) {
            ConcurrentChanges.retry(ConcurrentChanges.CONSUMER_ATTEMPTS, "the submission", () -> {
                SubmissionDocument stored = mongo.findById(id, SubmissionDocument.class);
                if (stored != null) {
                    mongo.save(toDocument(toIdentity(stored), stored));
                }
            });
        }
        return rewritten;
    }

    private SubmissionDocument toDocument(SubmittedIdentity identity, SubmissionDocument document) {
        String patientId = identity.patientId();
        String requestId = identity.requestId();
        document.id = requestId;
        document.patientId = patientId;
        document.siteId = identity.siteId();
        document.firstName = cipher.encrypt(identity.firstName(), context(patientId, requestId, "firstName"));
        document.lastName = cipher.encrypt(identity.lastName(), context(patientId, requestId, "lastName"));
        document.dateOfBirth =
                cipher.encrypt(identity.dateOfBirth().toString(), context(patientId, requestId, "dateOfBirth"));
        document.email = cipher.encrypt(identity.email(), context(patientId, requestId, "email"));
        document.phone = cipher.encrypt(identity.phone(), context(patientId, requestId, "phone"));
        document.submittedAt = identity.submittedAt();
        return document;
    }

    private SubmittedIdentity toIdentity(SubmissionDocument document) {
        String patientId = document.patientId;
        String requestId = document.id;
        return new SubmittedIdentity(
                requestId,
                patientId,
                document.siteId,
                cipher.decrypt(document.firstName, context(patientId, requestId, "firstName")),
                cipher.decrypt(document.lastName, context(patientId, requestId, "lastName")),
                LocalDate.parse(cipher.decrypt(document.dateOfBirth, context(patientId, requestId, "dateOfBirth"))),
                cipher.decrypt(document.email, context(patientId, requestId, "email")),
                cipher.decrypt(document.phone, context(patientId, requestId, "phone")),
                document.submittedAt);
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

    /** The associated data binding a submitted ciphertext to its patient, request and field. */
    static String context(String patientId, String requestId, String field) {
        return "patients/" + patientId + "/requests/" + requestId + "/" + field;
    }
}
