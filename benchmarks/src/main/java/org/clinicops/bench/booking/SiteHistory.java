package org.clinicops.bench.booking;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the existing infusion sessions of a benchmark site sit: chair, start and status. Mostly
 * history, day after day backwards from yesterday on the site's chairs at a given fill (as many
 * years as the size needs), plus a share in the booking window ahead, each chair running sessions
 * back to back within opening hours. No two sessions share a chair at the same time, so the cells
 * the seeder derives are unique as the store demands.
 */
final class SiteHistory {

    /** What happened to a session: completed ones keep their cells, cancelled and no-shows hold none. */
    enum Status {
        COMPLETED,
        CANCELLED,
        NO_SHOW,
        SCHEDULED
    }

    /** One session: the n-th generated, its chair (0-based), start and status. */
    record Placement(int n, int chair, Instant start, Status status) {

        boolean holdsCells() {
            return status == Status.COMPLETED || status == Status.SCHEDULED;
        }
    }

    private final ZoneId zone;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Set<DayOfWeek> days;
    private final int chairs;
    private final Duration session;

    SiteHistory(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> days, int chairs, Duration session) {
        this.zone = zone;
        this.opens = opens;
        this.closes = closes;
        this.days = Set.copyOf(days);
        this.chairs = chairs;
        this.session = session;
    }

    /** Session starts of one chair on one day. */
    List<Instant> startsOn(LocalDate day) {
        List<Instant> starts = new ArrayList<>();
        if (!days.contains(day.getDayOfWeek())) {
            return starts;
        }
        Instant close = day.atTime(closes).atZone(zone).toInstant();
        for (Instant start = day.atTime(opens).atZone(zone).toInstant();
                !start.plus(session).isAfter(close);
                start = start.plus(session)) {
            starts.add(start);
        }
        return starts;
    }

    /** Sessions the chairs can hold on the open days of [first, last]. */
    int capacity(LocalDate first, LocalDate last) {
        int total = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            total += startsOn(day).size() * chairs;
        }
        return total;
    }

    /**
     * Generates {@code history} past sessions (chairs filled at {@code fill}, 90% completed, 6%
     * cancelled, 4% no-shows) and {@code ahead} scheduled sessions spread over the {@code windowDays}
     * after {@code today}, in that order; {@code ahead} must fit the window's capacity.
     */
    void generate(
            int history, int ahead, LocalDate today, int windowDays, double fill, long seed, Consumer<Placement> sink) {
        Random random = new Random(seed);
        int n = 0;
        for (LocalDate day = today.minusDays(1); n < history; day = day.minusDays(1)) {
            for (Instant start : startsOn(day)) {
                for (int chair = 0; chair < chairs && n < history; chair++) {
                    if (random.nextDouble() >= fill) {
                        continue;
                    }
                    double roll = random.nextDouble();
                    Status status = roll < 0.90 ? Status.COMPLETED : roll < 0.96 ? Status.CANCELLED : Status.NO_SHOW;
                    sink.accept(new Placement(n++, chair, start, status));
                }
            }
        }
        LocalDate first = today.plusDays(1);
        LocalDate last = today.plusDays(windowDays);
        int capacity = capacity(first, last);
        if (ahead > capacity) {
            throw new IllegalArgumentException(ahead + " sessions do not fit " + capacity + " in the window");
        }
        int placed = 0;
        int left = capacity;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            for (Instant start : startsOn(day)) {
                for (int chair = 0; chair < chairs; chair++, left--) {
                    // selection sampling: exactly `ahead` of the `capacity` chair slots, evenly spread
                    if (random.nextInt(left) < ahead - placed) {
                        sink.accept(new Placement(n++, chair, start, Status.SCHEDULED));
                        placed++;
                    }
                }
            }
        }
    }
}
