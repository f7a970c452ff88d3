package org.clinicops.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Business time of the demo and the real waits it takes. The services and the demo share one demo
 * clock when {@code ./clinic up --clock-speed N} hands them the same {@code -Dclinic.clock.start},
 * {@code speed} and {@code anchor}: a business hour then passes in {@code 60 / N} real minutes, and
 * a step due at a business instant is scheduled after the matching real delay.
 *
 * @param clock the run's clock (business time)
 * @param speed how many times faster than real time it runs
 */
record DemoTime(Clock clock, double speed) {

    DemoTime {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive, not " + speed);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** The real wait until the business instant {@code at} (zero when it is due). */
    Duration until(Instant at) {
        return realDelay(now(), at, speed);
    }

    /** The real time a business duration takes. */
    Duration real(Duration business) {
        return scale(business, speed);
    }

    static Duration realDelay(Instant now, Instant at, double speed) {
        return at.isAfter(now) ? scale(Duration.between(now, at), speed) : Duration.ZERO;
    }

    private static Duration scale(Duration business, double speed) {
        return Duration.ofNanos(Math.round(business.toNanos() / speed));
    }
}
