package org.clinicops.intake.patients.application;

import java.math.BigDecimal;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Records household size and income when a patient asks for financial assistance. */
@Service
public class RecordHousehold {

    private final MongoTemplate mongo;

    RecordHousehold(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Patient handle(String patientId, int size, BigDecimal yearlyIncome) {
        Patient patient = find(patientId);
        try {
            patient.recordHousehold(size, yearlyIncome);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.substring(0, message.indexOf(' '));
            throw new InvalidRequestException(
                    field, message.substring(field.length()).strip());
        }
        return mongo.save(patient);
    }

    public Patient find(String patientId) {
        Patient patient = mongo.findById(patientId, Patient.class);
        if (patient == null) {
            throw new NotFoundException("patient", patientId);
        }
        return patient;
    }
}
