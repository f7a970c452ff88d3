package org.clinicops.intake.patients.application;

import java.time.Clock;
import java.time.LocalDate;
import org.clinicops.events.PayerType;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.intake.patients.domain.SubmittedIdentity;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.stereotype.Service;

/**
 * Registers a patient, or finds a returning one (same name, date of birth and e-mail) so that one
 * person keeps one pseudonymous id. Two concurrent first requests of one person meet at the unique
 * match key: the loser finds the winner's record. What the person typed is kept with each request
 * (never merged into what an earlier request's site sees).
 */
@Service
public class RegisterPatient {

    private final Patients patients;
    private final IdGenerator ids;
    private final Clock clock;

    RegisterPatient(Patients patients, IdGenerator ids, Clock clock) {
        this.patients = patients;
        this.ids = ids;
        this.clock = clock;
    }

    /** Identity and contact details as given on the request. */
    public record PatientDetails(
            String firstName, String lastName, LocalDate dateOfBirth, String email, String phone) {}

    /**
     * Finds or registers the patient and keeps the identity as submitted with this request, for the
     * request's site alone.
     *
     * @param requestId the request the details come with (stored after this returns)
     * @return the pseudonymous id of the patient
     */
    public String handle(PatientDetails details, String siteId, PayerType payerType, String requestId) {
        String patientId = findOrRegister(details, siteId, payerType);
        patients.recordSubmission(SubmittedIdentity.of(
                requestId,
                patientId,
                siteId,
                details.firstName(),
                details.lastName(),
                details.dateOfBirth(),
                details.email(),
                details.phone(),
                clock.instant()));
        return patientId;
    }

    private String findOrRegister(PatientDetails details, String siteId, PayerType payerType) {
        Patient candidate = Patient.register(
                ids.next("p_"),
                details.firstName(),
                details.lastName(),
                details.dateOfBirth(),
                details.email(),
                details.phone(),
                siteId,
                payerType,
                clock.instant());
        return patients.findOrInsert(candidate).id();
    }
}
