package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The start-up preparation of booking's store: its indexes and its layout migration. */
class SchedulingStoreSetupTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant NINE = Instant.parse("2026-12-02T14:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void store() {
        String uri = InMemoryMongo.freshDatabaseUri("setup");
        client = MongoClients.create(uri);
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    @AfterEach
    void close() {
        client.close();
    }

    private List<Object> holds(String appointmentId) {
        Document doc = mongo.getCollection(WriteAheadLog.HOLDS)
                .find(new Document("_id", appointmentId))
                .first();
        return doc == null ? List.of() : doc.getList("cells", Object.class);
    }

    private List<Object> siteBucket(Instant day) {
        Document doc = mongo.getCollection(DayOccupancy.COLLECTION)
                .find(new Document("_id", DayBuckets.id(DayBuckets.siteScope("bos"), DayBuckets.dayOf(day))))
                .first();
        return doc == null ? List.of() : doc.getList("cells", Object.class);
    }

    @Test
    void aStoreWrittenBeforeTheBucketsGetsThemOnStart() {
        for (int i = 0; i < 2; i++) {
            Instant cell = NINE.plusSeconds(900L * i);
            for (String resource : List.of(Reservation.chair("bos", "bos-1"), Reservation.patient("p1"))) {
                Reservation r = Reservation.of(resource, "bos", cell, "apt_old");
                mongo.getCollection(ReservationCells.COLLECTION)
                        .insertOne(new Document("_id", r.id())
                                .append("resource", r.resource())
                                .append("siteId", r.siteId())
                                .append("cell", Date.from(r.cell()))
                                .append("appointmentId", r.appointmentId())
                                .append("createdAt", Date.from(NOW)));
            }
        }
        mongo.getCollection(DayBucketsMigration.LAYOUT).drop();

        new SchedulingStoreSetup(mongo, CLOCK).run();
        MongoReservations upgraded = new MongoReservations(mongo, CLOCK);

        assertThat(siteBucket(NINE)).hasSize(2);
        assertThat(holds("apt_old")).hasSize(4);
        upgraded.releaseExcept("apt_old", List.of());
        assertThat(mongo.getCollection(ReservationCells.COLLECTION).countDocuments())
                .isZero();
    }

    @Test
    void aMigrationRunsOncePerStore() {
        assertThat(new DayBucketsMigration(mongo, CLOCK).run()).isTrue();

        assertThat(new DayBucketsMigration(mongo, CLOCK).run()).isFalse();
        assertThat(mongo.getCollection(DayBucketsMigration.LAYOUT)
                        .find(new Document("_id", DayBucketsMigration.VERSION))
                        .first())
                .isNotNull();
    }

    @Test
    void createsTheIndexesTheReservationQueriesUse() {
        new SchedulingStoreSetup(mongo, CLOCK).run();
        new SchedulingStoreSetup(mongo, CLOCK).run();

        assertThat(mongo.indexOps(ReservationCells.COLLECTION).getIndexInfo().stream()
                        .map(IndexInfo::getName))
                .contains("appointmentId_1", "siteId_1_cell_1", "resource_1_cell_1", "cell_holder");
        assertThat(mongo.indexOps(WriteAheadLog.CHECKS).getIndexInfo().stream().map(IndexInfo::getName))
                .contains("at_1");
        assertThat(mongo.indexOps(DayOccupancy.COLLECTION).getIndexInfo().stream()
                        .map(IndexInfo::getName))
                .contains("day_1");
    }
}
