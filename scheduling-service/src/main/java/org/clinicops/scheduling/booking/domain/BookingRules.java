package org.clinicops.scheduling.booking.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the booking gate but capacity, over one patient: no active clinical hold; the
 * session with its observation within the site's opening hours; one infusion a local day; the plan's
 * weekdays, order and spacing with its neighbouring sessions. Capacity (chair, nurse ratio,
 * physician, the patient at one place at a time) is decided by the reservation cells.
 *
 * <p>Spacing: between session n and the nearest earlier session of the plan that takes place, at
 * least the plan's minimum (at least one day); between n and the nearest later one too. Between
 * consecutive numbers also at most the plan's maximum, except after a predecessor whose window has
 * already passed (a session that waited for a hold or for capacity is booked as soon as the minimum
 * allows: the maximum can no longer be kept, and refusing would keep the patient from treatment).
 */
public final class BookingRules {

    private final PatientSchedule schedule;
    private final boolean held;
    private final Instant now;

    public BookingRules(PatientSchedule schedule, boolean held, Instant now) {
        this.schedule = schedule;
        this.held = held;
        this.now = now;
    }

    public boolean held() {
        return held;
    }

    public PatientSchedule schedule() {
        return schedule;
    }

    /** The rules with the placement taken (to check the next session of a series against it). */
    public BookingRules with(Placement placement) {
        return new BookingRules(schedule.with(placement), held, now);
    }

    /** The first rule the placement breaks, if any (capacity aside). */
    public Optional<BookingRefusedException> refusal(Placement p) {
        if (!p.infusion()) {
            return openingHours(p);
        }
        if (held) {
            return refuse(
                    BookingRule.PATIENT_ON_HOLD,
                    "the patient is on clinical hold: no infusion is booked, moved, checked in or started until it is released");
        }
        Optional<BookingRefusedException> hours = openingHours(p);
        if (hours.isPresent()) {
            return hours;
        }
        return dayRefusal(
                p.appointmentId(),
                p.planId(),
                p.sessionNumber(),
                p.spacing(),
                p.day(),
                p.calendar().zone());
    }

    /**
     * The day rules of an infusion on a local day of the site: one infusion a day, the plan's
     * weekdays, order and spacing. Used by searches to propose only days the gate accepts.
     */
    public Optional<BookingRefusedException> dayRefusal(
            String appointmentId,
            @Nullable String planId,
            int sessionNumber,
            SpacingPolicy spacing,
            LocalDate day,
            ZoneId zone) {
        Optional<PatientSchedule.Entry> sameDay = schedule.onDay(day, zone, appointmentId);
        if (sameDay.isPresent()) {
            return refuse(BookingRule.SAME_DAY, "the patient already has an infusion on " + day);
        }
        if (planId == null) {
            return Optional.empty();
        }
        if (!spacing.allowsDay(day)) {
            return refuse(BookingRule.SPACING, "the plan's sessions fall on weekdays only, and " + day + " is not");
        }
        PatientSchedule others = schedule.without(List.of(appointmentId));
        Optional<PatientSchedule.Entry> before = others.before(planId, sessionNumber);
        Optional<PatientSchedule.Entry> after = others.after(planId, sessionNumber);
        LocalDate previous = before.map(e -> e.day(zone)).orElse(null);
        LocalDate next = after.map(e -> e.day(zone)).orElse(null);
        if (previous != null && !previous.isBefore(day)) {
            return refuse(
                    BookingRule.ORDER,
                    "session " + sessionNumber + " must come after session "
                            + before.get().sessionNumber() + " (" + previous + ")");
        }
        if (next != null && !day.isBefore(next)) {
            return refuse(
                    BookingRule.ORDER,
                    "session " + sessionNumber + " must come before session "
                            + after.get().sessionNumber() + " (" + next + ")");
        }
        if (previous != null) {
            int gap = spacing.gap(previous, day);
            if (gap < spacing.minGap()) {
                return refuse(
                        BookingRule.SPACING,
                        "session " + sessionNumber + " must be at least " + spacing.minGap() + unit(spacing)
                                + " after session " + before.get().sessionNumber() + " (" + previous + ")");
            }
            boolean consecutive = before.get().sessionNumber() == sessionNumber - 1;
            if (consecutive && gap > spacing.maxGap() && maximumStillReachable(spacing, previous, zone)) {
                return refuse(
                        BookingRule.SPACING,
                        "session " + sessionNumber + " must be at most " + spacing.maxGap() + unit(spacing)
                                + " after session " + before.get().sessionNumber() + " (" + previous + ")");
            }
        }
        if (next != null) {
            int gap = spacing.gap(day, next);
            if (gap < spacing.minGap()) {
                return refuse(
                        BookingRule.SPACING,
                        "session " + sessionNumber + " must be at least " + spacing.minGap() + unit(spacing)
                                + " before session " + after.get().sessionNumber() + " (" + next + ")");
            }
            if (after.get().sessionNumber() == sessionNumber + 1 && gap > spacing.maxGap()) {
                return refuse(
                        BookingRule.SPACING,
                        "session " + sessionNumber + " must be at most " + spacing.maxGap() + unit(spacing)
                                + " before session " + after.get().sessionNumber() + " (" + next + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether the last day that keeps the maximum after {@code previous} is today or later. */
    private boolean maximumStillReachable(SpacingPolicy spacing, LocalDate previous, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        return !spacing.latestAfter(previous).isBefore(today);
    }

    private static Optional<BookingRefusedException> openingHours(Placement p) {
        boolean open = p.calendar().openIntervals(p.day()).stream()
                .anyMatch(interval -> interval.contains(p.startsAt(), p.endsAt()));
        return open
                ? Optional.empty()
                : refuse(
                        BookingRule.OUTSIDE_OPENING_HOURS,
                        "the " + (p.infusion() ? "session with its observation time" : "consultation")
                                + " does not fit within the site's opening hours");
    }

    private static String unit(SpacingPolicy spacing) {
        return spacing.weekdaysOnly() ? " weekday(s)" : " day(s)";
    }

    private static Optional<BookingRefusedException> refuse(BookingRule rule, String message) {
        return Optional.of(new BookingRefusedException(rule, message));
    }
}
