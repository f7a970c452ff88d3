package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonValue;
import org.bson.Document;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.application.Reservations;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The day buckets, holds and sweep worklist beside the reservation cells, including crashes between writes. */
class MongoReservationsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant NINE = Instant.parse("2026-12-02T14:00:00Z");
    private static final String CHAIR = Reservation.chair("bos", "bos-1");

    private MongoClient client;
    private MongoTemplate mongo;
    private MongoReservations reservations;
    /** Commands sent, as "command collection". */
    private final Map<String, Integer> commands = new ConcurrentHashMap<>();

    @BeforeEach
    void store() {
        String uri = InMemoryMongo.freshDatabaseUri("cells");
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        BsonValue collection = event.getCommand().get(event.getCommandName());
                        if (collection != null && collection.isString()) {
                            commands.merge(
                                    event.getCommandName() + " "
                                            + collection.asString().getValue(),
                                    1,
                                    Integer::sum);
                        }
                    }
                })
                .build());
        mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
        reservations = new MongoReservations(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        client.close();
    }

    /** Chair and patient cells of one appointment, {@code cells} grid cells from {@code start}. */
    private static List<Reservation> session(String appointmentId, String patientId, Instant start, int cells) {
        List<Reservation> list = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            Instant cell = start.plus(Duration.ofMinutes(15L * i));
            list.add(Reservation.of(CHAIR, "bos", cell, appointmentId));
            list.add(Reservation.of(Reservation.patient(patientId), "bos", cell, appointmentId));
        }
        return list;
    }

    private Occupancy occupancyOf(String patientId) {
        return reservations.occupancy(
                "bos", List.of(Reservation.patient(patientId)), NOW, NOW.plus(Duration.ofDays(7)), "");
    }

    private List<String> bucket(String scope, Instant day) {
        return new DayOccupancy(mongo).cellsOf(DayBuckets.id(scope, DayBuckets.dayOf(day)));
    }

    private List<Object> holds(String appointmentId) {
        Document doc = mongo.getCollection(WriteAheadLog.HOLDS)
                .find(new Document("_id", appointmentId))
                .first();
        return doc == null ? List.of() : doc.getList("cells", Object.class);
    }

    private long cells() {
        return mongo.getCollection(ReservationCells.COLLECTION).countDocuments();
    }

    @Test
    void reservingListsTheCellsInTheSiteAndPatientBucketsOfTheirDay() {
        List<Reservation> mine = session("apt_1", "p1", NINE, 3);

        assertThat(reservations.reserveAll(mine)).isTrue();

        assertThat(cells()).isEqualTo(6);
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).hasSize(3);
        assertThat(bucket(Reservation.patient("p1"), NINE)).hasSize(3);
        assertThat(bucket(CHAIR, NINE))
                .as("chairs are per site: no bucket of their own")
                .isEmpty();
        assertThat(holds("apt_1")).hasSize(6);
        Occupancy seen = occupancyOf("p1");
        assertThat(mine).allMatch(r -> !seen.isFree(r.id()));
        assertThat(reservations.atSite("bos", NINE, NINE.plus(Duration.ofMinutes(30))))
                .extracting(Reservations.TakenCell::cell)
                .containsOnly(NINE, NINE.plus(Duration.ofMinutes(15)));
        assertThat(reservations.occupancyOf(Reservation.patient("p1"), NOW, NOW.plus(Duration.ofDays(2))))
                .hasSize(3);
        Occupancy moving = reservations.occupancy(
                "bos", List.of(Reservation.patient("p1")), NOW, NOW.plus(Duration.ofDays(7)), "apt_1");
        assertThat(mine).allMatch(r -> moving.isFree(r.id()));
    }

    @Test
    void aSecondHolderIsRefusedAndTakesNothing() {
        assertThat(reservations.reserveAll(session("apt_1", "p1", NINE, 2))).isTrue();

        List<Reservation> overlapping = session("apt_2", "p2", NINE.plus(Duration.ofMinutes(15)), 3);
        assertThat(reservations.reserveAll(overlapping)).isFalse();

        assertThat(cells()).isEqualTo(4);
        assertThat(holds("apt_2")).isEmpty();
        assertThat(bucket(Reservation.patient("p2"), NINE)).isEmpty();
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).hasSize(2);
    }

    @Test
    void aRetryOfTheSameAppointmentKeepsTheCellsItHolds() {
        List<Reservation> mine = session("apt_1", "p1", NINE, 2);
        assertThat(reservations.reserveAll(mine)).isTrue();

        assertThat(reservations.reserveAll(mine)).isTrue();

        assertThat(cells()).isEqualTo(4);
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).hasSize(2);
    }

    @Test
    void aBookingsReleaseRightAfterItsFirstAttemptReadsNoHolds() {
        List<Reservation> mine = session("apt_1", "p1", NINE, 2);
        assertThat(reservations.reserveAll(mine)).isTrue();
        commands.clear();

        reservations.releaseExcept("apt_1", ids(mine));

        assertThat(commands)
                .as("no earlier attempt listed anything: nothing to read or release")
                .isEmpty();
        assertThat(cells()).isEqualTo(4);
        assertThat(holds("apt_1")).hasSize(4);
    }

    @Test
    void aReleaseAfterAnEarlierAttemptGivesBackThatAttemptsCells() {
        List<Reservation> earlier = session("apt_1", "p1", NINE, 2);
        List<Reservation> later = session("apt_1", "p1", NINE.plus(Duration.ofHours(2)), 2);
        assertThat(reservations.reserveAll(earlier)).isTrue(); // an attempt that crashed before its insert
        assertThat(reservations.reserveAll(later)).isTrue();

        reservations.releaseExcept("apt_1", ids(later));

        assertThat(cells()).isEqualTo(4);
        assertThat(holds("apt_1")).containsExactlyInAnyOrderElementsOf(ids(later));
    }

    @Test
    void anAttemptOfAnotherInstanceThatLosesTheInsertGivesBackItsOwnCells() {
        MongoReservations other = new MongoReservations(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Reservation> winner = session("apt_1", "p1", NINE, 2);
        List<Reservation> loser = session("apt_1", "p1", NINE.plus(Duration.ofHours(2)), 2);
        assertThat(reservations.reserveAll(winner)).isTrue(); // creates the holds
        assertThat(other.reserveAll(loser)).isTrue(); // adds to them

        reservations.releaseExcept("apt_1", ids(winner)); // stored its appointment: reads nothing
        other.releaseExcept("apt_1", ids(winner)); // its insert collided: keeps what the appointment holds

        assertThat(cells()).isEqualTo(4);
        assertThat(holds("apt_1")).containsExactlyInAnyOrderElementsOf(ids(winner));
    }

    private static List<String> ids(List<Reservation> reservations) {
        return reservations.stream().map(Reservation::id).toList();
    }

    @Test
    void releasingRemovesCellsBucketEntriesAndHolds() {
        List<Reservation> mine = session("apt_1", "p1", NINE, 3);
        reservations.reserveAll(mine);

        reservations.releaseExcept("apt_1", List.of(mine.get(0).id()));

        assertThat(cells()).isEqualTo(1);
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).hasSize(1);
        assertThat(bucket(Reservation.patient("p1"), NINE)).isEmpty();
        assertThat(holds("apt_1")).containsExactly((Object) mine.get(0).id());

        reservations.releaseFrom("apt_1", NINE);
        assertThat(cells()).isZero();
        assertThat(occupancyOf("p1").isFree(mine.get(0).id())).isTrue();
    }

    @Test
    void aCrashBetweenCellAndBucketLeavesTheBucketLaggingAndTheCollisionHealsIt() {
        // the cell was written, the process died before the bucket write
        Reservation lost = Reservation.of(CHAIR, "bos", NINE, "apt_crashed");
        mongo.getCollection(ReservationCells.COLLECTION)
                .insertOne(new Document("_id", lost.id())
                        .append("resource", lost.resource())
                        .append("siteId", "bos")
                        .append("cell", java.util.Date.from(NINE))
                        .append("appointmentId", "apt_crashed")
                        .append("createdAt", java.util.Date.from(NOW)));
        assertThat(occupancyOf("p2").isFree(lost.id())).as("the bucket lags").isTrue();

        // a booking that trusts the bucket collides on the unique id, loses, and heals the bucket
        assertThat(reservations.reserveAll(session("apt_2", "p2", NINE, 2))).isFalse();

        assertThat(occupancyOf("p2").isFree(lost.id())).isFalse();
        assertThat(cells()).isEqualTo(1);
    }

    @Test
    void theSweepRemovesCellsNoAppointmentHoldsAfterTheGracePeriod() {
        // reserved, then the process died before the appointment was written
        List<Reservation> orphaned = session("apt_orphan", "p1", NINE, 2);
        reservations.reserveAll(orphaned);
        // booked and written: stays
        List<Reservation> booked = session("apt_ok", "p2", NINE.plus(Duration.ofHours(1)), 2);
        reservations.reserveAll(booked);
        mongo.getCollection("appointments")
                .insertOne(new Document("_id", "apt_ok")
                        .append(
                                "reservationIds",
                                booked.stream().map(Reservation::id).toList()));

        assertThat(reservations.sweepOrphans(NOW)).as("within the grace period").isZero();
        assertThat(cells()).isEqualTo(8);

        assertThat(reservations.sweepOrphans(NOW.plusSeconds(1))).isEqualTo(4);

        assertThat(cells()).isEqualTo(4);
        assertThat(occupancyOf("p1").isFree(orphaned.get(0).id())).isTrue();
        assertThat(occupancyOf("p2").isFree(booked.get(0).id())).isFalse();
        assertThat(holds("apt_orphan")).isEmpty();
        assertThat(mongo.getCollection(WriteAheadLog.CHECKS).countDocuments())
                .as("the worklist is empty again")
                .isZero();
    }

    @Test
    void theSweepClearsBucketEntriesOfCellsTheirHolderReleasedWhileAnotherBookingHealedThem() {
        List<Reservation> first = session("apt_1", "p1", NINE, 1);
        reservations.reserveAll(first);
        // apt_2 collides (adding apt_1's entries again) while apt_1 releases: its entries come back
        assertThat(reservations.reserveAll(session("apt_2", "p2", NINE, 1))).isFalse();
        reservations.releaseExcept("apt_1", List.of());
        new DayOccupancy(mongo).add(first);
        assertThat(occupancyOf("p2").isFree(first.get(0).id()))
                .as("a stale entry")
                .isFalse();

        reservations.sweepOrphans(NOW.plusSeconds(1));

        assertThat(occupancyOf("p2").isFree(first.get(0).id())).isTrue();
        assertThat(reservations.reserveAll(session("apt_2", "p2", NINE, 1))).isTrue();
    }

    @Test
    void movingAnAppointmentIgnoresTheCellsItHoldsButNotACellItsHoldsListThatAnotherTook() {
        List<Reservation> mine = session("apt_1", "p1", NINE, 2);
        reservations.reserveAll(mine);
        // apt_1 once tried a cell apt_9 holds (a crash kept it in apt_1's holds)
        Reservation theirs = Reservation.of(CHAIR, "bos", NINE.plus(Duration.ofHours(2)), "apt_9");
        reservations.reserveAll(List.of(theirs));
        new WriteAheadLog(mongo).hold(List.of(new WriteAheadLog.Hold("apt_1", "bos", List.of(theirs.id()))));

        Occupancy moving = reservations.occupancy(
                "bos", List.of(Reservation.patient("p1")), NOW, NOW.plus(Duration.ofDays(7)), "apt_1");

        assertThat(mine).allMatch(r -> moving.isFree(r.id()));
        assertThat(moving.isFree(theirs.id())).isFalse();
    }

    @Test
    void aReleaseKeepsTheBitOfACellAnotherAppointmentHolds() {
        Reservation theirs = Reservation.of(CHAIR, "bos", NINE, "apt_9");
        reservations.reserveAll(List.of(theirs));
        new WriteAheadLog(mongo).hold(List.of(new WriteAheadLog.Hold("apt_1", "bos", List.of(theirs.id()))));

        reservations.releaseExcept("apt_1", List.of());

        assertThat(cells()).isEqualTo(1);
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).containsExactly(theirs.id());
    }

    @Test
    void aBucketStaysTheSizeOfADayOfItsResourcesWhateverTheHistory() {
        // a day booked full, then released and booked again many times: the bucket never grows
        int size = 0;
        for (int round = 0; round < 20; round++) {
            List<Reservation> day = new ArrayList<>();
            for (int chair = 0; chair < 8; chair++) {
                for (int cell = 0; cell < 96; cell++) {
                    day.add(Reservation.of(
                            Reservation.chair("bos", "bos-" + chair),
                            "bos",
                            Instant.parse("2026-12-02T00:00:00Z").plus(Duration.ofMinutes(15L * cell)),
                            "apt_" + round + "_" + chair));
                }
            }
            assertThat(reservations.reserveAll(day)).isTrue();
            Document bucket = mongo.getCollection(DayOccupancy.COLLECTION)
                    .find(new Document("_id", DayBuckets.id(DayBuckets.siteScope("bos"), DayBuckets.dayOf(NINE))))
                    .first();
            size = org.bson.RawBsonDocument.parse(bucket.toJson())
                    .getByteBuffer()
                    .remaining();
            assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).hasSize(8 * 96);
            for (int chair = 0; chair < 8; chair++) {
                reservations.releaseExcept("apt_" + round + "_" + chair, List.of());
            }
        }
        assertThat(size).as("8 chairs x 96 cells in bytes").isLessThan(1000);
        assertThat(bucket(DayBuckets.siteScope("bos"), NINE)).isEmpty();
    }
}
