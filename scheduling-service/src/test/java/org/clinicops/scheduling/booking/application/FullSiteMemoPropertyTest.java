package org.clinicops.scheduling.booking.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.junit.jupiter.api.Test;

/**
 * The full-site memo changes how fast a request waits, never what happens to it: random sequences of
 * consultation requests, cancellations, withdrawals, waiting-list retries and time passing (minutes
 * to days, across midnights and a weekend) run in a world with the memo and one without, and after
 * every step the outcome, the consultations booked (times, physicians) and the waiting list are the
 * same. Two sites share a physician, and patients repeat, so a patient's own appointments and time
 * freed at the other site are exercised. Seeded ({@code -Dfull.site.memo.seed},
 * {@code -Dfull.site.memo.sequences}) so a failure repeats; written with a seeded generator and JUnit
 * rather than jqwik, as {@link BookingInvariantsPropertyTest} is (see the service README).
 */
class FullSiteMemoPropertyTest {

    private static final long SEED = Long.getLong("full.site.memo.seed", 20_261_207L);
    private static final int SEQUENCES = Integer.getInteger("full.site.memo.sequences", 200);
    private static final int STEPS = 60;
    private static final List<String> SITES = List.of("lim", "two");

    sealed interface Step permits Request, Cancel, Withdraw, Retry, Advance {}

    record Request(int patient, int site) implements Step {}

    record Cancel(int pick) implements Step {}

    record Withdraw(int pick) implements Step {}

    record Retry() implements Step {}

    record Advance(int minutes) implements Step {}

    static List<Step> random(Random random, int steps) {
        List<Step> sequence = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            int kind = random.nextInt(20);
            if (kind < 11) {
                sequence.add(new Request(random.nextInt(4), random.nextInt(4) == 0 ? 1 : 0));
            } else if (kind < 14) {
                sequence.add(new Cancel(random.nextInt(8)));
            } else if (kind < 15) {
                sequence.add(new Withdraw(random.nextInt(8)));
            } else if (kind < 16) {
                sequence.add(new Retry());
            } else {
                int[] minutes = {0, 1, 20, 45, 90, 600, 1440, 2 * 1440};
                sequence.add(new Advance(minutes[random.nextInt(minutes.length)]));
            }
        }
        return sequence;
    }

    @Test
    void everySequenceBooksTheSameWithTheMemoAsWithout() {
        int remembered = 0;
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = SEED + i;
            List<Step> steps = random(new Random(seed), STEPS);
            ConsultationWorld withMemo = world(true, seed);
            ConsultationWorld without = world(false, seed);
            for (int n = 0; n < steps.size(); n++) {
                Step step = steps.get(n);
                String expected = apply(without, step, n);
                int reads = withMemo.reservations.occupancyReads;
                String actual = apply(withMemo, step, n);
                if (step instanceof Request && withMemo.reservations.occupancyReads == reads) {
                    remembered++;
                }
                String where = "seed " + seed + ", step " + n + " " + step + " of " + steps;
                assertThat(actual).as(where).isEqualTo(expected);
                assertThat(withMemo.schedule()).as(where).isEqualTo(without.schedule());
                assertThat(withMemo.waiting()).as(where).isEqualTo(without.waiting());
            }
        }
        System.out.println(SEQUENCES + " sequences of " + STEPS + " steps booked the same with the memo; " + remembered
                + " requests answered from it");
        assertThat(remembered).as("the memo was used").isPositive();
    }

    private static ConsultationWorld world(boolean memo, long seed) {
        // a start on one of seven days from Monday 5 October 2026 at 07:00
        ConsultationWorld world =
                new ConsultationWorld(memo, ConsultationWorld.MONDAY_7AM.plus(Duration.ofDays(Math.floorMod(seed, 7))));
        world.site("lim", "dr-1", "dr-2");
        world.site("two", "dr-2");
        return world;
    }

    private static String apply(ConsultationWorld world, Step step, int n) {
        try {
            if (step instanceof Request r) {
                return world.request("req_" + n, "p_" + r.patient(), SITES.get(r.site()))
                        .name();
            } else if (step instanceof Cancel c) {
                return pick(world, c.pick())
                        .map(a -> {
                            world.cancel.handle(a.id(), InfusionCancelled.Reason.PATIENT_REQUEST);
                            return "cancelled " + a.id();
                        })
                        .orElse("none");
            } else if (step instanceof Withdraw w) {
                return pick(world, w.pick())
                        .map(a -> {
                            String requestId = a.id().substring("apt_c_".length());
                            world.withdraw(requestId, a.patientId(), a.siteId());
                            return "withdrew " + a.id();
                        })
                        .orElse("none");
            } else if (step instanceof Retry) {
                return "booked " + world.retry.retry(null);
            }
            world.clock.advance(Duration.ofMinutes(((Advance) step).minutes()));
            return "advanced";
        } catch (RuntimeException refused) {
            return refused.getClass().getSimpleName() + " " + refused.getMessage();
        }
    }

    private static java.util.Optional<Appointment> pick(ConsultationWorld world, int pick) {
        List<Appointment> scheduled = world.appointments.findInStatus(AppointmentStatus.SCHEDULED).stream()
                .sorted(Comparator.comparing(Appointment::id))
                .toList();
        return scheduled.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(scheduled.get(pick % scheduled.size()));
    }
}
