package org.clinicops.platform.sites;

import java.time.Instant;
import java.util.List;
import org.clinicops.events.SiteUpdated;
import org.jspecify.annotations.Nullable;

/**
 * The one rule every service's copy of a site follows when {@code site-updated} arrives: the newest
 * {@link SiteUpdated#updatedAt()} wins. An older event arriving late (a replay, a redelivery after
 * a newer one, partitions read out of order after a restart) changes nothing; the same version
 * again is harmless, so applying it twice is idempotent.
 */
public final class SiteUpdates {

    private SiteUpdates() {}

    /**
     * Whether {@code event} describes the site at least as recently as the stored copy, whose version
     * is the {@code updatedAt} of the event it was last described by ({@code null}: no copy yet, or a
     * copy stored before versions were kept, which any event replaces).
     */
    public static boolean isCurrent(SiteUpdated event, @Nullable Instant storedVersion) {
        return storedVersion == null || !storedVersion.isAfter(event.updatedAt());
    }

    /** The ids of the site's physicians (the clinicians who may decide to treat). */
    public static List<String> physicianIds(SiteUpdated event) {
        return event.clinicians().stream()
                .filter(c -> c.role() == SiteUpdated.ClinicianRole.PHYSICIAN)
                .map(SiteUpdated.Clinician::id)
                .toList();
    }
}
