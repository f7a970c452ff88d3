package org.clinicops.billing.accounts.domain;

import java.time.Instant;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * A patient's account at one site: billing keeps one per (patient, site), so a request at a second
 * site opens a second account and leaves the first (its site, condition and balances) as it was.
 *
 * @param id {@link #idOf(String, String)}: the same patient and site always give the same account
 * @param condition the condition of the latest request or approved plan at this site; a superbill line
 *     carries the diagnosis stored on its own invoice, not this one
 */
public record PatientAccount(
        @Id String id,
        String patientId,
        String siteId,
        PayerType payerType,
        @Nullable Condition condition,
        Instant openedAt) {

    /** The account id of a patient at a site, e.g. {@code p_T7zLMq69UtvIs2YE@bos}. */
    public static String idOf(String patientId, String siteId) {
        return patientId + "@" + siteId;
    }
}
