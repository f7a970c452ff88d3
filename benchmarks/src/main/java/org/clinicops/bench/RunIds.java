package org.clinicops.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Short ids that tell one benchmark run's data (sites, synthetic patients) from earlier runs' on a
 * platform that keeps its data. Random rather than read from the clock: two runs may start their
 * clocks at the same instant ({@code -Dclinic.clock.start}).
 */
public final class RunIds {

    /** 36^8: up to eight base-36 characters. */
    private static final long BOUND = 2_821_109_907_456L;

    private RunIds() {}

    /** A new id of up to eight lower-case letters and digits. */
    public static String next() {
        return Long.toString(ThreadLocalRandom.current().nextLong(BOUND), 36);
    }
}
