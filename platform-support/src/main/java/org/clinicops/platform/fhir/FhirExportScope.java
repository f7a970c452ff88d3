package org.clinicops.platform.fhir;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one bulk export covers.
 *
 * @param siteIds the caller's sites: a resource of any other site is never written; empty when
 *     {@code allSites}
 * @param since FHIR's {@code _since}: only resources changed at or after it; null for all
 * @param transactionTime the export's instant (from the service's clock): only resources changed
 *     before it, so a file fetched later matches the manifest
 * @param identity whether the caller may see identity and contact fields (names, birth date,
 *     telecom); when false a source leaves them out, as its read does for such a role
 * @param allSites whether every site is the caller's (an ADMIN, a token for {@code *}), as {@code
 *     SiteAccess.visibleSites} answers with no site: a source then filters on no site
 */
public record FhirExportScope(
        Set<String> siteIds, @Nullable Instant since, Instant transactionTime, boolean identity, boolean allSites) {

    public FhirExportScope {
        siteIds = allSites ? Set.of() : Set.copyOf(siteIds);
    }

    /** A scope limited to these sites. */
    public FhirExportScope(Set<String> siteIds, @Nullable Instant since, Instant transactionTime, boolean identity) {
        this(siteIds, since, transactionTime, identity, false);
    }

    /** The sites to filter on, or null for every site (the convention of the services' list filters). */
    public @Nullable Set<String> sitesOrNull() {
        return allSites ? null : siteIds;
    }

    /** Whether the caller has no site at all: nothing may be written. */
    public boolean coversNoSite() {
        return !allSites && siteIds.isEmpty();
    }

    /** Whether a resource of this site may be written. */
    public boolean covers(String siteId) {
        return allSites || siteIds.contains(siteId);
    }

    /** Whether a resource changed at {@code updatedAt} falls in the export's time range. */
    public boolean changedInRange(Instant updatedAt) {
        return (since == null || !updatedAt.isBefore(since)) && updatedAt.isBefore(transactionTime);
    }
}
