package org.clinicops.intake.requests.application;

import java.time.Instant;
import java.util.Set;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a list shows; a null part lets every request through.
 *
 * @param sites the sites to show; null for every site
 * @param patientId only this patient's requests
 * @param screened only requests screened ({@code true}) or not yet ({@code false})
 * @param period only requests whose moment falls in this window
 */
public record RequestFilter(
        @Nullable Set<String> sites,
        @Nullable RequestStatus status,
        @Nullable Boolean urgent,
        @Nullable String patientId,
        @Nullable Boolean screened,
        @Nullable Period period) {

    public RequestFilter(@Nullable Set<String> sites, @Nullable RequestStatus status, @Nullable Boolean urgent) {
        this(sites, status, urgent, null, null, null);
    }

    /** The moment of a request a window is about. */
    public enum Moment {
        REQUESTED,
        SCREENED,
        DECIDED,
        /** The request's last change (a bulk export's {@code _since}). */
        UPDATED
    }

    /**
     * A window {@code [from, to)} on one moment of the request; a null end is open.
     *
     * @param moment which moment
     */
    public record Period(
            Moment moment, @Nullable Instant from, @Nullable Instant to) {}
}
