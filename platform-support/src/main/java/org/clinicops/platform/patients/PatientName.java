package org.clinicops.platform.patients;

import org.jspecify.annotations.Nullable;

/**
 * Who a pseudonym is, as intake lets the signed-in user see it: held for one page render, never
 * stored, logged or put in an event, a metric label or an error body.
 *
 * @param patientId the pseudonym ({@code p_…})
 * @param displayName the name as submitted at the user's sites
 * @param email contact details, for BILLING and ADMIN only
 * @param phone contact details, for BILLING and ADMIN only
 */
public record PatientName(
        String patientId,
        String displayName,
        @Nullable String email,
        @Nullable String phone) {

    /** Shown in logs and debuggers instead of the name. */
    @Override
    public String toString() {
        return "PatientName[" + patientId + "]";
    }
}
