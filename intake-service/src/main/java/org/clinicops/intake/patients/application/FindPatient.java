package org.clinicops.intake.patients.application;

import java.util.Set;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.platform.problem.NotFoundException;
import org.springframework.stereotype.Service;

/** Loads a patient with the sites they are known at, so the caller can check the reader's site. */
@Service
public class FindPatient {

    private final Patients patients;

    FindPatient(Patients patients) {
        this.patients = patients;
    }

    /** A patient and the sites they are known at, their home site first. */
    public record Found(Patient patient, Set<String> sites) {}

    public Found handle(String patientId) {
        Patient patient = patients.find(patientId).orElseThrow(() -> new NotFoundException("patient", patientId));
        return new Found(patient, patients.sitesOf(patient));
    }
}
