package org.clinicops.monitoring.indicators.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;

/**
 * A known sequence of clinic events at site_a (and a quiet site_b), with the figures it must give
 * ({@code IndicatorDefinitionsTest}). Shared with the integration test that replays it through
 * Kafka.
 */
public final class ClinicHistory {

    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** "Now" for the figures: 50 days after the first requests. */
    public static final Instant NOW = T0.plus(Duration.ofDays(50));

    private ClinicHistory() {}

    public static Instant day(double days) {
        return T0.plusSeconds((long) (days * 86_400));
    }

    static ConsultationRequested request(
            String id, String patient, Condition condition, PayerType payer, boolean urgent, Instant at) {
        return new ConsultationRequested(id, patient, "site_a", condition, ReferralSource.SELF, payer, urgent, at);
    }

    static ConsultationScheduled consultation(
            String apt, String request, String patient, boolean urgent, Instant starts) {
        return new ConsultationScheduled(
                apt, request, patient, "site_a", "cl_1", urgent, T0, starts, starts.plusSeconds(3600), day(1));
    }

    public static SessionCompleted session(String apt, int number, boolean last, int phq9, Instant started) {
        return new SessionCompleted(
                apt,
                "plan_1",
                "p_1",
                "site_a",
                "chair_1",
                number,
                2,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                new BigDecimal("35"),
                40,
                80,
                SymptomScale.PHQ9,
                phq9,
                last,
                started,
                started.plusSeconds(7200));
    }

    static InvoiceIssued invoice(String id, String apt, String subtotal, String discount, boolean assisted) {
        BigDecimal total = new BigDecimal(subtotal).subtract(new BigDecimal(discount));
        return new InvoiceIssued(
                id,
                "p_1",
                "site_a",
                PayerType.SELF_PAY,
                InvoiceIssued.Source.SESSION,
                apt,
                "USD",
                List.of(new InvoiceIssued.Line("96365", 1, new BigDecimal(subtotal), new BigDecimal(subtotal))),
                new BigDecimal(subtotal),
                new BigDecimal(discount),
                total,
                total,
                assisted,
                day(12));
    }

    static PaymentReceived payment(String id, PaymentReceived.Kind kind, String amount) {
        return new PaymentReceived(
                id,
                "inv_1",
                "p_1",
                "site_a",
                kind,
                PaymentReceived.Method.CARD,
                new BigDecimal(amount),
                "USD",
                BigDecimal.ZERO,
                day(13));
    }

    /** Every event once, in a deliberately scrambled order (effects before causes). */
    public static List<RecordedEvent> events() {
        List<ClinicEvent> events = new ArrayList<>();
        events.add(session("apt_s2", 2, true, 4, day(12)));
        events.add(new SiteUpdated("site_b", "Quiet", "Europe/Berlin", "EUR", 4, List.of(), true, T0));
        events.add(request("req_1", "p_1", Condition.TREATMENT_RESISTANT_DEPRESSION, PayerType.SELF_PAY, false, T0));
        events.add(session("apt_s1", 1, false, 12, day(10)));
        events.add(request("req_2", "p_2", Condition.PTSD, PayerType.INSURANCE, true, T0));
        events.add(consultation("apt_c1", "req_1", "p_1", false, day(3)));
        events.add(consultation("apt_c2", "req_2", "p_2", true, day(2)));
        events.add(new ConsultationCompleted("apt_c1", "req_1", "p_1", "site_a", "cl_1", day(3), day(3.05)));
        events.add(new ConsultationCompleted("apt_c2", "req_2", "p_2", "site_a", "cl_1", day(2), day(2.05)));
        events.add(request("req_3", "p_3", Condition.TREATMENT_RESISTANT_DEPRESSION, PayerType.SELF_PAY, false, T0));
        events.add(new TreatmentDeclined(
                "req_3", "p_3", "site_a", "cl_1", TreatmentDeclined.Decision.DECLINED, "CONTRAINDICATION", day(5)));
        events.add(request("req_4", "p_4", Condition.MIGRAINE, PayerType.OUT_OF_NETWORK, false, day(49)));
        events.add(request("req_5", "p_5", Condition.SUICIDAL_IDEATION, PayerType.SELF_PAY, true, T0));
        events.add(new PatientScreened(
                "req_1",
                "p_1",
                "site_a",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                20,
                "SEVERE",
                false,
                null,
                null,
                null,
                null,
                true,
                PatientScreened.Eligibility.ELIGIBLE,
                List.of(),
                false,
                day(3)));
        events.add(new TreatmentPlanApproved(
                "plan_1",
                "req_1",
                "p_1",
                "site_a",
                "cl_1",
                Condition.TREATMENT_RESISTANT_DEPRESSION,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                2,
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
                day(4)));
        events.add(new InfusionScheduled(
                "apt_s1",
                "plan_1",
                "p_1",
                "site_a",
                "chair_1",
                1,
                2,
                Protocol.DEPRESSION_INDUCTION,
                day(10),
                day(10.1),
                day(4)));
        events.add(new InfusionScheduled(
                "apt_s2",
                "plan_1",
                "p_1",
                "site_a",
                "chair_1",
                2,
                2,
                Protocol.DEPRESSION_INDUCTION,
                day(12),
                day(12.1),
                day(4)));
        events.add(new PatientNoShow("apt_x", "plan_1", "p_1", "site_a", 3, day(14), day(14)));
        events.add(new InfusionCancelled(
                "apt_y",
                "plan_1",
                "p_1",
                "site_a",
                4,
                day(16),
                InfusionCancelled.Reason.PATIENT_REQUEST,
                true,
                false,
                day(15.5)));
        events.add(invoice("inv_1", "apt_s1", "500", "100", true));
        events.add(invoice("inv_2", "apt_s2", "500", "0", false));
        events.add(payment("pay_1", PaymentReceived.Kind.PAYMENT, "400"));
        events.add(payment("pay_2", PaymentReceived.Kind.REFUND, "50"));
        events.add(new AdverseEventReported(
                "ae_1",
                "apt_s1",
                "p_1",
                "site_a",
                AdverseEventCategory.HEADACHE,
                3,
                true,
                "OBSERVATION",
                "RESOLVED",
                day(10),
                day(10)));
        events.add(new ClinicalHoldPlaced("hold_1", "p_1", "site_a", "ae_1", 3, day(10)));
        events.add(new VitalsAlertRaised(
                "alr_1", "apt_s1", "p_1", "site_a", "SPO2_LOW", 130, 80, 80, 90, 14, day(10), day(10)));
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new RecordedEvent("evt_" + i, T0, events.get(i)));
        }
        return recorded;
    }
}
