package org.clinicops.platform.archrules.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** A class that keeps the time rules. */
public final class ReadsTheInjectedClock {

    private final Clock clock;

    public ReadsTheInjectedClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static String code(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
