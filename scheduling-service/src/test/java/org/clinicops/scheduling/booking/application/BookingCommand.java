package org.clinicops.scheduling.booking.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One step of a random sequence driven through scheduling's application layer. Steps name patients,
 * holds and appointments by small numbers (an appointment as an index into the ones that fit the
 * step), so a sequence with steps removed still runs: what shrinking needs.
 */
sealed interface BookingCommand {

    int PATIENTS = 3;
    int HOLDS_PER_PATIENT = 3;

    /** A treatment plan approved: {@code kind} 0 an induction (2-4 days apart), 1 a pain series (weekdays, daily), 2 boosters (7-14 days). */
    record Approve(int patient, int kind, int sessions) implements BookingCommand {}

    /**
     * A clinician moves an infusion: to a day {@code dayOffset} days from today at {@code slot}
     * quarter hours after 08:00 local, or with {@code slot < 0} a walk-in {@code -slot * 7} minutes
     * from now.
     */
    record Reschedule(int pick, int dayOffset, int slot) implements BookingCommand {}

    record Cancel(int pick) implements BookingCommand {}

    /** Hold {@code hold} of the patient placed (monitoring's event, delivered once more when repeated). */
    record Place(int patient, int hold) implements BookingCommand {}

    /** Hold {@code hold} of the patient released (also before its placement arrives). */
    record Release(int patient, int hold) implements BookingCommand {}

    /** The periodic waiting-list retry (and the rebooking of released sessions). */
    record Retry() implements BookingCommand {}

    record CheckIn(int pick) implements BookingCommand {}

    record Start(int pick) implements BookingCommand {}

    /** Completes a session in progress, with a clinician's override of failed discharge checks when {@code override}. */
    record Complete(int pick, boolean override) implements BookingCommand {}

    record Stop(int pick) implements BookingCommand {}

    record NoShow(int pick) implements BookingCommand {}

    /** Time passes. */
    record Advance(int minutes) implements BookingCommand {}

    /** Time passes up to {@code minutesFromStart} around the start of a scheduled infusion (never back). */
    record AdvanceTo(int pick, int minutesFromStart) implements BookingCommand {}

    static List<BookingCommand> random(Random random, int steps) {
        List<BookingCommand> commands = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            commands.add(one(random));
        }
        return commands;
    }

    private static BookingCommand one(Random r) {
        int roll = r.nextInt(100);
        if (roll < 14) {
            return new Approve(r.nextInt(PATIENTS), r.nextInt(3), 1 + r.nextInt(4));
        }
        if (roll < 28) {
            return new Reschedule(r.nextInt(8), r.nextInt(12), r.nextInt(10) < 2 ? -1 - r.nextInt(6) : r.nextInt(40));
        }
        if (roll < 32) {
            return new Cancel(r.nextInt(8));
        }
        if (roll < 41) {
            return new Place(r.nextInt(PATIENTS), r.nextInt(HOLDS_PER_PATIENT));
        }
        if (roll < 50) {
            return new Release(r.nextInt(PATIENTS), r.nextInt(HOLDS_PER_PATIENT));
        }
        if (roll < 56) {
            return new Retry();
        }
        if (roll < 65) {
            return new CheckIn(r.nextInt(4));
        }
        if (roll < 72) {
            return new Start(r.nextInt(4));
        }
        if (roll < 76) {
            return new Complete(r.nextInt(4), r.nextBoolean());
        }
        if (roll < 78) {
            return new Stop(r.nextInt(4));
        }
        if (roll < 81) {
            return new NoShow(r.nextInt(4));
        }
        if (roll < 90) {
            return new Advance(new int[] {15, 45, 120, 600, 1440, 2880}[r.nextInt(6)]);
        }
        return new AdvanceTo(r.nextInt(6), -150 + r.nextInt(200));
    }
}
