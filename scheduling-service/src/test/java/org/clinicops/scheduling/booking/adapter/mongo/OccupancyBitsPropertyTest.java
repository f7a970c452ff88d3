package org.clinicops.scheduling.booking.adapter.mongo;

import static org.assertj.core.api.Assertions.fail;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.clinicops.platform.test.InMemoryMongo;
import org.clinicops.scheduling.booking.domain.Occupancy;
import org.clinicops.scheduling.booking.domain.Reservation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Stateful property test of the bit occupancy: random sequences of reserve, release (all, all but
 * some, from a time on) and reschedule (search ignoring the appointment, reserve the new cells, release
 * the old) through {@link MongoReservations}, beside a model of who holds which cell. After every step
 * the bits of every bucket are exactly the held cells of its scope and day, the reservation cells are
 * the model's, the occupancy of the window marks exactly the held cells, and ignoring an appointment
 * frees exactly its cells. Cells fall on a 15-minute grid over two days, with some on five minutes so
 * buckets refine their unit mid-sequence.
 *
 * <p>Seeded ({@code -Doccupancy.bits.seed}, {@code -Doccupancy.bits.sequences}) so a run is repeatable;
 * a failure names its seed and step. Written with a seeded generator and JUnit rather than jqwik, as
 * {@code BookingInvariantsPropertyTest} is (see the service README).
 */
class OccupancyBitsPropertyTest {

