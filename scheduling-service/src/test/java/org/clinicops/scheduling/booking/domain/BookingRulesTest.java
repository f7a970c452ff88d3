package org.clinicops.scheduling.booking.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.scheduling.sites.domain.SiteCalendar;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private static final SiteCalendar CALENDAR =
            Fixtures.everyDay(Fixtures.NEW_YORK, LocalTime.of(8, 0), LocalTime.of(18, 0));
    // Monday 7 December 2026
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOW = at(MONDAY.minusDays(3), 7);
    private static final SpacingPolicy TWO_TO_FOUR = new SpacingPolicy(2, 4, false);
    private static final Duration LENGTH = Duration.ofMinutes(160);

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(Fixtures.NEW_YORK).toInstant();
    }

    private static Appointment session(String planId, int n, LocalDate day, SpacingPolicy spacing) {
        Instant start = at(day, 9);
        return Appointment.scheduleSession(
                new InfusionPlan(
                        planId, Protocol.DEPRESSION_INDUCTION, Route.IV_INFUSION, 6, 40, 120, BigDecimal.TEN, true),
                spacing,
                "p_1",
                "bos",
                n,
                new Slot(start, start.plus(LENGTH), null, "bos-1", List.of()),
                "evt",
                NOW);
    }

    private static Placement placement(String planId, int n, LocalDate day, SpacingPolicy spacing) {
        Instant start = at(day, 9);
        return new Placement(
                Appointment.sessionId(planId, n),
                AppointmentType.INFUSION,
                planId,
                n,
                spacing,
                start,
                start.plus(LENGTH),
                CALENDAR);
    }

    private static BookingRules rules(boolean held, Instant now, Appointment... booked) {
        return new BookingRules(PatientSchedule.of(List.of(booked)), held, now);
    }

    private static Optional<BookingRule> refusal(BookingRules rules, Placement placement) {
        return rules.refusal(placement).map(BookingRefusedException::rule);
    }

    @Test
    void refusesEveryInfusionWhileThePatientIsHeld() {
        assertThat(refusal(rules(true, NOW), placement("plan_1", 1, MONDAY, TWO_TO_FOUR)))
                .hasValue(BookingRule.PATIENT_ON_HOLD);
        assertThat(refusal(rules(false, NOW), placement("plan_1", 1, MONDAY, TWO_TO_FOUR)))
                .isEmpty();
    }

    @Test
    void aConsultationIsNotAnInfusionAndOnlyNeedsOpeningHours() {
        Instant start = at(MONDAY, 9);
        Placement consultation = new Placement(
                "apt_c_1",
                AppointmentType.CONSULTATION,
                null,
                0,
                SpacingPolicy.UNKNOWN,
                start,
                start.plus(Duration.ofMinutes(45)),
                CALENDAR);

        assertThat(refusal(rules(true, NOW), consultation)).isEmpty();
        assertThat(refusal(rules(true, NOW), consultation.at(at(MONDAY, 17).plus(Duration.ofMinutes(30)))))
                .hasValue(BookingRule.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void refusesASessionWhoseObservationRunsPastClosing() {
        Placement late = placement("plan_1", 1, MONDAY, TWO_TO_FOUR).at(at(MONDAY, 16));

        assertThat(refusal(rules(false, NOW), late)).hasValue(BookingRule.OUTSIDE_OPENING_HOURS);
    }

    @Test
    void neverTwoInfusionsOfThePatientOnOneLocalDayWhateverThePlan() {
        BookingRules rules = rules(false, NOW, session("plan_other", 1, MONDAY, TWO_TO_FOUR));

        assertThat(refusal(rules, placement("plan_1", 1, MONDAY, TWO_TO_FOUR).at(at(MONDAY, 14))))
                .hasValue(BookingRule.SAME_DAY);
        assertThat(refusal(rules, placement("plan_1", 1, MONDAY.plusDays(1), TWO_TO_FOUR)))
                .isEmpty();
    }

    @Test
    void keepsTheMinimumAndTheMaximumAfterThePreviousSession() {
        BookingRules rules = rules(false, NOW, session("plan_1", 1, MONDAY, TWO_TO_FOUR));

        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(1), TWO_TO_FOUR)))
                .hasValue(BookingRule.SPACING);
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(2), TWO_TO_FOUR)))
                .isEmpty();
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(4), TWO_TO_FOUR)))
                .isEmpty();
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(5), TWO_TO_FOUR)))
                .hasValue(BookingRule.SPACING);
    }

    @Test
    void afterAPredecessorWhoseWindowHasPassedOnlyTheMinimumHolds() {
        // session 1 was on Monday; it is now the next Monday: the 2-4 day window is long gone
        Instant weekLater = at(MONDAY.plusDays(7), 7);
        BookingRules rules = rules(false, weekLater, session("plan_1", 1, MONDAY, TWO_TO_FOUR));

        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(8), TWO_TO_FOUR)))
                .isEmpty();
    }

    @Test
    void keepsThePlansOrder() {
        BookingRules rules = rules(
                false,
                NOW,
                session("plan_1", 1, MONDAY, TWO_TO_FOUR),
                session("plan_1", 2, MONDAY.plusDays(3), TWO_TO_FOUR),
                session("plan_1", 3, MONDAY.plusDays(6), TWO_TO_FOUR));

        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.minusDays(2), TWO_TO_FOUR)))
                .hasValue(BookingRule.ORDER);
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(8), TWO_TO_FOUR)))
                .hasValue(BookingRule.ORDER);
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(4), TWO_TO_FOUR)))
                .as("two days after 1 and two before 3")
                .isEmpty();
        assertThat(refusal(rules, placement("plan_1", 2, MONDAY.plusDays(5), TWO_TO_FOUR)))
                .as("only one day before session 3")
                .hasValue(BookingRule.SPACING);
    }

    @Test
    void movingASessionEarlyMayNotLeaveTooLongAGapBeforeTheNext() {
        BookingRules rules = rules(false, NOW, session("plan_1", 2, MONDAY.plusDays(6), TWO_TO_FOUR));

        assertThat(refusal(rules, placement("plan_1", 1, MONDAY, TWO_TO_FOUR))).hasValue(BookingRule.SPACING);
        assertThat(refusal(rules, placement("plan_1", 1, MONDAY.plusDays(2), TWO_TO_FOUR)))
                .isEmpty();
    }

    @Test
    void aCancelledNeighbourNoLongerCounts() {
        Appointment cancelled = session("plan_1", 1, MONDAY, TWO_TO_FOUR);
        cancelled.cancel(org.clinicops.events.InfusionCancelled.Reason.PATIENT_REQUEST, Duration.ofHours(24), "e", NOW);

        assertThat(refusal(rules(false, NOW, cancelled), placement("plan_1", 2, MONDAY, TWO_TO_FOUR)))
                .isEmpty();
    }

    @Test
    void aWeekdaysOnlyPlanCountsWeekdaysAndRefusesWeekends() {
        SpacingPolicy daily = new SpacingPolicy(1, 1, true);
        LocalDate friday = MONDAY.plusDays(4);
        BookingRules rules = rules(false, NOW, session("plan_pain", 1, friday, daily));

        assertThat(refusal(rules, placement("plan_pain", 2, friday.plusDays(1), daily)))
                .hasValue(BookingRule.SPACING);
        assertThat(refusal(rules, placement("plan_pain", 2, friday.plusDays(3), daily)))
                .as("Friday then Monday: consecutive weekdays")
                .isEmpty();
    }

    @Test
    void aSeriesIsCheckedSessionBySession() {
        BookingRules rules = rules(false, NOW);
        List<Placement> series = new ArrayList<>();
        series.add(placement("plan_1", 1, MONDAY, TWO_TO_FOUR));
        series.add(placement("plan_1", 2, MONDAY.plusDays(1), TWO_TO_FOUR));

        assertThat(rules.refusal(series.get(0))).isEmpty();
        assertThat(refusal(rules.with(series.get(0)), series.get(1))).hasValue(BookingRule.SPACING);
    }
}
