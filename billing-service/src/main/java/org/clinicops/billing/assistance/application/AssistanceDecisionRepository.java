package org.clinicops.billing.assistance.application;

import java.util.List;
import org.clinicops.billing.assistance.domain.AssistanceDecision;

/** Patients' assistance decisions. */
public interface AssistanceDecisionRepository {

    AssistanceDecision insert(AssistanceDecision decision);

    /** The patient's decisions, newest first. */
    List<AssistanceDecision> ofPatient(String patientId);

    List<AssistanceDecision> all();
}
