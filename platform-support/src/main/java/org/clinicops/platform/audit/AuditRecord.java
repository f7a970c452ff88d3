package org.clinicops.platform.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit trail: who did what to which object of which site, when, and how it ended.
 * Entries are only ever appended. They hold ids, never patient names, contact details or notes.
 *
 * @param id unique id of the entry
 * @param at when the request ended
 * @param service the service that answered
 * @param actor the signed-in user ({@code preferred_username}), or {@code anonymous}
 * @param roles the actor's roles
 * @param site the site whose data was touched, when known
 * @param action what was attempted: the handler's name ({@code voidInvoice}) or method and path
 * @param method the HTTP method
 * @param object the object touched, e.g. {@code invoices/inv_…}
 * @param patientId the pseudonymous patient whose data was touched, when known (for a list read,
 *     the first of {@code patientIds})
 * @param patientIds every pseudonymous patient whose data the answer carried (a list read records
 *     each patient of the page); empty when none
 * @param outcome how it ended
 * @param status the HTTP status answered
 * @param clientAddress where the request came from
 */
public record AuditRecord(
        String id,
        Instant at,
        String service,
        String actor,
        List<String> roles,
        @Nullable String site,
        String action,
        String method,
        @Nullable String object,
        @Nullable String patientId,
        List<String> patientIds,
        Outcome outcome,
        int status,
        @Nullable String clientAddress) {

    /** How an audited request ended. */
    public enum Outcome {
        /** Answered (2xx or 3xx). */
        SUCCESS,
        /** Refused: no valid token (401). */
        UNAUTHENTICATED,
        /** Refused: the role or the site does not allow it (403). */
        DENIED,
        /** Refused as bad or conflicting input, or not found (other 4xx). */
        REJECTED,
        /** Failed inside the service (5xx). */
        FAILED;

        static Outcome of(int status) {
            if (status == 401) {
                return UNAUTHENTICATED;
            }
            if (status == 403) {
                return DENIED;
            }
            if (status >= 500) {
                return FAILED;
            }
            return status >= 400 ? REJECTED : SUCCESS;
        }
    }
}
