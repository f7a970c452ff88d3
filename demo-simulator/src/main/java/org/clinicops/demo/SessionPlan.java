package org.clinicops.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steps of one infusion session at the business instants they are due, the way a clinic runs
 * it under the safety rules: check-in inside the window before the start, the start on time, vitals
 * every 15 minutes through infusion and observation (the last one at the end of observation),
 * completion once observation is over. A serious adverse event stops the infusion instead; a
 * dangerous reading is followed by a nurse closing its alert; a no-show is recorded once check-in
 * has closed; a late cancellation comes under 24 hours before the start.
 */
final class SessionPlan {

    enum Course {
        NORMAL,
        NO_SHOW,
        LATE_CANCELLATION,
        SERIOUS_EVENT,
        /** Stopped early without a serious event: the patient asks to stop, or the pump fails. */
        STOPPED_EARLY
    }

    enum Kind {
        LATE_CANCEL,
        CHECK_IN,
        START,
        VITALS,
        SEVERE_VITALS,
        MILD_EVENT,
        CLOSE_ALERTS,
        SERIOUS_EVENT,
        STOP,
        COMPLETE,
        NO_SHOW
    }

    record Step(Kind kind, Instant at) {}

    static final Duration CHECK_IN_LEAD = Duration.ofMinutes(20);
    static final Duration VITALS_EVERY = Duration.ofMinutes(15);
    /** Scheduling closes check-in this long after the start ({@code check-in-closes-after}). */
    static final Duration CHECK_IN_CLOSES_AFTER = Duration.ofMinutes(30);
    /** Check-in closes 30 minutes after the start; the no-show comes after that. */
    static final Duration NO_SHOW_AFTER = Duration.ofMinutes(35);
    /**
     * The last reading comes this long before discharge: within scheduling's 15 minutes, and early
     * enough that scheduling has it from monitoring's event when the session is completed.
     */
    static final Duration LAST_READING_BEFORE_DISCHARGE = Duration.ofMinutes(4);

    static final Duration LATE_CANCELLATION_LEAD = Duration.ofHours(12);

    private SessionPlan() {}

    /**
     * The steps of a session starting at {@code startsAt}, in time order.
     *
     * @param severeReading whether the second reading is dangerous (an alert the nurse then closes)
     * @param mildEvent whether a grade 1-2 side effect is reported half-way through the infusion
     */
    static List<Step> steps(
            Instant startsAt,
            int infusionMinutes,
            int observationMinutes,
            Course course,
            boolean severeReading,
            boolean mildEvent) {
        List<Step> steps = new ArrayList<>();
        switch (course) {
            case LATE_CANCELLATION -> {
                steps.add(new Step(Kind.LATE_CANCEL, startsAt.minus(LATE_CANCELLATION_LEAD)));
                return steps;
            }
            case NO_SHOW -> {
                steps.add(new Step(Kind.NO_SHOW, startsAt.plus(NO_SHOW_AFTER)));
                return steps;
            }
            default -> {}
        }
        steps.add(new Step(Kind.CHECK_IN, startsAt.minus(CHECK_IN_LEAD)));
        steps.add(new Step(Kind.START, startsAt));
        Instant infusionEnd = startsAt.plus(Duration.ofMinutes(infusionMinutes));
        boolean stopped = course == Course.SERIOUS_EVENT || course == Course.STOPPED_EARLY;
        Instant end = stopped
                ? startsAt.plus(Duration.ofMinutes(Math.max(1, Math.min(10, infusionMinutes / 2))))
                : infusionEnd.plus(Duration.ofMinutes(observationMinutes));
        int reading = 0;
        for (Instant at = startsAt; at.isBefore(end); at = at.plus(VITALS_EVERY), reading++) {
            boolean severe = severeReading && reading == 1 && course == Course.NORMAL;
            steps.add(new Step(severe ? Kind.SEVERE_VITALS : Kind.VITALS, at.plusSeconds(30)));
            if (severe) {
                steps.add(new Step(Kind.CLOSE_ALERTS, at.plus(Duration.ofMinutes(5))));
            }
        }
        if (course == Course.SERIOUS_EVENT) {
            steps.add(new Step(Kind.SERIOUS_EVENT, end));
            steps.add(new Step(Kind.STOP, end.plus(Duration.ofMinutes(1))));
        } else if (course == Course.STOPPED_EARLY) {
            steps.add(new Step(Kind.STOP, end));
        } else {
            if (mildEvent) {
                steps.add(
                        new Step(Kind.MILD_EVENT, startsAt.plus(Duration.ofMinutes(Math.max(1, infusionMinutes / 2)))));
            }
            steps.add(new Step(Kind.VITALS, end.minus(LAST_READING_BEFORE_DISCHARGE)));
            steps.add(new Step(Kind.COMPLETE, end.plus(Duration.ofMinutes(1))));
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    /** The remaining {@code steps} moved by how much later than {@code planned} it {@code actually} started. */
    static List<Step> delayed(List<Step> steps, Instant planned, Instant actually) {
        if (!actually.isAfter(planned)) {
            return steps;
        }
        Duration lag = Duration.between(planned, actually);
        return steps.stream().map(s -> new Step(s.kind(), s.at().plus(lag))).toList();
    }

    /** The business minutes each protocol's infusion takes (intake's defaults). */
    static int infusionMinutes(String protocol) {
        return switch (protocol) {
            case "PAIN_SERIES" -> 240;
            case "ESKETAMINE_INDUCTION" -> 15;
            default -> 40;
        };
    }

    /** The observation after the infusion: at least scheduling's minimum (IV 60, nasal 120). */
    static int observationMinutes(String protocol) {
        return switch (protocol) {
            case "PAIN_SERIES" -> 60;
            default -> 120;
        };
    }
}
