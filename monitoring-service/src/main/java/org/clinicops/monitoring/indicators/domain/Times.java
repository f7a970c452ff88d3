package org.clinicops.monitoring.indicators.domain;

import java.time.Duration;
import java.time.Instant;

/** The fact state keeps times as epoch nanoseconds: compact, and exact for every instant an event carries. */
final class Times {

    static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final double SECONDS_PER_DAY = 86_400.0;

    private Times() {}

    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), NANOS_PER_SECOND), at.getNano());
    }

    static long nanos(Duration duration) {
        return duration.toNanos();
    }

    /** Days from one time to another, to the whole second (negative when {@code to} comes first). */
    static double days(long from, long to) {
        return Math.floorDiv(to - from, NANOS_PER_SECOND) / SECONDS_PER_DAY;
    }

    /** A duration in days, as {@link #days} measures them. */
    static double days(Duration duration) {
        return duration.toSeconds() / SECONDS_PER_DAY;
    }
}
