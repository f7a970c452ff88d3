package org.clinicops.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.clinicops.clock.ClinicClock;

/**
 * The clock of a Spring test: it replaces the service's clock bean in every test context (see
 * {@link TestClockContextCustomizerFactory}) and starts at the run's clock ({@link
 * ClinicClock#ofThisRun()}, which {@code -Dclinic.clock.start} moves). A test sets the instant its rule
 * needs ({@link #set(Instant)}, often from {@link TestInstants}) or moves time on ({@link
 * #advance(Duration)}); between those calls it advances with real elapsed time, so waiting code
 * still sees time pass.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private final Shared state;

    /** A clock that reads the run's clock now. */
    public TestClock() {
        this(new Shared(ClinicClock.ofThisRun().instant()), ZoneOffset.UTC);
    }

    /** A clock that reads {@code start} now. */
    public static TestClock startingAt(Instant start) {
        return new TestClock(new Shared(start), ZoneOffset.UTC);
    }

    private TestClock(Shared state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /** From now on this clock reads {@code instant}, then advances with elapsed time. */
    public TestClock set(Instant instant) {
        state.set(instant);
        return this;
    }

    /** Moves this clock on by {@code duration} (a negative one moves it back). */
    public TestClock advance(Duration duration) {
        state.set(instant().plus(duration));
        return this;
    }

    @Override
    public Instant instant() {
        return state.instant();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same clock (set and advanced together) seen in another zone. */
    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(state, other);
    }

    @Override
    public String toString() {
        return "TestClock[" + instant() + ", " + zone + "]";
    }

    /** The instant a clock and its zoned views share. */
    private static final class Shared {

        private Instant setAt;
        private long setAtNanos;

        Shared(Instant start) {
            set(start);
        }

        synchronized void set(Instant instant) {
            setAt = instant;
            setAtNanos = System.nanoTime();
        }

        synchronized Instant instant() {
            return setAt.plusNanos(System.nanoTime() - setAtNanos);
        }
    }
}
