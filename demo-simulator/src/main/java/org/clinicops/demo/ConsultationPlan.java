package org.clinicops.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * When the steps around a consultation are due, the way a clinic sees them under scheduling's and
 * intake's rules: the check-in shortly before the start; a request withdrawn while the patient waits
 * for the consultation, before its check-in; a cancellation two days ahead, or three hours before the
 * start (late: under 24 hours), either half-way to the start when it was booked sooner; a no-show
 * recorded once check-in has closed; a request whose consultation was lost (cancelled or missed)
 * closed by the intake coordinator two days later, since nothing books it again.
 */
final class ConsultationPlan {

    /** What becomes of a patient's consultation. */
    enum Course {
        ATTENDED,
        CANCELLED,
        CANCELLED_LATE,
        NO_SHOW
    }

    /** The check-in comes this long before the start (scheduling opens it 2 hours before). */
    static final Duration CHECK_IN_LEAD = Duration.ofMinutes(10);

    /** A cancellation in good time: two days ahead, well outside scheduling's 24-hour window. */
    static final Duration CANCELLATION_LEAD = Duration.ofDays(2);

    /** A late cancellation: the morning of an afternoon consultation, inside the 24-hour window. */
    static final Duration LATE_CANCELLATION_LEAD = Duration.ofHours(3);

    /** The coordinator tries to reach a patient whose consultation was lost, then closes the request. */
    static final Duration CLOSED_AFTER_LOST = Duration.ofDays(2);

    /** Why patients withdraw, weighted (codes of consultation-request-withdrawn). */
    private static final List<String> WITHDRAWAL_REASONS = List.of(
            "PATIENT_CHOICE",
            "PATIENT_CHOICE",
            "PATIENT_CHOICE",
            "TREATED_ELSEWHERE",
            "TREATED_ELSEWHERE",
            "COST",
            "COST",
            "NO_RESPONSE",
            "DUPLICATE",
            "OTHER");

    private ConsultationPlan() {}

    /** The consultation's course, by the rates' one roll of the dice. */
    static Course course(DemoRates rates, double dice) {
        double cancelled = rates.consultationCancellation();
        double late = cancelled + rates.consultationLateCancellation();
        double missed = late + rates.consultationNoShow();
        return dice < cancelled
                ? Course.CANCELLED
                : dice < late ? Course.CANCELLED_LATE : dice < missed ? Course.NO_SHOW : Course.ATTENDED;
    }

    /**
     * When a patient who changed her mind withdraws: half-way from her request to the consultation's
     * check-in, so always before the consultation; at once when that time has passed.
     */
    static Instant withdrawalAt(Instant requestedAt, Instant startsAt, Instant now) {
        Instant checkIn = startsAt.minus(CHECK_IN_LEAD);
        Instant halfWay =
                requestedAt.plus(Duration.between(requestedAt, checkIn).dividedBy(2));
        return later(halfWay, now);
    }

    /**
     * When the patient cancels: {@link #CANCELLATION_LEAD} or {@link #LATE_CANCELLATION_LEAD} before
     * the start; half-way from now to the start when that has passed (a consultation booked for the
     * same afternoon is cancelled late whatever the patient meant).
     */
    static Instant cancellationAt(Instant startsAt, boolean late, Instant now) {
        Instant ahead = startsAt.minus(late ? LATE_CANCELLATION_LEAD : CANCELLATION_LEAD);
        return ahead.isAfter(now)
                ? ahead
                : later(now.plus(Duration.between(now, startsAt).dividedBy(2)), now);
    }

    /** The no-show is recorded once check-in has closed (30 minutes after the start). */
    static Instant noShowAt(Instant startsAt) {
        return startsAt.plus(SessionPlan.NO_SHOW_AFTER);
    }

    /** A withdrawal's reason code: mostly the patient's choice, cost or treatment elsewhere. */
    static String withdrawalReason(RandomGenerator random) {
        return WITHDRAWAL_REASONS.get(random.nextInt(WITHDRAWAL_REASONS.size()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
