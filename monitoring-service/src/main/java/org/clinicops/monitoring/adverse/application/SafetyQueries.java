package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Reads adverse events and clinical holds. */
@Service
public class SafetyQueries {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2200-01-01T00:00:00Z");

    private final AdverseEventRepository events;
    private final ClinicalHoldRepository holds;

    SafetyQueries(AdverseEventRepository events, ClinicalHoldRepository holds) {
        this.events = events;
        this.holds = holds;
    }

    /**
     * Adverse events with onset in [from, to], newest first.
     *
     * @param siteIds the sites to show; null: every site
     */
    public Page<AdverseEvent> adverseEvents(
            @Nullable Collection<String> siteIds, @Nullable Instant from, @Nullable Instant to, Pageable page) {
        Pageable sorted =
                PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Direction.DESC, "onsetAt"));
        Instant start = from == null ? BEGINNING : from;
        Instant end = to == null ? END : to;
        Range<Instant> onset = Range.closed(start, end);
        return siteIds == null
                ? events.findByOnsetAtBetween(onset, sorted)
                : events.findBySiteIdInAndOnsetAtBetween(siteIds, onset, sorted);
    }

    public Optional<AdverseEvent> adverseEvent(String id) {
        return events.findById(id);
    }

    public List<AdverseEvent> ofSession(String sessionId) {
        return events.findBySessionIdOrderByOnsetAtDesc(sessionId);
    }

    public Optional<ClinicalHold> holdOf(String patientId) {
        return holds.findById(patientId);
    }
}
