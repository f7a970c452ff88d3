package org.clinicops.monitoring.vitals.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.jspecify.annotations.Nullable;

/**
 * Reads charted readings one by one across sessions (what the FHIR API serves as vital-sign
 * Observations): sessions are filtered, their readings unwound, filtered, sorted, skipped and limited
 * by the store, never loaded whole.
 */
public interface VitalsReadings {

    /** A reading with the session, patient and site it was charted for. */
    record ChartedReading(String sessionId, String patientId, String siteId, VitalsReading reading) {}

    /**
     * Which readings a search asks for.
     *
     * @param siteIds the sites to show; null: every site
     * @param patientId one patient; null: any
     * @param takenFrom taken at or after; null: open
     * @param takenBefore taken before; null: open
     */
    record ReadingFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant takenFrom,
            @Nullable Instant takenBefore) {}

    /** The readings the filter matches, newest first, from {@code offset}, at most {@code limit}. */
    List<ChartedReading> find(ReadingFilter filter, long offset, int limit);

    /** How many readings the filter matches. */
    long count(ReadingFilter filter);

    /** The reading with this id (every reading charted since readings had ids). */
    Optional<ChartedReading> byId(String readingId);

    /** A reading charted before readings had ids, known by its session and the time it was taken. */
    Optional<ChartedReading> withoutId(String sessionId, Instant takenAt);

    /**
     * The readings of some sites recorded in {@code [since, before)}, in the order they were recorded,
     * from {@code offset}, at most {@code limit} (a bulk export reads them page by page).
     */
    List<ChartedReading> recorded(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit);
}
