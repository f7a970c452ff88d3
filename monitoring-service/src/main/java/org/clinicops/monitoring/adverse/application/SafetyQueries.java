package org.clinicops.monitoring.adverse.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.adverse.domain.HoldRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads adverse events and clinical holds. */
@Service
public class SafetyQueries {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2200-01-01T00:00:00Z");

    private final AdverseEventRepository events;
    private final ClinicalHoldRepository holds;
    private final MongoTemplate mongo;

    SafetyQueries(AdverseEventRepository events, ClinicalHoldRepository holds, MongoTemplate mongo) {
        this.events = events;
        this.holds = holds;
        this.mongo = mongo;
    }

    /**
     * Which adverse events a search asks for.
     *
     * @param siteIds the sites to show; null: every site
     * @param patientId one patient; null: any
     * @param onsetFrom onset at or after; null: open
     * @param onsetBefore onset before; null: open
     */
    public record AdverseEventFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant onsetFrom,
            @Nullable Instant onsetBefore) {}

    /** Adverse events the filter matches, newest onset first, one page read from the store. */
    public Page<AdverseEvent> adverseEvents(AdverseEventFilter filter, Pageable page) {
        Criteria wanted = new Criteria();
        if (filter.siteIds() != null) {
            wanted = wanted.and("siteId").in(filter.siteIds());
        }
        if (filter.patientId() != null) {
            wanted = wanted.and("patientId").is(filter.patientId());
        }
        if (filter.onsetFrom() != null || filter.onsetBefore() != null) {
            Criteria onset = wanted.and("onsetAt");
            if (filter.onsetFrom() != null) {
                onset = onset.gte(Date.from(filter.onsetFrom()));
            }
            if (filter.onsetBefore() != null) {
                onset = onset.lt(Date.from(filter.onsetBefore()));
            }
        }
        Query query = Query.query(wanted);
        long total = mongo.count(query, AdverseEvent.class);
        query.with(PageRequest.of(
                page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("onsetAt"), Sort.Order.asc("_id"))));
        return new PageImpl<>(mongo.find(query, AdverseEvent.class), page, total);
    }

    /**
     * The adverse events of some sites reported in {@code [since, before)}, in the order reported,
     * from {@code offset}, at most {@code limit} (a bulk export reads them page by page; an adverse
     * event never changes once reported).
     */
    public List<AdverseEvent> reported(
            @Nullable Collection<String> siteIds, @Nullable Instant since, Instant before, long offset, int limit) {
        Criteria reported = Criteria.where("reportedAt").lt(Date.from(before));
        if (since != null) {
            reported = reported.gte(Date.from(since));
        }
        Query query = Query.query((siteIds == null
                                ? new Criteria()
                                : Criteria.where("siteId").in(siteIds))
                        .andOperator(reported))
                .with(Sort.by(Sort.Order.asc("reportedAt"), Sort.Order.asc("_id")))
                .skip(offset)
                .limit(limit);
        return mongo.find(query, AdverseEvent.class);
    }

    /**
     * Which clinical holds a search asks for.
     *
     * @param siteIds the sites whose holds to show (where each was placed); null: every site
     * @param patientId one patient; null: any
     * @param placedFrom placed at or after; null: open
     * @param placedBefore placed before; null: open
     * @param active true: only active holds; false: only released ones; null: both
     */
    public record HoldFilter(
            @Nullable Collection<String> siteIds,
            @Nullable String patientId,
            @Nullable Instant placedFrom,
            @Nullable Instant placedBefore,
            @Nullable Boolean active) {

        boolean matches(HoldRecord hold) {
            return (siteIds == null || siteIds.contains(hold.siteId()))
                    && (placedFrom == null || !hold.placedAt().isBefore(placedFrom))
                    && (placedBefore == null || hold.placedAt().isBefore(placedBefore))
                    && (active == null || active == hold.active());
        }
    }

    /**
     * One page of the holds the filter matches, by patient and then in the order placed (active
     * first). The patients' documents are read through a cursor and only the page is kept, so a deep
     * page costs reading, never memory.
     */
    public Page<HoldRecord> holds(HoldFilter filter, Pageable page) {
        List<HoldRecord> content = new ArrayList<>();
        long[] total = {0};
        eachHold(filter, hold -> {
            if (total[0] >= page.getOffset() && content.size() < page.getPageSize()) {
                content.add(hold);
            }
            total[0]++;
        });
        return new PageImpl<>(content, page, total[0]);
    }

    /** Hands over every hold the filter matches, patient by patient, reading through a cursor. */
    public void eachHold(HoldFilter filter, Consumer<HoldRecord> out) {
        Criteria wanted = new Criteria();
        if (filter.patientId() != null) {
            wanted = Criteria.where("_id").is(filter.patientId());
        }
        Collection<String> sites = filter.siteIds();
        if (sites != null) {
            wanted = wanted.orOperator(
                    Criteria.where("activeHolds.siteId").in(sites),
                    Criteria.where("releases.siteId").in(sites),
                    Criteria.where("siteId").in(sites));
        }
        Query query = Query.query(wanted).with(Sort.by("_id"));
        try (Stream<ClinicalHold> patients = mongo.stream(query, ClinicalHold.class)) {
            patients.forEach(
                    hold -> hold.holds().stream().filter(filter::matches).forEach(out));
        }
    }

    /** The hold with this id, active or released. */
    public Optional<HoldRecord> hold(String holdId) {
        Query query = Query.query(new Criteria()
                .orOperator(
                        Criteria.where("activeHolds.holdId").is(holdId),
                        Criteria.where("releases.holdId").is(holdId),
                        Criteria.where("holdId").is(holdId)));
        return Optional.ofNullable(mongo.findOne(query, ClinicalHold.class))
                .flatMap(patient -> patient.holds().stream()
                        .filter(h -> h.holdId().equals(holdId))
                        .findFirst());
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
