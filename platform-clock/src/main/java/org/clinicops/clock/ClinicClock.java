package org.clinicops.clock;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The one place in the platform that reads the current time. Everything else takes a {@link Clock}
 * (an {@link java.time.InstantSource}) from here or, in a service, the clock bean built from here,
 * so that tests, benchmarks and demos can choose when "now" is.
 *
 * <p>Without configuration the clock of this run is the system's UTC clock. With the system property
 * {@value #START_PROPERTY} set to an ISO-8601 instant (for every JVM of a run at once:
 * {@code JAVA_TOOL_OPTIONS="-Dclinic.clock.start=2027-03-14T06:45:00Z"}) it is a clock that reads that
 * instant when this JVM started and advances with real elapsed time from then on. That is for tests,
 * benchmarks and demos only; a service that has it set says so in a warning at start.
 *
 * <p>Two further properties serve demos that must show days of clinic life in minutes. {@value
 * #SPEED_PROPERTY} (default 1) makes the run clock advance that many times faster than real time.
 * {@value #ANCHOR_PROPERTY} names the real instant at which the run clock reads the start instant
 * (default: when this JVM started), so that processes started at different moments share one
 * timeline: {@code ./clinic up --clock-speed 600} hands every process the same start, speed and
 * anchor.
 *
 * <p>The ArchUnit rule {@code NO_WALL_CLOCK_OUTSIDE_THE_CLOCK} keeps every other class from reading
 * the system clock ({@code Instant.now()}, {@code LocalDate.now()}, {@code System.currentTimeMillis()},
 * {@code Clock.systemUTC()} and the like).
 */
public final class ClinicClock {

    /** The system property that names the instant a run starts at. */
    public static final String START_PROPERTY = "clinic.clock.start";

    /** How many times faster than real time the run clock advances (with {@value #START_PROPERTY}). */
    public static final String SPEED_PROPERTY = "clinic.clock.speed";

    /** The real instant at which the run clock reads {@value #START_PROPERTY}. */
    public static final String ANCHOR_PROPERTY = "clinic.clock.anchor";

    private static final Clock THIS_RUN = configuredStart()
            .<Clock>map(start -> new ElapsedClock(start, originNanos(), speed(), ZoneOffset.UTC))
            .orElseGet(Clock::systemUTC);

    private ClinicClock() {}

    /**
     * The clock of this run, in UTC: the system clock, or the clock started at {@value #START_PROPERTY}
     * when that is set. Every call answers the same clock.
     */
    public static Clock ofThisRun() {
        return THIS_RUN;
    }

    /** The instant {@value #START_PROPERTY} names, if it is set (blank counts as unset). */
    public static Optional<Instant> configuredStart() {
        return instantProperty(START_PROPERTY);
    }

    /** {@value #SPEED_PROPERTY}: a positive factor, 1 when unset. */
    public static double speed() {
        String value = System.getProperty(SPEED_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            double speed = Double.parseDouble(value.trim());
            if (speed > 0 && speed <= 100_000) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(
                SPEED_PROPERTY + " must be a number above 0 and at most 100000, not '" + value + "'");
    }

    private static Optional<Instant> instantProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    name + " must be an ISO-8601 instant such as 2027-03-14T06:45:00Z, not '" + value + "'", e);
        }
    }

    /**
     * When this run started on its own clock: {@value #START_PROPERTY} if set, else the real instant
     * this JVM started. Tests pick instants relative to this, never to today's date.
     */
    public static Instant runStart() {
        return configuredStart()
                .orElseGet(() -> Instant.ofEpochMilli(
                        ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /**
     * Real time, whatever {@value #START_PROPERTY} says: only for checking the lifetime of a credential
     * that an identity provider issued on its own real-time clock (bearer tokens). Business time,
     * event times and stored times always come from {@link #ofThisRun()}.
     */
    public static Clock realTime() {
        return Clock.systemUTC();
    }

    /**
     * {@link System#nanoTime()} as it read (or would have read) at the anchor: the real instant of
     * {@value #ANCHOR_PROPERTY}, else when this JVM started.
     */
    private static long originNanos() {
        long now = System.nanoTime();
        return instantProperty(ANCHOR_PROPERTY)
                .map(anchor ->
                        now - Duration.between(anchor, realTime().instant()).toNanos())
                .orElseGet(() -> now
                        - TimeUnit.MILLISECONDS.toNanos(
                                ManagementFactory.getRuntimeMXBean().getUptime()));
    }

    /** A clock that read {@code start} at {@code originNanos} and advances {@code speed} times real time. */
    static final class ElapsedClock extends Clock {

        private final Instant start;
        private final long originNanos;
        private final double speed;
        private final ZoneId zone;

        ElapsedClock(Instant start, long originNanos, ZoneId zone) {
            this(start, originNanos, 1, zone);
        }

        ElapsedClock(Instant start, long originNanos, double speed, ZoneId zone) {
            this.start = start;
            this.originNanos = originNanos;
            this.speed = speed;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            long elapsed = System.nanoTime() - originNanos;
            return start.plusNanos(speed == 1 ? elapsed : (long) (elapsed * speed));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new ElapsedClock(start, originNanos, speed, other);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ElapsedClock that
                    && start.equals(that.start)
                    && originNanos == that.originNanos
                    && speed == that.speed
                    && zone.equals(that.zone);
        }

        @Override
        public int hashCode() {
            return start.hashCode() ^ Long.hashCode(originNanos) ^ zone.hashCode();
        }

        @Override
        public String toString() {
            return "ClinicClock.ElapsedClock[start=" + start + ", speed=" + speed + ", zone=" + zone + "]";
        }
    }
}
