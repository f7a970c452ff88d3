package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Layout {@value #VERSION}: builds holds and day buckets from the cells of a store written before
 * they existed (one scan, once), and files a check per appointment so the sweep removes old orphans
 * as it used to. Done once per store: {@code reservation_layout} records it.
 */
final class DayBucketsMigration {

    static final String LAYOUT = "reservation_layout";
    static final String VERSION = "day-buckets-1";

    private final MongoTemplate mongo;
    private final ReservationCells cells;
    private final DayOccupancy days;
    private final WriteAheadLog log;
    private final Clock clock;

    DayBucketsMigration(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.cells = new ReservationCells(mongo);
        this.days = new DayOccupancy(mongo);
        this.log = new WriteAheadLog(mongo);
        this.clock = clock;
    }

    /** Migrates the store unless it is done already; answers whether it ran. */
    boolean run() {
        MongoCollection<Document> layout = mongo.getCollection(LAYOUT);
        if (layout.find(new Document("_id", VERSION)).first() != null) {
            return false;
        }
        List<Reservation> batch = new ArrayList<>();
        Map<String, List<String>> holds = new LinkedHashMap<>();
        Map<String, String> sites = new HashMap<>();
        cells.forEach(r -> {
            batch.add(r);
            holds.computeIfAbsent(r.appointmentId(), a -> new ArrayList<>()).add(r.id());
            sites.put(r.appointmentId(), r.siteId());
            if (batch.size() == 5000) {
                days.add(batch);
                batch.clear();
            }
        });
        days.add(batch);
        List<WriteAheadLog.Hold> writes = new ArrayList<>();
        Date now = Date.from(clock.instant());
        for (Map.Entry<String, List<String>> e : holds.entrySet()) {
            writes.add(new WriteAheadLog.Hold(e.getKey(), sites.get(e.getKey()), e.getValue()));
            if (writes.size() == 1000) {
                log.hold(writes);
                writes.clear();
            }
        }
        log.hold(writes);
        List<String> appointments = new ArrayList<>(holds.keySet());
        for (int i = 0; i < appointments.size(); i += 500) {
            log.fileCheck(appointments.subList(i, Math.min(i + 500, appointments.size())), List.of(), now);
        }
        layout.replaceOne(
                new Document("_id", VERSION),
                new Document("_id", VERSION).append("at", now),
                new ReplaceOptions().upsert(true));
        return true;
    }
}
