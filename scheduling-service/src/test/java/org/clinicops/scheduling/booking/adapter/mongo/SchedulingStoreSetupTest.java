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

    private List<String> siteBucket(Instant day) {
        return new DayOccupancy(mongo).cellsOf(DayBuckets.id(DayBuckets.siteScope("bos"), DayBuckets.dayOf(day)));
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

    /** A bucket as layout day-buckets-1 wrote it: a {cell, holder} entry per cell. */
    private void legacyBucket(String scope, Instant day, List<Reservation> entries) {
        List<Document> cells = entries.stream()
                .map(r -> new Document("c", r.id()).append("a", r.appointmentId()))
                .toList();
        mongo.getCollection(DayOccupancy.COLLECTION)
                .insertOne(new Document("_id", DayBuckets.id(scope, DayBuckets.dayOf(day)))
                        .append("scope", scope)
                        .append("day", Date.from(day))
                        .append("cells", cells));
    }

    @Test
    void bucketsOfEntriesBecomeBitsOfTheSameCellsOnceAndAnInterruptedRunFinishes() {
        new SchedulingStoreSetup(mongo, CLOCK).run();
        mongo.getCollection(DayBucketsMigration.LAYOUT).deleteOne(new Document("_id", DayBitsMigration.VERSION));
        String chair = Reservation.chair("bos", "bos-1");
        List<Reservation> site = List.of(
                Reservation.of(chair, "bos", NINE, "apt_1"),
                Reservation.of(chair, "bos", NINE.plusSeconds(900), "apt_1"),
                Reservation.of(Reservation.nurseCapacity("bos", 0), "bos", NINE, "apt_1"));
        List<Reservation> patient = List.of(Reservation.of(Reservation.patient("p1"), "bos", NINE, "apt_1"));
        legacyBucket(DayBuckets.siteScope("bos"), NINE, site);
        legacyBucket(Reservation.patient("p1"), NINE, patient);

        assertThat(new DayBitsMigration(mongo, CLOCK).run()).isEqualTo(2);

        assertThat(siteBucket(NINE))
                .containsExactlyInAnyOrderElementsOf(
                        site.stream().map(Reservation::id).toList());
        assertThat(mongo.getCollection(DayOccupancy.COLLECTION)
                        .countDocuments(new Document("cells", new Document("$exists", true))))
                .as("no entries left")
                .isZero();
        assertThat(new MongoReservations(mongo, CLOCK)
                        .occupancyOf(Reservation.patient("p1"), NOW, NOW.plusSeconds(7 * 86_400)))
                .containsExactly(patient.get(0).id());
        assertThat(new DayBitsMigration(mongo, CLOCK).run()).as("done once").isEqualTo(-1);

        // a run that died before recording: the converted buckets are left alone, the rest converted
        mongo.getCollection(DayBucketsMigration.LAYOUT).deleteOne(new Document("_id", DayBitsMigration.VERSION));
        Instant tomorrow = NINE.plusSeconds(86_400);
        legacyBucket(DayBuckets.siteScope("bos"), tomorrow, List.of(Reservation.of(chair, "bos", tomorrow, "apt_2")));

        new SchedulingStoreSetup(mongo, CLOCK).run();

        assertThat(siteBucket(NINE)).hasSize(3);
        assertThat(siteBucket(tomorrow)).containsExactly(Reservation.idOf(chair, tomorrow));
    }
}
