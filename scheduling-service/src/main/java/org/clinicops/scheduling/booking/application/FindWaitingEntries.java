package org.clinicops.scheduling.booking.application;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * One page of the waiting list in retry order (urgent first, then by request time), read from the
 * store with a limit: never the whole list. The caller passes the sites the user may see (null for
 * every site).
 */
@Service
public class FindWaitingEntries {

    /** The waiting list's collection (see {@code MongoWaitingList}). */
    static final String COLLECTION = "waiting_list";

    private final MongoTemplate mongo;

    FindWaitingEntries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public List<WaitingEntry> find(@Nullable Collection<String> siteIds, Pageable page) {
        Query query = siteIds == null
                ? new Query()
                : Query.query(Criteria.where("siteId").in(siteIds));
        query.with(Sort.by(Sort.Order.desc("urgent"), Sort.Order.asc("requestedAt"), Sort.Order.asc("_id")))
                .skip(page.getOffset())
                .limit(page.getPageSize());
        return mongo.find(query, WaitingEntry.class, COLLECTION);
    }
}
