package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Schedulers in separate processes (one client each) writing the bits of the same site day at once:
 * the version-guarded read-modify-write never loses another scheduler's bit, and a bucket marks exactly
 * the cells that are held.
 */
class DayOccupancyConcurrencyTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant DAY = Instant.parse("2026-12-02T00:00:00Z");
    private static final int SCHEDULERS = 4;
    private static final int SESSIONS = 12;

    private final List<MongoClient> clients = new ArrayList<>();
    private String uri;

    @BeforeEach
    void store() {
        uri = InMemoryMongo.freshDatabaseUri("bits");
    }

    @AfterEach
    void close() {
        clients.forEach(MongoClient::close);
    }

    private MongoTemplate template() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
    }

    /**
     * Scheduler {@code s}'s session {@code n}: its own chair and nurse capacity token and a patient it
     * shares with the others, four five-minute cells no other scheduler books (no collisions, so the
     * bits must end exactly equal to the cells).
     */
    private static List<Reservation> session(int s, int n) {
        List<Reservation> cells = new ArrayList<>();
        String appointmentId = "apt_" + s + "_" + n;
        for (int i = 0; i < 4; i++) {
            Instant cell = DAY.plus(Duration.ofMinutes(5L * (SESSIONS * 4 * s + 4 * n + i)));
            cells.add(Reservation.of(Reservation.chair("bos", "bos-" + s), "bos", cell, appointmentId));
            cells.add(Reservation.of(Reservation.nurseCapacity("bos", s), "bos", cell, appointmentId));
            cells.add(Reservation.of(Reservation.patient("p" + (n % 3)), "bos", cell, appointmentId));
        }
        return cells;
    }

    @Test
    void concurrentBookingsAndReleasesOfOneDayKeepEveryBitOfEveryHeldCell() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(SCHEDULERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (int s = 0; s < SCHEDULERS; s++) {
            int scheduler = s;
            MongoReservations reservations = new MongoReservations(template(), Clock.fixed(NOW, ZoneOffset.UTC));
            Callable<Integer> work = () -> {
                start.await();
                int booked = 0;
                for (int n = 0; n < SESSIONS; n++) {
                    if (reservations.reserveAll(session(scheduler, n))) {
                        booked++;
                    }
                    if (n % 3 == 2) {
                        reservations.releaseExcept("apt_" + scheduler + "_" + (n - 1), List.of());
                    }
                }
                return booked;
            };
            done.add(pool.submit(work));
        }
        start.countDown();
        int booked = 0;
        for (Future<Integer> f : done) {
            booked += f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        MongoTemplate mongo = template();
        Set<String> held = new HashSet<>();
        for (Document cell : mongo.getCollection(ReservationCells.COLLECTION).find()) {
            held.add(cell.getString("_id"));
        }
        Set<String> marked = new HashSet<>();
        DayOccupancy days = new DayOccupancy(mongo);
        marked.addAll(days.cellsOf(DayBuckets.id(DayBuckets.siteScope("bos"), DayBuckets.dayOf(DAY))));
        for (int p = 0; p < 3; p++) {
            marked.addAll(days.cellsOf(DayBuckets.id(Reservation.patient("p" + p), DayBuckets.dayOf(DAY))));
        }
        assertThat(booked).isEqualTo(SCHEDULERS * SESSIONS);
        assertThat(held).hasSize(SCHEDULERS * (SESSIONS - SESSIONS / 3) * 12);
        assertThat(marked).isEqualTo(held);
    }

    /**
     * The sweep's race, one step at a time: it finds a cell free, another scheduler then takes the cell
     * and marks it, and only then does the sweep write. The taker's write changed the bucket's version,
     * so the sweep's write collides, the next round asks the holders again and the bit stays.
     */
    @Test
    void aCellTakenBetweenTheSweepsHolderReadAndItsWriteKeepsItsBit() {
        DayOccupancy sweep = new DayOccupancy(template());
        DayOccupancy taker = new DayOccupancy(template());
        Reservation gone = Reservation.of(Reservation.chair("bos", "bos-1"), "bos", DAY, "apt_gone");
        Reservation taken =
                Reservation.of(Reservation.chair("bos", "bos-1"), "bos", DAY.plus(Duration.ofMinutes(15)), "apt_new");
        sweep.add(List.of(gone));
        Set<String> holders = new HashSet<>();
        List<Integer> rounds = new ArrayList<>();

        sweep.removeFree("bos", List.of(gone.id(), taken.id()), ids -> {
            Set<String> answer = new HashSet<>(holders);
            rounds.add(rounds.size() + 1);
            if (rounds.size() == 1) {
                holders.add(taken.id());
                taker.add(List.of(taken));
            }
            return answer;
        });

        String bucket = DayBuckets.id(DayBuckets.siteScope("bos"), DayBuckets.dayOf(DAY));
        assertThat(rounds).hasSize(2);
        assertThat(sweep.cellsOf(bucket)).containsExactly(taken.id());
    }
}
