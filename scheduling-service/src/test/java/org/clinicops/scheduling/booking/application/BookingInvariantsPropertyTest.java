package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Stateful property test of the booking invariants: thousands of random sequences of commands
 * (plan approved, reschedule and walk-in, cancel, hold placed and released in either order and
 * repeated, waiting-list retry, check-in, start, complete, stop, no-show, time passing) through the
 * real use cases and booking gate over in-memory stores ({@link BookingWorld}). After every step: no
 * infusion booked, checked in or started for a held patient; never two infusions of a patient on one
 * local day; each plan's order, weekdays, minimum spacing and (unless its window had passed when the
 * session was placed) maximum spacing; no chair booked twice, the nurse ratio kept, no patient in
 * two places at once, and every cell an appointment lists held by it.
 *
 * <p>A failing sequence is shrunk (steps removed while it still fails) and reported with its seed, as
 * Java to keep as a plain regression test; no sequence has failed since the gate was written.
 * Sequences are seeded ({@code -Dbooking.invariants.seed}, {@code -Dbooking.invariants.sequences}),
 * so a run is repeatable. Written with a seeded generator and JUnit rather than jqwik: see the
 * service README.
 */
class BookingInvariantsPropertyTest {

    private static final long SEED = Long.getLong("booking.invariants.seed", 20_261_206L);
    private static final int SEQUENCES = Integer.getInteger("booking.invariants.sequences", 2000);
    private static final int STEPS = 40;

    /**
     * The world starts at 07:00 New York on one of fourteen days from Monday 26 October 2026, so
     * sequences cross weekends and the end of daylight-saving time (1 November).
     */
    static Instant startOf(long seed) {
        LocalDate day = LocalDate.of(2026, 10, 26).plusDays(Math.floorMod(seed, 14));
        return day.atTime(LocalTime.of(7, 0)).atZone(BookingWorld.ZONE).toInstant();
    }

    static Optional<String> run(long seed, List<BookingCommand> commands) {
        return new BookingWorld(startOf(seed)).run(commands);
    }

    @Test
    void everySequenceOfCommandsKeepsTheBookingInvariants() {
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = SEED + i;
            List<BookingCommand> commands = BookingCommand.random(new Random(seed), STEPS);
            Optional<String> failure = run(seed, commands);
            if (failure.isPresent()) {
                List<BookingCommand> shrunk = shrink(seed, commands);
                fail("sequence with seed " + seed + " broke an invariant: " + failure.get() + "\nshrunk to "
                        + shrunk.size() + " steps (" + run(seed, shrunk).orElse("?") + "):\n"
                        + shrunk.stream()
                                .map(BookingInvariantsPropertyTest::java)
                                .collect(Collectors.joining(",\n")));
            }
        }
        Duration cpuTook = Duration.ofNanos(
                java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu);
        System.out.println(SEQUENCES + " sequences of " + STEPS + " steps kept the booking invariants in " + cpuTook
                + " of CPU; outcomes and states seen: " + new TreeMap<>(BookingWorld.STATS));
    }

    /** A step as Java source, to paste into a regression test: {@code new BookingCommand.Cancel(3)}. */
    static String java(BookingCommand command) {
        return "new BookingCommand."
                + command.toString().replaceAll("\\w+=", "").replace('[', '(').replace(']', ')');
    }

    /** Removes steps, halves then single ones, while the sequence still fails. */
    static List<BookingCommand> shrink(long seed, List<BookingCommand> failing) {
        List<BookingCommand> current = new ArrayList<>(failing);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
                int start = 0;
                while (start + chunk <= current.size()) {
                    List<BookingCommand> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(start + chunk, current.size()));
                    if (run(seed, candidate).isPresent()) {
                        current = candidate;
                        progress = true;
                    } else {
                        start += chunk;
                    }
                }
            }
        }
        return current;
    }
}