    private static final long SEED = Long.getLong("occupancy.bits.seed", 20_261_207L);
    private static final int SEQUENCES = Integer.getInteger("occupancy.bits.sequences", 80);
    private static final int STEPS = 30;

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant FIRST_DAY = Instant.parse("2026-12-02T00:00:00Z");
    private static final Instant WINDOW_END = FIRST_DAY.plus(Duration.ofDays(2));
    private static final List<String> CHAIRS =
            List.of(Reservation.chair("bos", "bos-1"), Reservation.chair("bos", "bos-2"));
    private static final List<String> PATIENTS = List.of(Reservation.patient("p1"), Reservation.patient("p2"));

    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(InMemoryMongo.freshDatabaseUri("bits-property"));
    }

    @AfterAll
    static void close() {
        client.close();
    }

    /** The store and the model of one sequence. */
    private static final class World {
        final MongoTemplate mongo;
        final MongoReservations reservations;
        final DayOccupancy days;
        /** cell id -> holder */
        final Map<String, String> held = new HashMap<>();
        /** holder -> its cells */
        final Map<String, List<Reservation>> appointments = new LinkedHashMap<>();

        int next;

        World(long seed) {
            String uri = InMemoryMongo.freshDatabaseUri("bits");
            mongo = new MongoTemplate(client, uri.substring(uri.lastIndexOf('/') + 1));
            reservations = new MongoReservations(mongo, Clock.fixed(NOW, ZoneOffset.UTC));
            days = new DayOccupancy(mongo);
        }
    }

    /** An appointment's cells: a chair, nurse capacity and a patient, {@code length} cells from {@code start}. */
    private static List<Reservation> cells(String appointmentId, Random random, Instant start, int length) {
        String chair = CHAIRS.get(random.nextInt(CHAIRS.size()));
        String patient = PATIENTS.get(random.nextInt(PATIENTS.size()));
        String nurse = Reservation.nurseCapacity("bos", random.nextInt(2));
        Duration step = Duration.ofMinutes(start.getEpochSecond() % 900 == 0 ? 15 : 5);
        List<Reservation> cells = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Instant cell = start.plus(step.multipliedBy(i));
            if (!cell.isBefore(WINDOW_END)) {
                break;
            }
            for (String resource : List.of(chair, patient, nurse)) {
                cells.add(Reservation.of(resource, "bos", cell, appointmentId));
            }
        }
        return cells;
    }

    private static Instant randomStart(Random random) {
        // mostly on the 15-minute grid, sometimes on five minutes; crowded into a few hours so cells collide
        int day = random.nextInt(2);
        int minutes = 9 * 60 + (random.nextInt(10) == 0 ? 5 * random.nextInt(36) : 15 * random.nextInt(12));
        return FIRST_DAY.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(minutes));
    }

    private static boolean modelReserve(World w, List<Reservation> cells) {
        for (Reservation r : cells) {
            String holder = w.held.get(r.id());
            if (holder != null && !holder.equals(r.appointmentId())) {
                return false;
            }
        }
        cells.forEach(r -> w.held.put(r.id(), r.appointmentId()));
        return true;
    }

    private static void modelRelease(World w, String appointmentId, Set<String> keep) {
        List<Reservation> mine = w.appointments.getOrDefault(appointmentId, List.of());
        List<Reservation> kept = new ArrayList<>();
        for (Reservation r : mine) {
            if (keep.contains(r.id())) {
                kept.add(r);
            } else {
                w.held.remove(r.id());
            }
        }
        w.appointments.put(appointmentId, kept);
    }

    /** One random step; answers what it did, for the failure message. */
    private static String step(World w, Random random) {
        List<String> existing = new ArrayList<>(w.appointments.keySet());
        int kind = existing.isEmpty() ? 0 : random.nextInt(6);
        switch (kind) {
            case 0, 1 -> {
                String id = "apt_" + w.next++;
                List<Reservation> cells = cells(id, random, randomStart(random), 1 + random.nextInt(4));
                boolean model = modelReserve(w, cells);
                boolean store = w.reservations.reserveAll(cells);
                if (model != store) {
                    throw new AssertionError("reserve " + id + ": store said " + store + ", model " + model);
                }
                if (store) {
                    w.appointments.put(id, cells);
                }
                return "reserve " + id + " " + cells.size() + " cells: " + store;
            }
            case 2 -> {
                String id = existing.get(random.nextInt(existing.size()));
                w.reservations.releaseExcept(id, List.of());
                modelRelease(w, id, Set.of());
                return "release " + id;
            }
            case 3 -> {
                String id = existing.get(random.nextInt(existing.size()));
                List<Reservation> mine = w.appointments.get(id);
                Set<String> keep = new HashSet<>();
                mine.stream().filter(r -> random.nextBoolean()).forEach(r -> keep.add(r.id()));
                w.reservations.releaseExcept(id, keep);
                modelRelease(w, id, keep);
                return "release " + id + " keeping " + keep.size();
            }
            case 4 -> {
                String id = existing.get(random.nextInt(existing.size()));
                List<Reservation> mine = w.appointments.get(id);
                if (mine.isEmpty()) {
                    return "nothing to release from";
                }
                Instant from = mine.get(random.nextInt(mine.size())).cell();
                w.reservations.releaseFrom(id, from);
                Set<String> keep = new HashSet<>();
                mine.stream().filter(r -> r.cell().isBefore(from)).forEach(r -> keep.add(r.id()));
                modelRelease(w, id, keep);
                return "release " + id + " from " + from;
            }
            default -> {
                // reschedule: search ignoring the appointment, take the new cells, give back the old
                String id = existing.get(random.nextInt(existing.size()));
                List<Reservation> moved = cells(id, random, randomStart(random), 1 + random.nextInt(4));
                Occupancy seen = w.reservations.occupancy("bos", PATIENTS, FIRST_DAY, WINDOW_END, id);
                boolean looksFree = moved.stream().allMatch(r -> seen.isFree(r.id()));
                boolean model = modelReserve(w, moved);
                if (looksFree != model) {
                    throw new AssertionError(
                            "reschedule " + id + ": occupancy said free=" + looksFree + ", model " + model);
                }
                boolean store = w.reservations.reserveAll(moved);
                if (store != model) {
                    throw new AssertionError("reschedule " + id + ": store said " + store + ", model " + model);
                }
                if (store) {
                    Set<String> keep = new HashSet<>();
                    moved.forEach(r -> keep.add(r.id()));
                    List<Reservation> all = new ArrayList<>(w.appointments.get(id));
                    moved.stream()
                            .filter(r -> all.stream().noneMatch(o -> o.id().equals(r.id())))
                            .forEach(all::add);
                    w.appointments.put(id, all);
                    w.reservations.releaseExcept(id, keep);
                    modelRelease(w, id, keep);
                }
                return "reschedule " + id + ": " + store;
            }
        }
    }

    /** Answers what differs between the store and the model, or null. */
    private static String check(World w) {
        Set<String> stored = new TreeSet<>();
        for (Document cell : w.mongo.getCollection(ReservationCells.COLLECTION).find()) {
            stored.add(cell.getString("_id"));
        }
        if (!stored.equals(new TreeSet<>(w.held.keySet()))) {
            return "cells " + stored + " != model " + new TreeSet<>(w.held.keySet());
        }
        for (int day = 0; day < 2; day++) {
            Instant d = FIRST_DAY.plus(Duration.ofDays(day));
            List<String> scopes = new ArrayList<>(PATIENTS);
            scopes.add(DayBuckets.siteScope("bos"));
            for (String scope : scopes) {
                Set<String> bits = new TreeSet<>(w.days.cellsOf(DayBuckets.id(scope, DayBuckets.dayOf(d))));
                Set<String> expected = new TreeSet<>();
                w.held.keySet().stream()
                        .filter(id -> DayBuckets.dayOf(Reservation.cellOf(id)).equals(DayBuckets.dayOf(d)))
                        .filter(id -> DayBuckets.scopesOf(Reservation.resourceOf(id), "bos")
                                .contains(scope))
                        .forEach(expected::add);
                if (!bits.equals(expected)) {
                    return "bucket " + scope + " " + DayBuckets.dayOf(d) + " bits " + bits + " != held " + expected;
                }
            }
        }
        Occupancy all = w.reservations.occupancy("bos", PATIENTS, FIRST_DAY, WINDOW_END, "");
        for (String id : w.held.keySet()) {
            if (all.isFree(id)) {
                return "occupancy shows held " + id + " free";
            }
        }
        for (Map.Entry<String, List<Reservation>> e : w.appointments.entrySet()) {
            Occupancy ignoring = w.reservations.occupancy("bos", PATIENTS, FIRST_DAY, WINDOW_END, e.getKey());
            for (Map.Entry<String, String> cell : w.held.entrySet()) {
                boolean mine = cell.getValue().equals(e.getKey());
                if (ignoring.isFree(cell.getKey()) != mine) {
                    return "ignoring " + e.getKey() + " shows " + cell.getKey() + " free=" + !mine;
                }
            }
        }
        return null;
    }

    @Test
    void randomReservesReleasesAndReschedulesKeepTheBitsEqualToTheHeldCells() {
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = SEED + i;
            Random random = new Random(seed);
            World w = new World(seed);
            List<String> done = new ArrayList<>();
            for (int s = 0; s < STEPS; s++) {
                done.add(step(w, random));
                String broken = check(w);
                if (broken != null) {
                    fail("seed " + seed + ", after step " + s + ": " + broken + "\nsteps: " + String.join("\n", done));
                }
            }
        }
    }
}
