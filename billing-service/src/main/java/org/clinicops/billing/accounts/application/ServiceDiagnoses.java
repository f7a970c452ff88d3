package org.clinicops.billing.accounts.application;

import java.util.Optional;
import org.clinicops.events.Condition;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The condition each service was given for: a consultation for its request's condition, a session
 * for its approved plan's. A charge copies it onto its invoice when it is raised, so a superbill line
 * carries the diagnosis of its own service, never the latest request's. Upserts: a replay changes
 * nothing.
 */
@Service
public class ServiceDiagnoses {

    private final DiagnosisRepository diagnoses;

    ServiceDiagnoses(DiagnosisRepository diagnoses) {
        this.diagnoses = diagnoses;
    }

    void recordRequest(String requestId, Condition condition) {
        diagnoses.record("request:" + requestId, condition);
    }

    void recordPlan(String planId, Condition condition) {
        diagnoses.record("plan:" + planId, condition);
    }

    /** The condition the consultation request was made for. */
    public Optional<Condition> ofRequest(@Nullable String requestId) {
        return requestId == null ? Optional.empty() : diagnoses.find("request:" + requestId);
    }

    /** The condition the treatment plan was approved for. */
    public Optional<Condition> ofPlan(@Nullable String planId) {
        return planId == null ? Optional.empty() : diagnoses.find("plan:" + planId);
    }
}
