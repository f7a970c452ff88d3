package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.clinicops.demo.SessionPlan.Course;
import org.clinicops.demo.SessionPlan.Kind;
import org.clinicops.demo.SessionPlan.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionPlanTest {

    private static final Instant START = Instant.parse("2027-03-15T14:00:00Z");

    @ParameterizedTest
    @CsvSource({"DEPRESSION_INDUCTION", "PAIN_SERIES", "ESKETAMINE_INDUCTION"})
    void aNormalSessionFollowsTheDischargeRules(String protocol) {
        int infusion = SessionPlan.infusionMinutes(protocol);
        int observation = SessionPlan.observationMinutes(protocol);
        List<Step> steps = SessionPlan.steps(START, infusion, observation, Course.NORMAL, true, true);

        assertThat(steps).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        Step checkIn = only(steps, Kind.CHECK_IN);
        assertThat(checkIn.at())
                .isAfterOrEqualTo(START.minus(Duration.ofHours(2)))
                .isBefore(START);
        assertThat(only(steps, Kind.START).at()).isEqualTo(START);
        Step complete = only(steps, Kind.COMPLETE);
        // observation after the infusion: at least scheduling's minimum (IV 60, nasal 120 minutes)
        int minimum = protocol.equals("ESKETAMINE_INDUCTION") ? 120 : 60;
        assertThat(complete.at()).isAfterOrEqualTo(START.plus(Duration.ofMinutes(infusion + minimum)));
        assertThat(steps.get(steps.size() - 1)).isEqualTo(complete);

        List<Instant> readings = steps.stream()
                .filter(s -> s.kind() == Kind.VITALS || s.kind() == Kind.SEVERE_VITALS)
                .map(Step::at)
                .toList();
        assertThat(readings.get(0)).isBetween(START, START.plus(Duration.ofMinutes(1)));
        for (int i = 1; i < readings.size(); i++) {
            assertThat(Duration.between(readings.get(i - 1), readings.get(i)))
                    .isLessThanOrEqualTo(Duration.ofMinutes(15));
        }
        Instant last = readings.get(readings.size() - 1);
        assertThat(Duration.between(last, complete.at())).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));

        // the dangerous reading's alert is closed before discharge, the side effect reported during the infusion
        assertThat(only(steps, Kind.CLOSE_ALERTS).at())
                .isAfter(only(steps, Kind.SEVERE_VITALS).at())
                .isBefore(complete.at());
        assertThat(only(steps, Kind.MILD_EVENT).at()).isAfter(START).isBefore(START.plus(Duration.ofMinutes(infusion)));
    }

    @Test
    void aSeriousEventStopsTheInfusionAndNothingIsCompleted() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.SERIOUS_EVENT, false, false);

        Step event = only(steps, Kind.SERIOUS_EVENT);
        Step stop = only(steps, Kind.STOP);
        assertThat(event.at()).isAfter(START);
        assertThat(stop.at()).isAfter(event.at()).isBefore(START.plus(Duration.ofMinutes(40)));
        assertThat(steps).extracting(Step::kind).doesNotContain(Kind.COMPLETE);
        assertThat(steps.get(steps.size() - 1)).isEqualTo(stop);
    }

    @Test
    void aSessionStoppedEarlyWithoutASeriousEventEndsWithTheStopAlone() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.STOPPED_EARLY, false, false);

        Step stop = only(steps, Kind.STOP);
        assertThat(stop.at()).isAfter(START).isBefore(START.plus(Duration.ofMinutes(40)));
        assertThat(steps).extracting(Step::kind).doesNotContain(Kind.COMPLETE, Kind.SERIOUS_EVENT);
        assertThat(steps.get(steps.size() - 1)).isEqualTo(stop);
    }

    @Test
    void theLastReadingBeforeDischargeLeavesTimeForItToReachScheduling() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.NORMAL, false, false);
        Step complete = only(steps, Kind.COMPLETE);
        Step last = steps.get(steps.size() - 2);

        assertThat(last.kind()).isEqualTo(Kind.VITALS);
        // within scheduling's 15 minutes, and minutes (seconds of real time at speed 120) before discharge
        assertThat(Duration.between(last.at(), complete.at()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(3))
                .isLessThanOrEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aNoShowIsRecordedOnlyOnceCheckInHasClosed() {
        assertThat(SessionPlan.steps(START, 40, 120, Course.NO_SHOW, false, false))
                .containsExactly(new Step(Kind.NO_SHOW, START.plus(Duration.ofMinutes(35))));
    }

    @Test
    void aLateCancellationComesUnderADayBeforeTheStart() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.LATE_CANCELLATION, false, false);

        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).kind()).isEqualTo(Kind.LATE_CANCEL);
        assertThat(steps.get(0).at()).isAfter(START.minus(Duration.ofHours(24))).isBefore(START);
    }

    @Test
    void atSpeed120AThreeHourSessionTakesNinetySecondsOfRealTime() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.NORMAL, false, false);
        Instant checkIn = steps.get(0).at();
        Instant complete = steps.get(steps.size() - 1).at();

        assertThat(DemoTime.realDelay(checkIn, complete, 120))
                .isEqualTo(Duration.ofMillis(90_500)); // 181 business minutes
        assertThat(DemoTime.realDelay(START, START.plus(SessionPlan.VITALS_EVERY), 120))
                .isEqualTo(Duration.ofMillis(7_500));
    }

    @Test
    void aLateStartMovesTheRestOfThePlanSoObservationStillLastsLongEnough() {
        List<Step> steps = SessionPlan.steps(START, 40, 120, Course.NORMAL, false, false);
        List<Step> rest = steps.subList(2, steps.size());
        Instant startedAt = START.plus(Duration.ofMinutes(7));

        List<Step> moved = SessionPlan.delayed(rest, START, startedAt);

        assertThat(only(moved, Kind.COMPLETE).at()).isAfterOrEqualTo(startedAt.plus(Duration.ofMinutes(40 + 120)));
        assertThat(SessionPlan.delayed(rest, START, START.minusSeconds(5))).isEqualTo(rest);
    }

    private static Step only(List<Step> steps, Kind kind) {
        List<Step> matching = steps.stream().filter(s -> s.kind() == kind).toList();
        assertThat(matching).as(kind.name()).hasSize(1);
        return matching.get(0);
    }
}
