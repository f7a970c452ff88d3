package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.adverse.domain.HoldRecord;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.jspecify.annotations.Nullable;

/** Reads adverse events and clinical holds. */
public interface SafetyQueries {

    /**
     * Which adverse events a search asks for.
     *
     * @param siteIds the sites to show; null: every site
     * @param patientId one patient; null: any
     * @param onsetFrom onset at or after; null: open
     * @param onsetBefore onset before; null: open
     */
    record AdverseEventFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant onsetFrom,
            @Nullable Instant onsetBefore) {}

    /** Adverse events the filter matches, newest onset first, one page read from the store. */
    Page<AdverseEvent> adverseEvents(AdverseEventFilter filter, PageRequest page);

    /**
     * The adverse events of some sites reported in {@code [since, before)}, in the order reported,
     * from {@code offset}, at most {@code limit} (a bulk export reads them page by page; an adverse
     * event never changes once reported).
     */
    List<AdverseEvent> reported(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit);

    /**
     * Which clinical holds a search asks for.
     *
     * @param siteIds the sites whose holds to show (where each was placed); null: every site
     * @param patientId one patient; null: any
     * @param placedFrom placed at or after; null: open
     * @param placedBefore placed before; null: open
     * @param active true: only active holds; false: only released ones; null: both
     */
    record HoldFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant placedFrom,
            @Nullable Instant placedBefore,
            @Nullable Boolean active) {

        public boolean matches(HoldRecord hold) {
            return (siteIds == null || siteIds.contains(hold.siteId()))
                    && (placedFrom == null || !hold.placedAt().isBefore(placedFrom))
                    && (placedBefore == null || hold.placedAt().isBefore(placedBefore))
                    && (active == null || active == hold.active());
        }
    }

    /**
     * One page of the holds the filter matches, by patient and then in the order placed (active
     * first). The patients' documents are read one by one and only the page is kept, so a deep page
     * costs reading, never memory.
     */
    Page<HoldRecord> holds(HoldFilter filter, PageRequest page);

    /** Hands over every hold the filter matches, patient by patient, reading through a cursor. */
    void eachHold(HoldFilter filter, Consumer<HoldRecord> out);

    /** The hold with this id, active or released. */
    Optional<HoldRecord> hold(String holdId);

    /**
     * Adverse events with onset in [from, to], newest first.
     *
     * @param siteIds the sites to show; null: every site
     */
    Page<AdverseEvent> adverseEvents(
            @Nullable Collection<String> siteIds, @Nullable Instant from, @Nullable Instant to, PageRequest page);

    Optional<AdverseEvent> adverseEvent(String id);

    /** The session's adverse events, newest onset first. */
    List<AdverseEvent> ofSession(String sessionId);

    Optional<ClinicalHold> holdOf(String patientId);
}
