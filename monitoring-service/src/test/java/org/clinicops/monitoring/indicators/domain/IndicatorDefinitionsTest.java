package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clinicops.monitoring.indicators.domain.ClinicHistory.day;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentPlanApproved;
import org.junit.jupiter.api.Test;

/**
 * The definition of every indicator, on the known history and on one small case per rule that was
 * corrected (issue 18). The facts the coming lifecycle events will fill (withdrawn requests,
 * cancelled or missed consultations, voided and adjusted invoices) are set directly, as their fold
 * cases will.
 */
class IndicatorDefinitionsTest {

    static final Window ALL = Window.ALL_TIME;
    final IndicatorPolicy policy = IndicatorPolicy.defaults();

    SiteIndicators siteA(List<RecordedEvent> events) {
        IndicatorProjection projection = new IndicatorProjection(policy);
        events.forEach(projection::apply);
        return projection.snapshot(ClinicHistory.NOW).site("site_a").orElseThrow();
    }

    static List<RecordedEvent> facts(ClinicEvent... events) {
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            recorded.add(new RecordedEvent("evt_case_" + i, ClinicHistory.T0, events[i]));
        }
        return recorded;
    }

    static ClinicFacts folded(List<RecordedEvent> events) {
        ClinicFacts facts = new ClinicFacts();
        EventFold fold = new EventFold(facts);
        events.forEach(fold::apply);
        return facts;
    }

    SiteIndicators siteA(ClinicFacts facts) {
        return IndicatorProjection.restore(facts.document(), policy)
                .snapshot(ClinicHistory.NOW)
                .site("site_a")
                .orElseThrow();
    }

    // --- the known history ---------------------------------------------------------------------

    @Test
    void countsThroughputOncePerBusinessObject() {
        Throughput t = siteA(ClinicHistory.events()).throughput();

        assertThat(t.consultationRequests()).isEqualTo(5);
        assertThat(t.consultationRequestsByCondition())
                .containsEntry(Condition.TREATMENT_RESISTANT_DEPRESSION, 2L)
                .containsEntry(Condition.PTSD, 1L);
        assertThat(t.consultationsScheduled()).isEqualTo(2);
        assertThat(t.consultationsCompleted()).isEqualTo(2);
        assertThat(t.infusionsScheduled()).isEqualTo(2);
        assertThat(t.infusionsCompleted()).isEqualTo(2);
        assertThat(t.noShows()).isEqualTo(1);
        assertThat(t.cancellations()).isEqualTo(1);
        assertThat(t.cancellationsByReason())
                .containsEntry(InfusionCancelled.Reason.PATIENT_REQUEST, 1L)
                .containsEntry(InfusionCancelled.Reason.CLINICAL_HOLD, 0L);
        assertThat(t.lateCancellations()).isEqualTo(1);
    }

    @Test
    void measuresAccessFromRequestToTheConsultationThatTookPlaceAndToTheFirstInfusion() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.access(ALL).requestToConsultationDays()).containsExactly(2.0, 3.0);
        assertThat(a.access(ALL).requestToFirstInfusionDays()).containsExactly(10.0);
        // p_1 started on day 10; p_2 and p_5 wait past 42 days; p_3 was declined; p_4 asked yesterday
        assertThat(a.access(ALL).startedWithinTarget()).isEqualTo(new Ratio(1, 3));
        // p_4 and p_5 have no consultation yet; p_3 was declined
        assertThat(a.backlog().waitingListPatients()).isEqualTo(2);
        // p_2 was seen (consultation completed) on day 2, p_5 is still waiting after 72 hours
        assertThat(a.access(ALL).urgentSeenWithinTarget()).isEqualTo(new Ratio(1, 2));
        // one session missed among the three due (two completed); one late cancellation among four
        assertThat(a.access(ALL).noShows()).isEqualTo(new Ratio(1, 3));
        assertThat(a.access(ALL).lateCancellations()).isEqualTo(new Ratio(1, 4));
    }

    @Test
    void measuresAffordability() {
        SiteIndicators a = siteA(ClinicHistory.events());
        Affordability f = a.affordability(ALL);

        assertThat(f.outOfPocketPerSession()).containsExactly(new BigDecimal("400"), new BigDecimal("500"));
        assertThat(f.outOfPocketPerCourse()).containsExactly(new BigDecimal("900"));
        assertThat(f.assistedPatients()).isEqualTo(new Ratio(1, 1));
        assertThat(f.averageDiscount()).isEqualTo(new Ratio(100, 1));
        assertThat(f.discount()).isEqualTo(new Ratio(100, 1000));
        assertThat(f.collection()).isEqualTo(new Ratio(350, 900));
        assertThat(f.outstandingBalance()).isEqualByComparingTo("550");
        assertThat(a.backlog().payerMix())
                .containsEntry(PayerType.SELF_PAY, 3L)
                .containsEntry(PayerType.INSURANCE, 1L)
                .containsEntry(PayerType.OUT_OF_NETWORK, 1L);
    }

    @Test
    void measuresSafetyAndDepressionOutcomes() {
        SiteIndicators a = siteA(ClinicHistory.events());

        assertThat(a.safety(ALL).adverseEvents().get(3)).containsEntry(AdverseEventCategory.HEADACHE, 1L);
        assertThat(a.safety(ALL).adverseEventsTotal()).isEqualTo(1);
        assertThat(a.safety(ALL).adverseEventsPer100Infusions()).isEqualTo(50.0);
        assertThat(a.safety(ALL).vitalsAlertsByRule())
                .containsEntry("SPO2_LOW", 1L)
                .containsEntry("BP_SEVERE", 0L);
        assertThat(a.backlog().clinicalHoldsOpen()).isEqualTo(1);
        // PHQ-9 20 at screening, 4 at the last of the two planned sessions: a response and a remission
        assertThat(a.outcomes(ALL).response()).isEqualTo(new Ratio(1, 1));
        assertThat(a.outcomes(ALL).remission()).isEqualTo(new Ratio(1, 1));
    }

    @Test
    void aSiteKnownOnlyFromSiteUpdatedHasEveryIndicatorAtZero() {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);
        SiteIndicators b = projection.snapshot(ClinicHistory.NOW).site("site_b").orElseThrow();

        assertThat(b.throughput().consultationRequests()).isZero();
        assertThat(b.backlog().waitingListPatients()).isZero();
        assertThat(b.safety(ALL).adverseEventsPer100Infusions()).isZero();
        assertThat(b.outcomes(ALL).response()).isEqualTo(Ratio.NONE);
        assertThat(b.backlog().payerMix()).containsEntry(PayerType.SELF_PAY, 0L);
        assertThat(b.safety(ALL).adverseEvents().get(5)).containsEntry(AdverseEventCategory.OTHER, 0L);
    }

    // --- holds are not cancellations -----------------------------------------------------------

    static InfusionCancelled cancelled(String apt, InfusionCancelled.Reason reason, boolean late, boolean onHold) {
        return new InfusionCancelled(apt, "plan_1", "p_1", "site_a", 1, day(10), reason, late, onHold, day(9.5));
    }

    @Test
    void aSessionHeldRebookedAndCompletedIsNoCancellation() {
        SiteIndicators a = siteA(facts(
                cancelled("apt_h", InfusionCancelled.Reason.CLINICAL_HOLD, true, true),
                ClinicHistory.session("apt_h", 1, false, 12, day(11)),
                cancelled("apt_c", InfusionCancelled.Reason.ILLNESS, true, false)));

        assertThat(a.throughput().cancellations()).isEqualTo(1);
        assertThat(a.throughput().cancellationsByReason())
                .containsEntry(InfusionCancelled.Reason.CLINICAL_HOLD, 1L)
                .containsEntry(InfusionCancelled.Reason.ILLNESS, 1L);
        assertThat(a.throughput().lateCancellations())
                .as("the hold was late, yet no cancellation")
                .isEqualTo(1);
        // the late cancellation among the held-then-completed session and itself
        assertThat(a.access(ALL).lateCancellations()).isEqualTo(new Ratio(1, 2));
    }

    // --- outcomes ------------------------------------------------------------------------------

    static PatientScreened screened(int phq9) {
        return new PatientScreened(
                "req_1",
                "p_1",
                "site_a",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                phq9,
                "BAND",
                false,
                null,
                null,
                null,
                null,
                true,
                PatientScreened.Eligibility.ELIGIBLE,
                List.of(),
                false,
                day(1));
    }

    static TreatmentPlanApproved plan(int sessions) {
        return new TreatmentPlanApproved(
                "plan_1",
                "req_1",
                "p_1",
                "site_a",
                "cl_1",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                sessions,
                1,
                7,
                true,
                40,
                80,
                new BigDecimal("0.5"),
                new BigDecimal("35"),
                true,
                PayerType.SELF_PAY,
                false,
                day(2));
    }

    @Test
    void remissionNeedsABaselineOfTenOrMoreAndResponseABaseline() {
        // baseline 8 (mild), last 3: a response (3 <= 4), no remission to count (it started below 10)
        SiteIndicators mild = siteA(facts(
                screened(8),
                plan(2),
                ClinicHistory.session("apt_1", 1, false, 6, day(10)),
                ClinicHistory.session("apt_2", 2, true, 3, day(12))));
        assertThat(mild.outcomes(ALL).response()).isEqualTo(new Ratio(1, 1));
        assertThat(mild.outcomes(ALL).remission()).isEqualTo(Ratio.NONE);

        // no screening at all: no baseline, nothing evaluated
        SiteIndicators noBaseline = siteA(facts(
                plan(2),
                ClinicHistory.session("apt_1", 1, false, 6, day(10)),
                ClinicHistory.session("apt_2", 2, true, 3, day(12))));
        assertThat(noBaseline.outcomes(ALL).depressionCoursesEvaluated()).isZero();
    }

    @Test
    void aCourseCutShortIsNotACompletedCourseWhateverItsLastSessionSays() {
        // three planned, two completed (the second marked as the course's last), the third cancelled
        SiteIndicators a = siteA(facts(
                screened(20),
                plan(3),
                ClinicHistory.session("apt_1", 1, false, 12, day(10)),
                ClinicHistory.session("apt_2", 2, true, 4, day(12)),
                cancelled("apt_3", InfusionCancelled.Reason.PATIENT_REQUEST, false, false)));

        assertThat(a.outcomes(ALL).depressionCoursesEvaluated()).isZero();
        assertThat(a.affordability(ALL).outOfPocketPerCourse()).isEmpty();
    }

    @Test
    void sessionScoresOutsideTheirScaleAreDropped() {
        ClinicFacts facts = folded(facts(
                withScore("apt_phq", SymptomScale.PHQ9, 28),
                withScore("apt_gad", SymptomScale.GAD7, 22),
                withScore("apt_pcl", SymptomScale.PCL5, 80),
                withScore("apt_pain", SymptomScale.PAIN_NRS, 11),
                withScore("apt_ok", SymptomScale.GAD7, 21),
                screened(99)));

        assertThat(facts.completedInfusions.get("apt_phq").score()).isEqualTo(-1);
        assertThat(facts.completedInfusions.get("apt_gad").score()).isEqualTo(-1);
        assertThat(facts.completedInfusions.get("apt_pcl").score()).isEqualTo(80);
        assertThat(facts.completedInfusions.get("apt_pain").score()).isEqualTo(-1);
        assertThat(facts.completedInfusions.get("apt_ok").score()).isEqualTo(21);
        assertThat(facts.screenings.get("req_1").phq9())
                .as("a screening PHQ-9 of 99")
                .isEqualTo(-1);
    }

    static SessionCompleted withScore(String apt, SymptomScale scale, int score) {
        return new SessionCompleted(
                apt,
                "plan_1",
                "p_1",
                "site_a",
                "chair_1",
                1,
                2,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                new BigDecimal("35"),
                40,
                80,
                scale,
                score,
                false,
                day(10),
                day(10.1));
    }

    // --- access --------------------------------------------------------------------------------

    static ConsultationRequested request(String id, String patient, boolean urgent, Instant at) {
        return new ConsultationRequested(
                id,
                patient,
                "site_a",
                Condition.SUICIDAL_IDEATION,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                urgent,
                at);
    }

    static ConsultationScheduled booked(String apt, String request, String patient, Instant starts) {
        return new ConsultationScheduled(
                apt, request, patient, "site_a", "cl_1", false, day(0), starts, starts.plusSeconds(3600), day(0));
    }

    static ConsultationCompleted took(String apt, String request, String patient, Instant starts, Instant ended) {
        return new ConsultationCompleted(apt, request, patient, "site_a", "cl_1", starts, ended);
    }

    @Test
    void urgentSeenMeansTheConsultationTookPlaceWithin72Hours() {
        SiteIndicators a = siteA(facts(
                // seen: completed 70 hours after the request
                request("req_a", "p_a", true, day(0)),
                booked("apt_a", "req_a", "p_a", day(0).plusSeconds(3600 * 69)),
                took("apt_a", "req_a", "p_a", day(0).plusSeconds(3600 * 69), day(0).plusSeconds(3600 * 70)),
                // booked within 72 hours but never attended: not seen
                request("req_b", "p_b", true, day(0)),
                booked("apt_b", "req_b", "p_b", day(1)),
                // attended after 80 hours: seen late
                request("req_c", "p_c", true, day(0)),
                booked("apt_c", "req_c", "p_c", day(0).plusSeconds(3600 * 79)),
                took("apt_c", "req_c", "p_c", day(0).plusSeconds(3600 * 79), day(0).plusSeconds(3600 * 80))));

        assertThat(a.access(ALL).urgentSeenWithinTarget()).isEqualTo(new Ratio(1, 3));
    }

    @Test
    void requestToConsultationUsesTheConsultationThatTookPlace() {
        SiteIndicators a = siteA(facts(
                request("req_a", "p_a", false, day(0)),
                booked("apt_first", "req_a", "p_a", day(1)), // booked first, never took place
                booked("apt_second", "req_a", "p_a", day(5)),
                took("apt_second", "req_a", "p_a", day(5), day(5.05))));

        assertThat(a.access(ALL).requestToConsultationDays()).containsExactly(5.0);
    }

    @Test
    void aWithdrawnRequestOrOneWhoseConsultationWasLostLeavesOrRejoinsTheWaitingList() {
        ClinicFacts facts = folded(facts(
                request("req_w", "p_w", false, day(0)),
                request("req_l", "p_l", false, day(0)),
                booked("apt_l", "req_l", "p_l", day(2)),
                request("req_s", "p_s", false, day(0)),
                booked("apt_s", "req_s", "p_s", day(2))));
        // what the fold cases of consultation-request-withdrawn and consultation-cancelled store
        facts.withdrawnRequests.put("req_w", Times.nanos(day(1)));
        facts.lostConsultations.put("apt_l", new ClinicFacts.LostConsultation("site_a", "req_l", Times.nanos(day(1))));

        // p_w withdrew, p_s has a consultation booked, p_l's was cancelled: p_l waits again
        assertThat(siteA(facts).backlog().waitingListPatients()).isEqualTo(1);
    }

    // --- affordability -------------------------------------------------------------------------

    static InvoiceIssued invoice(
            String id,
            InvoiceIssued.Source source,
            String sourceId,
            String subtotal,
            String discount,
            boolean assisted,
            Instant at) {
        BigDecimal total = new BigDecimal(subtotal).subtract(new BigDecimal(discount));
        return new InvoiceIssued(
                id,
                "p_1",
                "site_a",
                PayerType.SELF_PAY,
                source,
                sourceId,
                "USD",
                List.of(),
                new BigDecimal(subtotal),
                new BigDecimal(discount),
                total,
                total,
                assisted,
                at);
    }

    static PaymentReceived paid(String id, String invoice, PaymentReceived.Method method, String amount) {
        return new PaymentReceived(
                id,
                invoice,
                "p_1",
                "site_a",
                PaymentReceived.Kind.PAYMENT,
                method,
                new BigDecimal(amount),
                "USD",
                BigDecimal.ZERO,
                day(20));
    }

    @Test
    void aPackagePriceIsSpreadOverTheSessionsItCoversAndIsNoDiscount() {
        SiteIndicators a = siteA(facts(
                invoice("inv_pkg", InvoiceIssued.Source.SERIES_PACKAGE, "pkg_1", "1200", "0", false, day(5)),
                invoice("inv_1", InvoiceIssued.Source.SESSION, "apt_1", "500", "500", false, day(10)),
                invoice("inv_2", InvoiceIssued.Source.SESSION, "apt_2", "500", "500", false, day(12)),
                invoice("inv_3", InvoiceIssued.Source.SESSION, "apt_3", "500", "500", false, day(14))));
        Affordability f = a.affordability(ALL);

        assertThat(f.outOfPocketPerSession())
                .containsExactly(new BigDecimal("400.00"), new BigDecimal("400.00"), new BigDecimal("400.00"));
        assertThat(f.discount()).as("only the package's subtotal: no discount").isEqualTo(new Ratio(0, 1200));
        assertThat(f.averageDiscount()).isEqualTo(Ratio.NONE);
    }

    @Test
    void anInsuredPatientPaysWhatTheInsurerDidNot() {
        SiteIndicators a = siteA(facts(
                invoice("inv_1", InvoiceIssued.Source.SESSION, "apt_1", "500", "0", false, day(10)),
                paid("pay_ins", "inv_1", PaymentReceived.Method.INSURANCE, "400"),
                paid("pay_card", "inv_1", PaymentReceived.Method.CARD, "100")));

        assertThat(a.affordability(ALL).outOfPocketPerSession()).containsExactly(new BigDecimal("100"));
        assertThat(a.affordability(ALL).collection())
                .as("collected from every payer")
                .isEqualTo(new Ratio(500, 500));
    }

    @Test
    void aVoidedInvoiceCountsNowhereAndAnAdjustedOneByItsLatestFigures() {
        ClinicFacts facts = folded(facts(
                invoice("inv_void", InvoiceIssued.Source.SESSION, "apt_1", "500", "0", false, day(10)),
                invoice("inv_adj", InvoiceIssued.Source.SESSION, "apt_2", "500", "0", false, day(12))));
        // what the fold cases of invoice-voided and invoice-adjusted store
        facts.voidedInvoices.put("inv_void", Times.nanos(day(11)));
        facts.invoiceAdjustments.put(
                "inv_adj",
                new ClinicFacts.InvoiceAdjustment(
                        new BigDecimal("200"),
                        new BigDecimal("300"),
                        new BigDecimal("300"),
                        true,
                        Times.nanos(day(13))));

        Affordability f = siteA(facts).affordability(ALL);

        assertThat(f.outOfPocketPerSession()).containsExactly(new BigDecimal("300"));
        assertThat(f.assistedPatients()).isEqualTo(new Ratio(1, 1));
        assertThat(f.discount()).isEqualTo(new Ratio(200, 500));
        assertThat(f.collection()).isEqualTo(new Ratio(0, 300));
    }
}
