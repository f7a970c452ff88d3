package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 30-day, 90-day and all-time windows: a figure falls in a window by the business time its
 * calculator names, the window ends at the "now" it is given (the injected clock's), and the time
 * monitoring recorded an event never matters.
 */
class IndicatorWindowsTest {

    final IndicatorPolicy policy = IndicatorPolicy.defaults();

    SiteIndicators siteA(List<RecordedEvent> events, Instant now) {
        IndicatorProjection projection = new IndicatorProjection(policy);
        events.forEach(projection::apply);
        return projection.snapshot(now).site("site_a").orElseThrow();
    }

    @Test
    void aWindowHoldsTheTimesAfterItsStartUpToNow() {
        long now = Times.nanos(ClinicHistory.NOW);
        long day = Duration.ofDays(1).toNanos();

        assertThat(Window.LAST_30_DAYS.contains(now, now)).isTrue();
        assertThat(Window.LAST_30_DAYS.contains(now - 30 * day + 1, now)).isTrue();
        assertThat(Window.LAST_30_DAYS.contains(now - 30 * day, now))
                .as("30 days ago exactly")
                .isFalse();
        assertThat(Window.LAST_30_DAYS.contains(now + 1, now))
                .as("a future time")
                .isFalse();
        assertThat(Window.LAST_90_DAYS.contains(now - 89 * day, now)).isTrue();
        assertThat(Window.LAST_90_DAYS.contains(now - 90 * day, now)).isFalse();
        assertThat(Window.ALL_TIME.contains(Long.MIN_VALUE, now)).isTrue();
        assertThat(Window.ALL_TIME.contains(Long.MAX_VALUE, now)).isTrue();
        assertThat(List.of(Window.values())).extracting(Window::label).containsExactly("30d", "90d", "all");
    }

    @Test
    void anOldBacklogDoesNotHideTheLastMonthsAccess() {
        // the history's now is day 50: the last 30 days are days 20 to 50
        SiteIndicators a = siteA(ClinicHistory.events(), ClinicHistory.NOW);

        // all time: p_1 started on day 10 (in time); p_2 and p_5 missed the 42-day target on day 42
        assertThat(a.access(Window.ALL_TIME).startedWithinTarget()).isEqualTo(new Ratio(1, 3));
        // last 30 days: only the two misses of day 42 were decided then
        assertThat(a.access(Window.LAST_30_DAYS).startedWithinTarget()).isEqualTo(new Ratio(0, 2));
        assertThat(a.access(Window.LAST_90_DAYS).startedWithinTarget()).isEqualTo(new Ratio(1, 3));
        // consultations on days 2 and 3, the first infusion on day 10: none in the last 30 days
        assertThat(a.access(Window.ALL_TIME).requestToConsultationDays()).containsExactly(2.0, 3.0);
        assertThat(a.access(Window.LAST_30_DAYS).requestToConsultationDays()).isEmpty();
        assertThat(a.access(Window.LAST_30_DAYS).requestToFirstInfusionDays()).isEmpty();
        // urgent: p_2 seen on day 2, p_5's 72 hours ran out on day 3
        assertThat(a.access(Window.ALL_TIME).urgentSeenWithinTarget()).isEqualTo(new Ratio(1, 2));
        assertThat(a.access(Window.LAST_30_DAYS).urgentSeenWithinTarget()).isEqualTo(Ratio.NONE);
    }

    @Test
    void safetyAffordabilityAndOutcomesFallInTheWindowOfTheirBusinessTime() {
        SiteIndicators a = siteA(ClinicHistory.events(), ClinicHistory.NOW);

        // the adverse event (day 10), both infusions (days 10 and 12), the invoices (day 12) and
        // the course's end (day 12) are older than 30 days and within 90
        assertThat(a.safety(Window.LAST_30_DAYS).adverseEventsPerInfusion()).isEqualTo(Ratio.NONE);
        assertThat(a.safety(Window.LAST_90_DAYS).adverseEventsPerInfusion()).isEqualTo(new Ratio(1, 2));
        assertThat(a.safety(Window.LAST_30_DAYS).adverseEventsTotal()).isZero();
        assertThat(a.affordability(Window.LAST_30_DAYS).outOfPocketPerSession()).isEmpty();
        assertThat(a.affordability(Window.LAST_30_DAYS).collection()).isEqualTo(Ratio.NONE);
        assertThat(a.affordability(Window.LAST_90_DAYS).outOfPocketPerCourse()).hasSize(1);
        assertThat(a.outcomes(Window.LAST_30_DAYS).depressionCoursesEvaluated()).isZero();
        assertThat(a.outcomes(Window.LAST_90_DAYS).depressionCoursesEvaluated()).isEqualTo(1);
        // the counters and the backlog know no window
        assertThat(a.throughput().infusionsCompleted()).isEqualTo(2);
        assertThat(a.backlog().waitingListPatients()).isEqualTo(2);
    }

    @Test
    void theWindowEndsAtTheNowItIsGiven() {
        // 100 days after the first events nothing is left in the 90-day window
        SiteIndicators later = siteA(ClinicHistory.events(), ClinicHistory.T0.plus(Duration.ofDays(140)));

        assertThat(later.safety(Window.LAST_90_DAYS).adverseEventsPerInfusion()).isEqualTo(Ratio.NONE);
        assertThat(later.safety(Window.ALL_TIME).adverseEventsPerInfusion()).isEqualTo(new Ratio(1, 2));
    }

    @Test
    void theTimeAnEventWasRecordedNeverMovesAFigure() {
        List<RecordedEvent> recordedLate = ClinicHistory.events().stream()
                .map(e -> new RecordedEvent(e.id(), ClinicHistory.NOW.plus(Duration.ofDays(400)), e.event()))
                .toList();

        IndicatorProjection asProduced = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(asProduced::apply);
        IndicatorProjection replayedLater = new IndicatorProjection(policy);
        recordedLate.forEach(replayedLater::apply);

        assertThat(replayedLater.snapshot(ClinicHistory.NOW)).isEqualTo(asProduced.snapshot(ClinicHistory.NOW));
    }
}
