package org.clinicops.intake.patients.application;

import java.math.BigDecimal;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.stereotype.Service;

/** Records household size and income when a patient asks for financial assistance. */
@Service
public class RecordHousehold {

    private final Patients patients;

    RecordHousehold(Patients patients) {
        this.patients = patients;
    }

    public Patient handle(Patient patient, int size, BigDecimal yearlyIncome) {
        try {
            patient.recordHousehold(size, yearlyIncome);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String field = message.substring(0, message.indexOf(' '));
            throw new InvalidRequestException(
                    field, message.substring(field.length()).strip());
        }
        return patients.save(patient);
    }
}
