package org.clinicops.platform.fhir;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one bulk export covers.
 *
 * @param siteIds the caller's sites: a resource of any other site is never written
 * @param since FHIR's {@code _since}: only resources changed at or after it; null for all
 * @param transactionTime the export's instant (from the service's clock): only resources changed
 *     before it, so a file fetched later matches the manifest
 * @param identity whether the caller may see identity and contact fields (names, birth date,
 *     telecom); when false a source leaves them out, as its read does for such a role
 */
public record FhirExportScope(Set<String> siteIds, @Nullable Instant since, Instant transactionTime, boolean identity) {

    public FhirExportScope {
        siteIds = Set.copyOf(siteIds);
    }

    /** Whether a resource changed at {@code updatedAt} falls in the export's time range. */
    public boolean changedInRange(Instant updatedAt) {
        return (since == null || !updatedAt.isBefore(since)) && updatedAt.isBefore(transactionTime);
    }
}
