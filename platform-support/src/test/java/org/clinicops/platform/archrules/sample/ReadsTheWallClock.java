package org.clinicops.platform.archrules.sample;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A class that breaks the time rules, for {@code ArchitectureRulesTest} to catch. */
public final class ReadsTheWallClock {

    private ReadsTheWallClock() {}

    public static Instant now() {
        return Instant.now();
    }

    public static LocalDate today(ZoneId zone) {
        return LocalDate.now(zone);
    }

    public static String code(String name) {
        return name.toUpperCase();
    }
}
