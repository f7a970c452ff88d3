package org.clinicops.monitoring.adverse.adapter.mongo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.ClinicalHold;
import org.clinicops.monitoring.adverse.domain.HoldRecord;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SortOrder;
import org.clinicops.platform.paging.SpringDataPages;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Adverse events and clinical holds read from {@code adverse_events} and {@code clinical_holds}. */
@Component
class MongoSafetyQueries implements SafetyQueries {

    private static final Instant BEGINNING = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    private static final List<SortOrder> NEWEST_ONSET_FIRST = List.of(SortOrder.desc("onsetAt"), SortOrder.asc("_id"));
    private static final List<SortOrder> BY_ONSET_DESC = List.of(SortOrder.desc("onsetAt"));

    private final SpringDataAdverseEvents events;
    private final SpringDataClinicalHolds holds;
    private final MongoTemplate mongo;

    MongoSafetyQueries(SpringDataAdverseEvents events, SpringDataClinicalHolds holds, MongoTemplate mongo) {
        this.events = events;
        this.holds = holds;
        this.mongo = mongo;
    }

    @Override
    public Page<AdverseEvent> adverseEvents(AdverseEventFilter filter, PageRequest page) {
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
        query.with(SpringDataPages.toPageable(new PageRequest(page.number(), page.size(), NEWEST_ONSET_FIRST)));
        return new Page<>(mongo.find(query, AdverseEvent.class), page, total);
    }

    @Override
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

    /** The patients' documents are read through a cursor and only the page is kept. */
    @Override
    public Page<HoldRecord> holds(HoldFilter filter, PageRequest page) {
        List<HoldRecord> content = new ArrayList<>();
        long[] total = {0};
        eachHold(filter, hold -> {
            if (total[0] >= page.offset() && content.size() < page.size()) {
                content.add(hold);
            }
            total[0]++;
        });
        return new Page<>(content, page, total[0]);
    }

    @Override
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

    @Override
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

    @Override
    public Page<AdverseEvent> adverseEvents(
            @Nullable Collection<String> siteIds, @Nullable Instant from, @Nullable Instant to, PageRequest page) {
        Pageable sorted = SpringDataPages.toPageable(new PageRequest(page.number(), page.size(), BY_ONSET_DESC));
        Instant start = from == null ? BEGINNING : from;
        Instant end = to == null ? END : to;
        Range<Instant> onset = Range.closed(start, end);
        return SpringDataPages.fromPage(
                siteIds == null
                        ? events.findByOnsetAtBetween(onset, sorted)
                        : events.findBySiteIdInAndOnsetAtBetween(siteIds, onset, sorted),
                page);
    }

    @Override
    public Optional<AdverseEvent> adverseEvent(String id) {
        return events.findById(id);
    }

    @Override
    public List<AdverseEvent> ofSession(String sessionId) {
        return events.findBySessionIdOrderByOnsetAtDesc(sessionId);
    }

    @Override
    public Optional<ClinicalHold> holdOf(String patientId) {
        return holds.findById(patientId);
    }
}
