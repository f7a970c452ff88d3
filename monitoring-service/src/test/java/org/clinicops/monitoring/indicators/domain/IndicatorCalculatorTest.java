package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.Condition;
import org.clinicops.events.PayerType;
import org.junit.jupiter.api.Test;

class IndicatorCalculatorTest {

    final IndicatorCalculator calculator = new IndicatorCalculator(IndicatorPolicy.defaults());

    SiteIndicators siteA(List<RecordedEvent> events) {
        return calculator.compute(events, ClinicHistory.NOW).site("site_a").orElseThrow();
    }

    @Test
    void countsThroughputOncePerBusinessObject() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.throughput().consultationRequests()).isEqualTo(5);
        assertThat(a.throughput().consultationRequestsByCondition())
                .containsEntry(Condition.TREATMENT_RESISTANT_DEPRESSION, 2L)
                .containsEntry(Condition.PTSD, 1L);
        assertThat(a.throughput().consultationsScheduled()).isEqualTo(2);
        assertThat(a.throughput().infusionsScheduled()).isEqualTo(2);
        assertThat(a.throughput().infusionsCompleted()).isEqualTo(2);
        assertThat(a.throughput().noShows()).isEqualTo(1);
        assertThat(a.throughput().cancellations()).isEqualTo(1);
        assertThat(a.throughput().lateCancellations()).isEqualTo(1);
    }

    @Test
    void measuresAccessFromRequestToConsultationAndFirstInfusion() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.access(Window.ALL_TIME).requestToConsultationDays()).containsExactly(2.0, 3.0);
        assertThat(a.access(Window.ALL_TIME).requestToFirstInfusionDays()).containsExactly(10.0);
        assertThat(SiteIndicators.percentile(a.access(Window.ALL_TIME).requestToConsultationDays(), 50))
                .isEqualTo(2.0);
        assertThat(SiteIndicators.percentile(a.access(Window.ALL_TIME).requestToConsultationDays(), 90))
                .isEqualTo(3.0);
        // p_1 started on day 10; p_2 and p_5 wait past 42 days; p_3 was declined; p_4 asked yesterday
        assertThat(a.access(Window.ALL_TIME).startedWithinTarget().value()).isCloseTo(1.0 / 3, within(1e-9));
        // p_4 and p_5 have no consultation yet; p_3 was declined
        assertThat(a.backlog().waitingListPatients()).isEqualTo(2);
        // p_2 was seen on day 2, p_5 is still waiting after 72 hours
        assertThat(a.access(Window.ALL_TIME).urgentSeenWithinTarget().denominator())
                .isEqualTo(2);
        assertThat(a.access(Window.ALL_TIME).urgentSeenWithinTarget().value()).isEqualTo(0.5);
    }

    @Test
    void measuresAffordability() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.affordability(Window.ALL_TIME).outOfPocketPerSession())
                .containsExactly(new BigDecimal("400"), new BigDecimal("500"));
        assertThat(a.affordability(Window.ALL_TIME).outOfPocketPerCourse()).containsExactly(new BigDecimal("900"));
        assertThat(a.affordability(Window.ALL_TIME).assistedPatients().value()).isEqualTo(1.0);
        assertThat(a.affordability(Window.ALL_TIME).averageDiscount()).isEqualByComparingTo("100");
        assertThat(a.affordability(Window.ALL_TIME).discount().value()).isCloseTo(0.1, within(1e-9));
        assertThat(a.affordability(Window.ALL_TIME).collection().value()).isCloseTo(350.0 / 900, within(1e-9));
        assertThat(a.affordability(Window.ALL_TIME).outstandingBalance()).isEqualByComparingTo("550");
        assertThat(a.backlog().payerMix())
                .containsEntry(PayerType.SELF_PAY, 3L)
                .containsEntry(PayerType.INSURANCE, 1L)
                .containsEntry(PayerType.OUT_OF_NETWORK, 1L);
    }

    @Test
    void measuresSafetyAndDepressionOutcomes() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.safety(Window.ALL_TIME).adverseEvents().get(3)).containsEntry(AdverseEventCategory.HEADACHE, 1L);
        assertThat(a.safety(Window.ALL_TIME).adverseEventsTotal()).isEqualTo(1);
        assertThat(a.safety(Window.ALL_TIME).adverseEventsPer100Infusions()).isEqualTo(50.0);
        assertThat(a.safety(Window.ALL_TIME).vitalsAlertsByRule())
                .containsEntry("SPO2_LOW", 1L)
                .containsEntry("BP_SEVERE", 0L);
        assertThat(a.backlog().clinicalHoldsOpen()).isEqualTo(1);
        // PHQ-9 20 at screening, 4 at the last session: a response and a remission
        assertThat(a.outcomes(Window.ALL_TIME).depressionCoursesEvaluated()).isEqualTo(1);
        assertThat(a.outcomes(Window.ALL_TIME).responseRate()).isEqualTo(1.0);
        assertThat(a.outcomes(Window.ALL_TIME).remissionRate()).isEqualTo(1.0);
    }

    @Test
    void givesTheSameFiguresForRedeliveredAndReorderedEvents() {
        List<RecordedEvent> once = ClinicHistory.events();
        List<RecordedEvent> messy = new ArrayList<>(once);
        messy.addAll(once.subList(0, 10)); // redelivered with the same ce_id
        RecordedEvent adverse = once.stream()
                .filter(e -> e.event() instanceof AdverseEventReported)
                .findFirst()
                .orElseThrow();
        messy.add(new RecordedEvent("evt_republished", adverse.time(), adverse.event())); // a new ce_id
        Collections.shuffle(messy, new Random(7));

        assertThat(calculator.compute(messy, ClinicHistory.NOW)).isEqualTo(calculator.compute(once, ClinicHistory.NOW));
    }

    @Test
    void aSiteKnownOnlyFromSiteUpdatedHasEveryIndicatorAtZero() {
        SiteIndicators b = calculator
                .compute(ClinicHistory.events(), ClinicHistory.NOW)
                .site("site_b")
                .orElseThrow();

        assertThat(b.throughput().consultationRequests()).isZero();
        assertThat(b.backlog().waitingListPatients()).isZero();
        assertThat(b.safety(Window.ALL_TIME).adverseEventsPer100Infusions()).isZero();
        assertThat(b.outcomes(Window.ALL_TIME).responseRate()).isZero();
        assertThat(b.backlog().payerMix()).containsEntry(PayerType.SELF_PAY, 0L);
        assertThat(b.safety(Window.ALL_TIME).adverseEvents().get(5)).containsEntry(AdverseEventCategory.OTHER, 0L);
    }

    @Test
    void aCourseWithoutADropOfHalfIsNeitherResponseNorRemission() {
        List<RecordedEvent> events = new ArrayList<>(ClinicHistory.events());
        events.replaceAll(e -> e.event() instanceof org.clinicops.events.SessionCompleted s && s.courseCompleted()
                ? new RecordedEvent(
                        e.id(), e.time(), ClinicHistory.session("apt_s2", 2, true, 11, ClinicHistory.day(12)))
                : e);

        SiteIndicators a = siteA(events);

        assertThat(a.outcomes(Window.ALL_TIME).depressionCoursesEvaluated()).isEqualTo(1);
        assertThat(a.outcomes(Window.ALL_TIME).responseRate()).isZero();
        assertThat(a.outcomes(Window.ALL_TIME).remissionRate()).isZero();
    }

    @Test
    void exactlyHalfTheBaselineIsAResponse() {
        List<RecordedEvent> events = new ArrayList<>(ClinicHistory.events());
        events.replaceAll(e -> e.event() instanceof org.clinicops.events.SessionCompleted s && s.courseCompleted()
                ? new RecordedEvent(
                        e.id(), e.time(), ClinicHistory.session("apt_s2", 2, true, 10, ClinicHistory.day(12)))
                : e);

        assertThat(siteA(events).outcomes(Window.ALL_TIME).responseRate()).isEqualTo(1.0);
        assertThat(siteA(events).outcomes(Window.ALL_TIME).remissionRate()).isZero();
    }
}
