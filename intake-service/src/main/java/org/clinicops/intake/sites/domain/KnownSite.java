package org.clinicops.intake.sites.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A site as intake knows it from site-updated.
 *
 * @param physicians the ids of the site's clinicians with the role PHYSICIAN; null for a site stored
 *     before intake kept them, empty when the site names none
 */
public record KnownSite(
        String id,
        String name,
        String timeZone,
        boolean active,
        Instant updatedAt,
        @Nullable List<String> physicians) {

    /** The ids of the site's physicians; empty when the site names none or was stored before they were kept. */
    public Set<String> physicianIds() {
        return physicians == null ? Set.of() : Set.copyOf(physicians);
    }
}
