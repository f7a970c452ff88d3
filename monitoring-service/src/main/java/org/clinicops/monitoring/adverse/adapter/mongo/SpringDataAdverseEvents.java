package org.clinicops.monitoring.adverse.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Range;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Spring Data's repository of {@code adverse_events}, used only by this package's adapters. */
interface SpringDataAdverseEvents extends MongoRepository<AdverseEvent, String> {

    Page<AdverseEvent> findBySiteIdInAndOnsetAtBetween(Collection<String> siteIds, Range<Instant> onset, Pageable page);

    Page<AdverseEvent> findByOnsetAtBetween(Range<Instant> onset, Pageable page);

    List<AdverseEvent> findBySessionIdOrderByOnsetAtDesc(String sessionId);
}
