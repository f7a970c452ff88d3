package org.clinicops.scheduling.booking.adapter.mongo;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.booking.application.WaitingEntry;
import org.clinicops.scheduling.booking.application.WaitingList;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The waiting list: one document per request or plan in {@code waiting_list}. */
@Component
public class MongoWaitingList implements WaitingList {

    static final String COLLECTION = "waiting_list";

    private final MongoTemplate mongo;

    public MongoWaitingList(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(WaitingEntry entry) {
        try {
            mongo.insert(entry, COLLECTION);
        } catch (DuplicateKeyException alreadyWaiting) {
            // the first waitingSince stays; the reason is the latest
            mongo.updateFirst(
                    Query.query(Criteria.where("_id").is(entry.id())),
                    Update.update("reason", entry.reason()),
                    COLLECTION);
        }
    }

    @Override
    public void remove(String entryId) {
        mongo.remove(Query.query(Criteria.where("_id").is(entryId)), COLLECTION);
    }

    @Override
    public List<WaitingEntry> inRetryOrder() {
        return mongo.findAll(WaitingEntry.class, COLLECTION).stream()
                .sorted(Comparator.comparing((WaitingEntry e) -> !e.urgent())
                        .thenComparing(WaitingEntry::requestedAt)
                        .thenComparing(WaitingEntry::id))
                .toList();
    }

    /** Reads only the page, sorted and limited in the store. */
    @Override
    public List<WaitingEntry> page(@Nullable Collection<String> siteIds, PageRequest page) {
        Query query = siteIds == null
                ? new Query()
                : Query.query(Criteria.where("siteId").in(siteIds));
        query.with(Sort.by(Sort.Order.desc("urgent"), Sort.Order.asc("requestedAt"), Sort.Order.asc("_id")))
                .skip(page.offset())
                .limit(page.size());
        return mongo.find(query, WaitingEntry.class, COLLECTION);
    }

    @Override
    public Map<String, Long> sizeBySite() {
        Map<String, Long> sizes = new TreeMap<>();
        for (WaitingEntry entry : mongo.findAll(WaitingEntry.class, COLLECTION)) {
            sizes.merge(entry.siteId(), 1L, Long::sum);
        }
        return sizes;
    }
}
