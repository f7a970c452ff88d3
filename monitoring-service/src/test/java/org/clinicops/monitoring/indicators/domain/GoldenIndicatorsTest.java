package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationCompleted;
import org.clinicops.events.ConsultationNoShow;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.ConsultationScheduled;
import org.clinicops.events.InfusionCancelled;
import org.clinicops.events.InfusionScheduled;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
import org.clinicops.events.PatientNoShow;
import org.clinicops.events.PatientScreened;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;
import org.junit.jupiter.api.Test;

/**
 * The golden log: a fixed, hand-written history of two sites, Boston ({@code bos}) and Denver
 * ({@code den}), from January 2 to April 6 2026, and the value of every indicator computed by hand
 * (in the comments beside each assertion). The figures are read at {@link #NOW}: the 30-day window
 * is (Mar 7 12:00, Apr 6 12:00], the 90-day window (Jan 6 12:00, Apr 6 12:00]. All times are UTC.
 *
 * <p>The lifecycle events that end a request, a consultation or an invoice's first figures
 * (consultation-request-withdrawn, consultation-no-show, invoice-voided, invoice-adjusted) are in the
 * log as the events themselves; the expected values were computed by hand before they were published,
 * from the facts their fold cases store, and did not change.
 *
 * <p>The patients:
 *
 * <pre>
 * bos p_b1  TRD, self-pay; a package of 3 sessions for 1,500 (Mar 5), 3 prepaid sessions Mar 9-16,
 *           PHQ-9 18 at screening, 6 at the last session: a completed course
 * bos p_b2  PTSD, insured, urgent; seen in 25 h; 3 sessions planned: completed Mar 13, stopped Mar 16
 *           for a grade 3 adverse event (hold placed, third session put on hold, hold released),
 *           third completed Mar 23; its first invoice voided and issued again; the insurer pays part
 * bos p_b3  TRD, self-pay with assistance (50%), requested Jan 2: PHQ-9 8 at screening, 3 at the end
 * bos p_b4  anxiety, requested Feb 16, withdrawn Feb 20
 * bos p_b5  suicidal ideation, urgent, requested Apr 1; missed the consultation of Apr 2
 * bos p_b6  TRD, out of network, seen Feb 23, declined Feb 27
 * den p_d1  TRD, self-pay; PHQ-9 22 then 4; missed a session (no-show fee), rebooked; assistance
 *           applied to the last invoice after it was issued
 * den p_d2  chronic pain, insured; 5 sessions planned, 2 completed, one cancelled late (fee); a pain
 *           score of 12 (off the 0-10 scale); a grade 1 adverse event
 * den p_d3  OCD, requested Feb 1, never booked
 * den p_d4  bipolar depression, urgent, requested Mar 25 10:00, seen Mar 28 10:00-11:00 (73 h)
 * </pre>
 */
class GoldenIndicatorsTest {

    static final Instant NOW = at("04-06T12:00");
    static final Window D30 = Window.LAST_30_DAYS;
    static final Window D90 = Window.LAST_90_DAYS;
    static final Window ALL = Window.ALL_TIME;

    final IndicatorPolicy policy = IndicatorPolicy.defaults();

    static Instant at(String monthDayTime) {
        return Instant.parse("2026-" + monthDayTime + ":00Z");
    }

    // --- the log -------------------------------------------------------------------------------

    /** One step of a patient's history. */
    sealed interface Entry permits Event {
        String patient();
    }

    /** A published event, with its {@code ce_id}. */
    record Event(String patient, RecordedEvent fact) implements Entry {}

    /** The history, in the order it happened, patient by patient. */
    static final class Log {
        final List<Entry> entries = new ArrayList<>();
        private String patient = "";
        private int next;

        Log patient(String id) {
            patient = id;
            return this;
        }

        Log add(ClinicEvent event) {
            entries.add(new Event(patient, new RecordedEvent("evt_golden_" + next++, NOW, event)));
            return this;
        }
    }

    static ConsultationRequested requested(
            String request,
            String patient,
            String site,
            Condition condition,
            PayerType payer,
            boolean urgent,
            String at) {
        return new ConsultationRequested(request, patient, site, condition, ReferralSource.SELF, payer, urgent, at(at));
    }

    static ConsultationScheduled booked(
            String apt,
            String request,
            String patient,
            String site,
            boolean urgent,
            String requestedAt,
            String starts) {
        return new ConsultationScheduled(
                apt,
                request,
                patient,
                site,
                "cl_" + site,
                urgent,
                at(requestedAt),
                at(starts),
                at(starts).plusSeconds(3600),
                at(requestedAt).plusSeconds(3600));
    }

    static ConsultationCompleted seen(
            String apt, String request, String patient, String site, String starts, String ended) {
        return new ConsultationCompleted(apt, request, patient, site, "cl_" + site, at(starts), at(ended));
    }

    static PatientScreened screened(
            String request, String patient, String site, Condition condition, int phq9, String at) {
        return new PatientScreened(
                request,
                patient,
                site,
                condition,
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
                at(at));
    }

    static TreatmentPlanApproved plan(
            String plan,
            String request,
            String patient,
            String site,
            Condition condition,
            Protocol protocol,
            int sessions,
            PayerType payer,
            String at) {
        return new TreatmentPlanApproved(
                plan,
                request,
                patient,
                site,
                "cl_" + site,
                condition,
                protocol,
                Route.IV_INFUSION,
                sessions,
                1,
                7,
                true,
                40,
                60,
                new BigDecimal("0.5"),
                new BigDecimal("35"),
                true,
                payer,
                false,
                at(at));
    }

    static InfusionScheduled scheduled(
            String apt, String plan, String patient, String site, int number, int total, String starts) {
        return new InfusionScheduled(
                apt,
                plan,
                patient,
                site,
                "chair_1",
                number,
                total,
                Protocol.DEPRESSION_INDUCTION,
                at(starts),
                at(starts).plusSeconds(7200),
                at(starts).minusSeconds(86_400 * 4));
    }

    /** A session completed two hours after its start. */
    static SessionCompleted completed(
            String apt,
            String plan,
            String patient,
            String site,
            int number,
            int total,
            SymptomScale scale,
            int score,
            boolean last,
            String starts) {
        return new SessionCompleted(
                apt,
                plan,
                patient,
                site,
                "chair_1",
                number,
                total,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                new BigDecimal("35"),
                40,
                60,
                scale,
                score,
                last,
                at(starts),
                at(starts).plusSeconds(7200));
    }

    /** An invoice whose patient responsibility is its total. */
    static InvoiceIssued invoice(
            String id,
            String patient,
            String site,
            PayerType payer,
            InvoiceIssued.Source source,
            String sourceId,
            String subtotal,
            String discount,
            boolean assisted,
            String at) {
        BigDecimal total = new BigDecimal(subtotal).subtract(new BigDecimal(discount));
        return new InvoiceIssued(
                id,
                patient,
                site,
                payer,
                source,
                sourceId,
                "USD",
                List.of(),
                new BigDecimal(subtotal),
                new BigDecimal(discount),
                total,
                total,
                assisted,
                at(at));
    }

    static PaymentReceived paid(
            String id,
            String invoice,
            String patient,
            String site,
            PaymentReceived.Method method,
            String amount,
            String at) {
        return new PaymentReceived(
                id,
                invoice,
                patient,
                site,
                PaymentReceived.Kind.PAYMENT,
                method,
                new BigDecimal(amount),
                "USD",
                BigDecimal.ZERO,
                at(at));
    }

    static Log log() {
        Log log = new Log();
        log.patient("")
                .add(new SiteUpdated("bos", "Boston", "America/New_York", "USD", 4, List.of(), true, at("01-01T00:00")))
                .add(new SiteUpdated("den", "Denver", "America/Denver", "USD", 3, List.of(), true, at("01-01T00:00")));

        final var self = PayerType.SELF_PAY;
        final var insured = PayerType.INSURANCE;
        final var session = InvoiceIssued.Source.SESSION;
        final var phq9 = SymptomScale.PHQ9;
        final var trd = Condition.TREATMENT_RESISTANT_DEPRESSION;

        log.patient("p_b1")
                .add(requested("req_b1", "p_b1", "bos", trd, self, false, "03-02T14:00"))
                .add(booked("apt_b1_c", "req_b1", "p_b1", "bos", false, "03-02T14:00", "03-04T14:00"))
                .add(seen("apt_b1_c", "req_b1", "p_b1", "bos", "03-04T14:00", "03-04T15:00"))
                .add(screened("req_b1", "p_b1", "bos", trd, 18, "03-04T15:00"))
                .add(plan(
                        "plan_b1", "req_b1", "p_b1", "bos", trd, Protocol.DEPRESSION_INDUCTION, 3, self, "03-04T16:00"))
                .add(invoice(
                        "inv_b1_pkg",
                        "p_b1",
                        "bos",
                        self,
                        InvoiceIssued.Source.SERIES_PACKAGE,
                        "pkg_b1",
                        "1500",
                        "0",
                        false,
                        "03-05T09:00"))
                .add(paid(
                        "pay_b1_pkg", "inv_b1_pkg", "p_b1", "bos", PaymentReceived.Method.CARD, "1500", "03-05T09:05"))
                .add(scheduled("apt_b1_1", "plan_b1", "p_b1", "bos", 1, 3, "03-09T14:00"))
                .add(scheduled("apt_b1_2", "plan_b1", "p_b1", "bos", 2, 3, "03-12T14:00"))
                .add(scheduled("apt_b1_3", "plan_b1", "p_b1", "bos", 3, 3, "03-16T14:00"))
                .add(completed("apt_b1_1", "plan_b1", "p_b1", "bos", 1, 3, phq9, 14, false, "03-09T14:00"))
                .add(invoice("inv_b1_1", "p_b1", "bos", self, session, "apt_b1_1", "600", "600", false, "03-09T16:00"))
                .add(completed("apt_b1_2", "plan_b1", "p_b1", "bos", 2, 3, phq9, 10, false, "03-12T14:00"))
                .add(invoice("inv_b1_2", "p_b1", "bos", self, session, "apt_b1_2", "600", "600", false, "03-12T16:00"))
                .add(completed("apt_b1_3", "plan_b1", "p_b1", "bos", 3, 3, phq9, 6, true, "03-16T14:00"))
                .add(invoice("inv_b1_3", "p_b1", "bos", self, session, "apt_b1_3", "600", "600", false, "03-16T16:00"));

        log.patient("p_b2")
                .add(requested("req_b2", "p_b2", "bos", Condition.PTSD, insured, true, "03-10T08:00"))
                .add(booked("apt_b2_c", "req_b2", "p_b2", "bos", true, "03-10T08:00", "03-11T08:00"))
                .add(seen("apt_b2_c", "req_b2", "p_b2", "bos", "03-11T08:00", "03-11T09:00"))
                .add(plan(
                        "plan_b2",
                        "req_b2",
                        "p_b2",
                        "bos",
                        Condition.PTSD,
                        Protocol.DEPRESSION_INDUCTION,
                        3,
                        insured,
                        "03-11T10:00"))
                .add(scheduled("apt_b2_1", "plan_b2", "p_b2", "bos", 1, 3, "03-13T14:00"))
                .add(scheduled("apt_b2_2", "plan_b2", "p_b2", "bos", 2, 3, "03-16T14:00"))
                .add(scheduled("apt_b2_3", "plan_b2", "p_b2", "bos", 3, 3, "03-19T14:00"))
                .add(completed("apt_b2_1", "plan_b2", "p_b2", "bos", 1, 3, SymptomScale.PCL5, 50, false, "03-13T14:00"))
                .add(invoice("inv_b2_1", "p_b2", "bos", insured, session, "apt_b2_1", "800", "0", false, "03-13T16:00"))
                .add(new VitalsAlertRaised(
                        "alr_b2",
                        "apt_b2_2",
                        "p_b2",
                        "bos",
                        "BP_SEVERE",
                        205,
                        118,
                        96,
                        97,
                        16,
                        at("03-16T14:10"),
                        at("03-16T14:10")))
                .add(new AdverseEventReported(
                        "ae_b2",
                        "apt_b2_2",
                        "p_b2",
                        "bos",
                        AdverseEventCategory.ELEVATED_BLOOD_PRESSURE,
                        3,
                        true,
                        "INFUSION_STOPPED",
                        "RESOLVED",
                        at("03-16T14:15"),
                        at("03-16T14:16")))
                .add(new ClinicalHoldPlaced("hold_b2", "p_b2", "bos", "ae_b2", 3, at("03-16T14:16")))
                .add(new SessionStopped(
                        "apt_b2_2",
                        "plan_b2",
                        "p_b2",
                        "bos",
                        "chair_1",
                        2,
                        3,
                        Protocol.DEPRESSION_INDUCTION,
                        Route.IV_INFUSION,
                        SessionStopped.Reason.ADVERSE_EVENT,
                        new BigDecimal("10"),
                        15,
                        at("03-16T14:00"),
                        at("03-16T14:20")))
                .add(new InfusionCancelled(
                        "apt_b2_3",
                        "plan_b2",
                        "p_b2",
                        "bos",
                        3,
                        at("03-19T14:00"),
                        InfusionCancelled.Reason.CLINICAL_HOLD,
                        true,
                        true,
                        at("03-16T14:17")))
                .add(invoice("inv_b2_2", "p_b2", "bos", insured, session, "apt_b2_2", "300", "0", false, "03-16T15:00"))
                .add(new ClinicalHoldReleased("hold_b2", "p_b2", "bos", "cl_bos", at("03-16T14:16"), at("03-20T09:00")))
                .add(completed("apt_b2_3", "plan_b2", "p_b2", "bos", 3, 3, SymptomScale.PCL5, 40, true, "03-23T14:00"))
                .add(invoice("inv_b2_3", "p_b2", "bos", insured, session, "apt_b2_3", "800", "0", false, "03-23T16:00"))
                // inv_b2_3 was issued in error and voided
                .add(new InvoiceVoided(
                        "inv_b2_3",
                        "p_b2",
                        "bos",
                        session,
                        "apt_b2_3",
                        "USD",
                        new BigDecimal("800"),
                        new BigDecimal("800"),
                        at("03-24T09:00")))
                .add(invoice(
                        "inv_b2_3b", "p_b2", "bos", insured, session, "apt_b2_3", "800", "0", false, "03-24T10:00"))
                .add(paid(
                        "pay_b2_1i", "inv_b2_1", "p_b2", "bos", PaymentReceived.Method.INSURANCE, "600", "03-25T10:00"))
                .add(paid("pay_b2_1c", "inv_b2_1", "p_b2", "bos", PaymentReceived.Method.CARD, "200", "03-26T10:00"))
                .add(paid(
                        "pay_b2_3i",
                        "inv_b2_3b",
                        "p_b2",
                        "bos",
                        PaymentReceived.Method.INSURANCE,
                        "640",
                        "03-30T10:00"));

        log.patient("p_b3")
                .add(requested("req_b3", "p_b3", "bos", trd, self, false, "01-02T14:00"))
                .add(booked("apt_b3_c", "req_b3", "p_b3", "bos", false, "01-02T14:00", "01-05T14:00"))
                .add(seen("apt_b3_c", "req_b3", "p_b3", "bos", "01-05T14:00", "01-05T15:00"))
                .add(screened("req_b3", "p_b3", "bos", trd, 8, "01-05T15:00"))
                .add(plan(
                        "plan_b3", "req_b3", "p_b3", "bos", trd, Protocol.DEPRESSION_INDUCTION, 2, self, "01-05T16:00"))
                .add(scheduled("apt_b3_1", "plan_b3", "p_b3", "bos", 1, 2, "01-15T14:00"))
                .add(scheduled("apt_b3_2", "plan_b3", "p_b3", "bos", 2, 2, "01-19T14:00"))
                .add(completed("apt_b3_1", "plan_b3", "p_b3", "bos", 1, 2, phq9, 5, false, "01-15T14:00"))
                .add(invoice("inv_b3_1", "p_b3", "bos", self, session, "apt_b3_1", "500", "250", true, "01-15T16:00"))
                .add(completed("apt_b3_2", "plan_b3", "p_b3", "bos", 2, 2, phq9, 3, true, "01-19T14:00"))
                .add(invoice("inv_b3_2", "p_b3", "bos", self, session, "apt_b3_2", "500", "250", true, "01-19T16:00"))
                .add(paid("pay_b3_1", "inv_b3_1", "p_b3", "bos", PaymentReceived.Method.CARD, "250", "01-20T10:00"));

        log.patient("p_b4")
                .add(requested("req_b4", "p_b4", "bos", Condition.ANXIETY, self, false, "02-16T10:00"))
                .add(new ConsultationRequestWithdrawn(
                        "req_b4",
                        "p_b4",
                        "bos",
                        ConsultationRequestWithdrawn.Reason.PATIENT_CHOICE,
                        at("02-20T10:00")));

        log.patient("p_b5")
                .add(requested("req_b5", "p_b5", "bos", Condition.SUICIDAL_IDEATION, self, true, "04-01T08:00"))
                .add(booked("apt_b5_c", "req_b5", "p_b5", "bos", true, "04-01T08:00", "04-02T09:00"))
                .add(new ConsultationNoShow(
                        "apt_b5_c", "req_b5", "p_b5", "bos", null, at("04-02T09:00"), at("04-02T09:30")));

        log.patient("p_b6")
                .add(requested("req_b6", "p_b6", "bos", trd, PayerType.OUT_OF_NETWORK, false, "02-20T09:00"))
                .add(booked("apt_b6_c", "req_b6", "p_b6", "bos", false, "02-20T09:00", "02-23T09:00"))
                .add(seen("apt_b6_c", "req_b6", "p_b6", "bos", "02-23T09:00", "02-23T10:00"))
                .add(new TreatmentDeclined(
                        "req_b6",
                        "p_b6",
                        "bos",
                        "cl_bos",
                        TreatmentDeclined.Decision.DECLINED,
                        "CONTRAINDICATION",
                        at("02-27T09:00")));

        log.patient("p_d1")
                .add(requested("req_d1", "p_d1", "den", trd, self, false, "03-16T14:00"))
                .add(booked("apt_d1_c", "req_d1", "p_d1", "den", false, "03-16T14:00", "03-18T14:00"))
                .add(seen("apt_d1_c", "req_d1", "p_d1", "den", "03-18T14:00", "03-18T15:00"))
                .add(screened("req_d1", "p_d1", "den", trd, 22, "03-18T15:00"))
                .add(plan(
                        "plan_d1", "req_d1", "p_d1", "den", trd, Protocol.DEPRESSION_INDUCTION, 2, self, "03-18T16:00"))
                .add(scheduled("apt_d1_1", "plan_d1", "p_d1", "den", 1, 2, "03-23T14:00"))
                .add(scheduled("apt_d1_2", "plan_d1", "p_d1", "den", 2, 2, "03-26T14:00"))
                .add(completed("apt_d1_1", "plan_d1", "p_d1", "den", 1, 2, phq9, 12, false, "03-23T14:00"))
                .add(invoice("inv_d1_1", "p_d1", "den", self, session, "apt_d1_1", "700", "0", false, "03-23T16:00"))
                .add(paid("pay_d1_1", "inv_d1_1", "p_d1", "den", PaymentReceived.Method.CARD, "700", "03-23T16:30"))
                .add(new PatientNoShow("apt_d1_2", "plan_d1", "p_d1", "den", 2, at("03-26T14:00"), at("03-26T14:30")))
                .add(invoice(
                        "inv_d1_ns",
                        "p_d1",
                        "den",
                        self,
                        InvoiceIssued.Source.NO_SHOW,
                        "apt_d1_2",
                        "50",
                        "0",
                        false,
                        "03-26T15:00"))
                .add(scheduled("apt_d1_3", "plan_d1", "p_d1", "den", 2, 2, "03-30T14:00"))
                .add(completed("apt_d1_3", "plan_d1", "p_d1", "den", 2, 2, phq9, 4, true, "03-30T14:00"))
                .add(invoice("inv_d1_3", "p_d1", "den", self, session, "apt_d1_3", "700", "0", false, "03-30T16:00"))
                // 50% assistance applied after issue
                .add(new InvoiceAdjusted(
                        "inv_d1_3",
                        "p_d1",
                        "den",
                        session,
                        "apt_d1_3",
                        InvoiceAdjusted.Reason.ASSISTANCE,
                        "USD",
                        new BigDecimal("700"),
                        new BigDecimal("350"),
                        new BigDecimal("350"),
                        new BigDecimal("350"),
                        new BigDecimal("700"),
                        true,
                        false,
                        at("04-02T10:00")));

        log.patient("p_d2")
                .add(requested("req_d2", "p_d2", "den", Condition.CHRONIC_PAIN, insured, false, "03-02T14:00"))
                .add(booked("apt_d2_c", "req_d2", "p_d2", "den", false, "03-02T14:00", "03-05T14:00"))
                .add(seen("apt_d2_c", "req_d2", "p_d2", "den", "03-05T14:00", "03-05T15:00"))
                .add(plan(
                        "plan_d2",
                        "req_d2",
                        "p_d2",
                        "den",
                        Condition.CHRONIC_PAIN,
                        Protocol.PAIN_SERIES,
                        5,
                        insured,
                        "03-05T16:00"))
                .add(scheduled("apt_d2_1", "plan_d2", "p_d2", "den", 1, 5, "03-09T14:00"))
                .add(scheduled("apt_d2_2", "plan_d2", "p_d2", "den", 2, 5, "03-10T14:00"))
                .add(scheduled("apt_d2_3", "plan_d2", "p_d2", "den", 3, 5, "03-11T14:00"))
                .add(completed(
                        "apt_d2_1", "plan_d2", "p_d2", "den", 1, 5, SymptomScale.PAIN_NRS, 6, false, "03-09T14:00"))
                .add(invoice("inv_d2_1", "p_d2", "den", insured, session, "apt_d2_1", "900", "0", false, "03-09T16:00"))
                .add(new InfusionCancelled(
                        "apt_d2_2",
                        "plan_d2",
                        "p_d2",
                        "den",
                        2,
                        at("03-10T14:00"),
                        InfusionCancelled.Reason.PATIENT_REQUEST,
                        true,
                        false,
                        at("03-09T20:00")))
                .add(invoice(
                        "inv_d2_lc",
                        "p_d2",
                        "den",
                        insured,
                        InvoiceIssued.Source.LATE_CANCELLATION,
                        "apt_d2_2",
                        "50",
                        "0",
                        false,
                        "03-09T21:00"))
                .add(completed(
                        "apt_d2_3", "plan_d2", "p_d2", "den", 3, 5, SymptomScale.PAIN_NRS, 12, false, "03-11T14:00"))
                .add(new VitalsAlertRaised(
                        "alr_d2",
                        "apt_d2_3",
                        "p_d2",
                        "den",
                        "SPO2_LOW",
                        120,
                        80,
                        80,
                        90,
                        14,
                        at("03-11T14:30"),
                        at("03-11T14:30")))
                .add(new AdverseEventReported(
                        "ae_d2",
                        "apt_d2_3",
                        "p_d2",
                        "den",
                        AdverseEventCategory.NAUSEA_VOMITING,
                        1,
                        false,
                        "OBSERVATION",
                        "RESOLVED",
                        at("03-11T15:00"),
                        at("03-11T15:10")))
                .add(invoice("inv_d2_3", "p_d2", "den", insured, session, "apt_d2_3", "900", "0", false, "03-11T16:00"))
                .add(paid(
                        "pay_d2_1", "inv_d2_1", "p_d2", "den", PaymentReceived.Method.INSURANCE, "900", "03-20T10:00"));

        log.patient("p_d3").add(requested("req_d3", "p_d3", "den", Condition.OCD, self, false, "02-01T10:00"));

        log.patient("p_d4")
                .add(requested("req_d4", "p_d4", "den", Condition.BIPOLAR_DEPRESSION, self, true, "03-25T10:00"))
                .add(booked("apt_d4_c", "req_d4", "p_d4", "den", true, "03-25T10:00", "03-28T10:00"))
                .add(seen("apt_d4_c", "req_d4", "p_d4", "den", "03-28T10:00", "03-28T11:00"));
        return log;
    }

    Indicators figures(List<Entry> entries) {
        ClinicFacts facts = new ClinicFacts();
        EventFold fold = new EventFold(facts);
        for (Entry entry : entries) {
            if (entry instanceof Event e) {
                fold.apply(e.fact());
            }
        }
        return IndicatorProjection.restore(facts.document(), policy).snapshot(NOW);
    }

    SiteIndicators site(String id) {
        return figures(log().entries).site(id).orElseThrow();
    }

    static double[] amounts(List<BigDecimal> values) {
        return values.stream().mapToDouble(BigDecimal::doubleValue).toArray();
    }

    // --- Boston --------------------------------------------------------------------------------

    @Test
    void bostonThroughputAndBacklog() {
        SiteIndicators bos = site("bos");
        Throughput t = bos.throughput();

        assertThat(t.consultationRequests()).isEqualTo(6); // p_b1 to p_b6
        assertThat(t.consultationRequestsByCondition())
                .containsEntry(Condition.TREATMENT_RESISTANT_DEPRESSION, 3L) // b1, b3, b6
                .containsEntry(Condition.PTSD, 1L)
                .containsEntry(Condition.ANXIETY, 1L)
                .containsEntry(Condition.SUICIDAL_IDEATION, 1L);
        assertThat(t.consultationsScheduled()).isEqualTo(5); // b1, b2, b3, b5, b6
        assertThat(t.consultationsCompleted()).isEqualTo(4); // b5 missed hers
        assertThat(t.infusionsScheduled()).isEqualTo(8); // 3 + 3 + 2
        assertThat(t.infusionsCompleted()).isEqualTo(7); // b1 3, b2 2 (the third after the hold), b3 2
        assertThat(t.noShows()).isZero();
        // b2's third session was put on hold, rebooked and completed: no cancellation
        assertThat(t.cancellations()).isZero();
        assertThat(t.cancellationsByReason()).containsEntry(InfusionCancelled.Reason.CLINICAL_HOLD, 1L);
        assertThat(t.lateCancellations())
                .as("the hold came under 24 h, yet it is none")
                .isZero();
        assertThat(t.sessionsStopped()).containsEntry(SessionStopped.Reason.ADVERSE_EVENT, 1L);

        // waiting: b5 only (her consultation was missed); b4 withdrew, b6 was declined, the others were seen
        assertThat(bos.backlog().waitingListPatients()).isEqualTo(1);
        assertThat(bos.backlog().clinicalHoldsOpen())
                .as("b2's hold was released")
                .isZero();
        // latest payer type: b1, b3, b4, b5 self-pay, b2 insured, b6 out of network
        assertThat(bos.backlog().payerMix())
                .containsEntry(PayerType.SELF_PAY, 4L)
                .containsEntry(PayerType.INSURANCE, 1L)
                .containsEntry(PayerType.OUT_OF_NETWORK, 1L);
    }

    @Test
    void bostonAccess() {
        SiteIndicators bos = site("bos");

        // request to the consultation that took place: b2 1.0 (Mar 11), b1 2.0 (Mar 4), b6 3.0
        // (Feb 23), b3 3.0 (Jan 5, before the 90 days); b5's was missed
        assertThat(bos.access(ALL).requestToConsultationDays()).containsExactly(1.0, 2.0, 3.0, 3.0);
        assertThat(bos.access(D90).requestToConsultationDays()).containsExactly(1.0, 2.0, 3.0);
        assertThat(bos.access(D30).requestToConsultationDays()).containsExactly(1.0);
        // nearest rank: of 4, the 2nd (median) and the 4th (p90)
        assertThat(SiteIndicators.percentile(bos.access(ALL).requestToConsultationDays(), 50))
                .isEqualTo(2.0);
        assertThat(SiteIndicators.percentile(bos.access(ALL).requestToConsultationDays(), 90))
                .isEqualTo(3.0);

        // request to first infusion: b2 3.25 (Mar 10 08:00 to Mar 13 14:00), b1 7.0 (Mar 9), b3 13.0 (Jan 15)
        assertThat(bos.access(ALL).requestToFirstInfusionDays()).containsExactly(3.25, 7.0, 13.0);
        assertThat(bos.access(D90).requestToFirstInfusionDays()).containsExactly(3.25, 7.0, 13.0);
        assertThat(bos.access(D30).requestToFirstInfusionDays()).containsExactly(3.25, 7.0);
        assertThat(SiteIndicators.percentile(bos.access(D30).requestToFirstInfusionDays(), 50))
                .isEqualTo(3.25);
        assertThat(SiteIndicators.percentile(bos.access(ALL).requestToFirstInfusionDays(), 90))
                .isEqualTo(13.0);

        // within 42 days: b1, b2, b3 started in time (b3 on Jan 15, outside 30 days); b4 withdrew
        // before her deadline, b6 was declined, b5's deadline (May 13) has not come
        assertThat(bos.access(ALL).startedWithinTarget()).isEqualTo(new Ratio(3, 3));
        assertThat(bos.access(D90).startedWithinTarget()).isEqualTo(new Ratio(3, 3));
        assertThat(bos.access(D30).startedWithinTarget()).isEqualTo(new Ratio(2, 2));

        // urgent: b2 seen (completed) 25 h after asking; b5 missed hers, 72 h ran out on Apr 4
        assertThat(bos.access(ALL).urgentSeenWithinTarget()).isEqualTo(new Ratio(1, 2));
        assertThat(bos.access(D30).urgentSeenWithinTarget()).isEqualTo(new Ratio(1, 2));

        // sessions due: 7 completed + 1 stopped (6 since Mar 7: b3's two are older), none missed;
        // the only cancellation is b2's hold, which is none
        assertThat(bos.access(ALL).noShows()).isEqualTo(new Ratio(0, 8));
        assertThat(bos.access(D90).noShows()).isEqualTo(new Ratio(0, 8));
        assertThat(bos.access(D30).noShows()).isEqualTo(new Ratio(0, 6));
        assertThat(bos.access(D30).lateCancellations()).isEqualTo(new Ratio(0, 6));
    }

    @Test
    void bostonAffordability() {
        SiteIndicators bos = site("bos");
        Affordability all = bos.affordability(ALL);
        Affordability d30 = bos.affordability(D30);

        // per session: b1's package of 1,500 over its 3 sessions: 500 each; b2: 800 less 600 from the
        // insurer = 200, the stopped session's 300 (the insurer paid nothing yet), the re-issued 800
        // less 640 = 160 (the voided invoice is none); b3: 250 each after assistance (January)
        assertThat(amounts(all.outOfPocketPerSession())).containsExactly(160, 200, 250, 250, 300, 500, 500, 500);
        assertThat(all.outOfPocketPerSessionAverage()).isEqualTo(new Ratio(2660, 8)); // 332.50
        assertThat(bos.affordability(D90).outOfPocketPerSessionAverage()).isEqualTo(new Ratio(2660, 8));
        assertThat(d30.outOfPocketPerSessionAverage()).isEqualTo(new Ratio(2160, 6)); // b3's two are older

        // completed courses: b1 (3 of 3, Mar 16) 1,500; b3 (2 of 2, Jan 19) 500; b2 stopped one: none
        assertThat(amounts(all.outOfPocketPerCourse())).containsExactly(500, 1500);
        assertThat(amounts(d30.outOfPocketPerCourse())).containsExactly(1500);

        // assisted: b3 among b1, b2, b3 invoiced; since Mar 7 only b1 and b2 were invoiced
        assertThat(all.assistedPatients()).isEqualTo(new Ratio(1, 3));
        assertThat(d30.assistedPatients()).isEqualTo(new Ratio(0, 2));

        // discounts: b3's two 250s over the subtotals of package 1,500, b2's 800 + 300 + 800 and b3's
        // 500 + 500 = 4,400; b1's prepaid sessions are no discount
        assertThat(all.discount()).isEqualTo(new Ratio(500, 4400));
        assertThat(all.averageDiscount()).isEqualTo(new Ratio(500, 2)); // 250
        assertThat(d30.discount()).isEqualTo(new Ratio(0, 1900));
        assertThat(d30.averageDiscount()).isEqualTo(Ratio.NONE);

        // billed: 1,500 + 0 x 3 + 800 + 300 + 800 + 250 + 250 = 3,900; paid 1,500 + 600 + 200 + 640 + 250
        assertThat(all.collection()).isEqualTo(new Ratio(3190, 3900));
        assertThat(all.outstandingBalance()).isEqualByComparingTo("710");
        // since Mar 7: b1's prepaid 0s and b2's 1,900, of which 1,440 paid (the package was sold Mar 5)
        assertThat(d30.collection()).isEqualTo(new Ratio(1440, 1900));
        assertThat(d30.outstandingBalance()).isEqualByComparingTo("460");
    }

    @Test
    void bostonSafetyAndOutcomes() {
        SiteIndicators bos = site("bos");

        // b2's grade 3 on Mar 16 among 8 infusions given (6 since Mar 7)
        assertThat(bos.safety(ALL).adverseEventsPerInfusion()).isEqualTo(new Ratio(1, 8));
        assertThat(bos.safety(ALL).adverseEventsPer100Infusions()).isEqualTo(12.5);
        assertThat(bos.safety(D30).adverseEventsPerInfusion()).isEqualTo(new Ratio(1, 6));
        assertThat(bos.safety(ALL).adverseEvents().get(3))
                .containsEntry(AdverseEventCategory.ELEVATED_BLOOD_PRESSURE, 1L);
        assertThat(bos.safety(ALL).vitalsAlertsByRule()).containsEntry("BP_SEVERE", 1L);

        // b1: baseline 18, last 6: a response (6 <= 9), no remission (not under 5);
        // b3: baseline 8, last 3: a response, and no remission to count (she started below 10)
        assertThat(bos.outcomes(ALL).response()).isEqualTo(new Ratio(2, 2));
        assertThat(bos.outcomes(ALL).remission()).isEqualTo(new Ratio(0, 1));
        assertThat(bos.outcomes(D90).response()).isEqualTo(new Ratio(2, 2));
        assertThat(bos.outcomes(D30).response()).isEqualTo(new Ratio(1, 1)); // b3's ended Jan 19
        assertThat(bos.outcomes(D30).remission()).isEqualTo(new Ratio(0, 1));
        assertThat(bos.outcomes(ALL).depressionCoursesEvaluated()).isEqualTo(2);
    }

    // --- Denver --------------------------------------------------------------------------------

    @Test
    void denverThroughputBacklogAndAccess() {
        SiteIndicators den = site("den");

        assertThat(den.throughput().consultationRequests()).isEqualTo(4);
        assertThat(den.throughput().consultationsScheduled()).isEqualTo(3); // d1, d2, d4
        assertThat(den.throughput().consultationsCompleted()).isEqualTo(3);
        assertThat(den.throughput().infusionsScheduled()).isEqualTo(6); // d1 3 (one rebooked), d2 3
        assertThat(den.throughput().infusionsCompleted()).isEqualTo(4);
        assertThat(den.throughput().noShows()).isEqualTo(1);
        assertThat(den.throughput().cancellations()).isEqualTo(1);
        assertThat(den.throughput().lateCancellations()).isEqualTo(1);
        assertThat(den.backlog().waitingListPatients()).isEqualTo(1); // d3, never booked
        assertThat(den.backlog().payerMix())
                .containsEntry(PayerType.SELF_PAY, 3L)
                .containsEntry(PayerType.INSURANCE, 1L)
                .containsEntry(PayerType.OUT_OF_NETWORK, 0L);

        // consultations: d1 2.0 (Mar 18), d2 3.0 (Mar 5, before the 30 days), d4 3.0 (Mar 28)
        assertThat(den.access(ALL).requestToConsultationDays()).containsExactly(2.0, 3.0, 3.0);
        assertThat(den.access(D30).requestToConsultationDays()).containsExactly(2.0, 3.0);
        assertThat(den.access(ALL).requestToFirstInfusionDays()).containsExactly(7.0, 7.0); // d2 Mar 9, d1 Mar 23
        // d1 and d2 started within 7 days; d3 waits past her deadline of Mar 15
        assertThat(den.access(D30).startedWithinTarget()).isEqualTo(new Ratio(2, 3));
        assertThat(den.access(ALL).startedWithinTarget()).isEqualTo(new Ratio(2, 3));
        // d4's consultation began at the 72-hour mark but ended after it: not seen in time
        assertThat(den.access(ALL).urgentSeenWithinTarget()).isEqualTo(new Ratio(0, 1));
        // d1 missed Mar 26 among 4 given + 1 missed; d2 cancelled Mar 10 late among those 5 + 1
        assertThat(den.access(D30).noShows()).isEqualTo(new Ratio(1, 5));
        assertThat(den.access(D30).lateCancellations()).isEqualTo(new Ratio(1, 6));
    }

    @Test
    void denverAffordabilitySafetyAndOutcomes() {
        SiteIndicators den = site("den");
        Affordability f = den.affordability(D30); // every Denver invoice is of March

        // per session: d2's first paid in full by the insurer (0), d1's 350 after the later
        // assistance, d1's 700, d2's third 900 (the insurer has not paid)
        assertThat(amounts(f.outOfPocketPerSession())).containsExactly(0, 350, 700, 900);
        assertThat(f.outOfPocketPerSessionAverage()).isEqualTo(new Ratio(1950, 4));
        // d1's course (2 of 2): 700 + the no-show fee 50 + 350; d2's (2 of 5) is no completed course
        assertThat(amounts(f.outOfPocketPerCourse())).containsExactly(1100);
        assertThat(f.assistedPatients()).isEqualTo(new Ratio(1, 2)); // d1, by the adjustment
        // subtotals 700 + 50 + 700 + 900 + 50 + 900; the adjusted discount of 350
        assertThat(f.discount()).isEqualTo(new Ratio(350, 3300));
        // billed 700 + 50 + 350 + 900 + 50 + 900 = 2,950; paid 700 + 900
        assertThat(f.collection()).isEqualTo(new Ratio(1600, 2950));
        assertThat(f.outstandingBalance()).isEqualByComparingTo("1350");
        assertThat(den.affordability(ALL)).isEqualTo(f);

        assertThat(den.safety(D30).adverseEventsPerInfusion()).isEqualTo(new Ratio(1, 4)); // d2's grade 1
        assertThat(den.safety(D30).adverseEventsPer100Infusions()).isEqualTo(25.0);
        assertThat(den.safety(ALL).vitalsAlertsByRule()).containsEntry("SPO2_LOW", 1L);
        // d1: baseline 22, last 4: response and remission; d2's pain course is neither (nor complete)
        assertThat(den.outcomes(D30).response()).isEqualTo(new Ratio(1, 1));
        assertThat(den.outcomes(D30).remission()).isEqualTo(new Ratio(1, 1));
    }

    @Test
    void allSitesAddUpAsSumsOfNumeratorsOverSumsOfDenominators() {
        Indicators figures = figures(log().entries);
        Ratio bos = figures.site("bos").orElseThrow().safety(D30).adverseEventsPerInfusion();
        Ratio den = figures.site("den").orElseThrow().safety(D30).adverseEventsPerInfusion();

        // 2 adverse events over 10 infusions: 20 per 100 (the sites' rates, 16.7 and 25, add to 41.7)
        Ratio allSites = new Ratio(bos.numerator() + den.numerator(), bos.denominator() + den.denominator());
        assertThat(allSites.per100()).isEqualTo(20.0);
    }

    // --- replays -------------------------------------------------------------------------------

    @Test
    void theSameLogReplayedTwiceGivesTheSameFigures() {
        List<Entry> once = log().entries;
        List<Entry> twice = new ArrayList<>(once);
        twice.addAll(once);

        assertThat(figures(twice)).isEqualTo(figures(once));
    }

    @Test
    void theLogShuffledWithinEachPatientAndInterleavedGivesTheSameFigures() {
        List<Entry> inOrder = log().entries;
        Indicators expected = figures(inOrder);
        for (long seed = 1; seed <= 25; seed++) {
            Random random = new Random(seed);
            Map<String, List<Entry>> byPatient = new LinkedHashMap<>();
            inOrder.forEach(e -> byPatient
                    .computeIfAbsent(e.patient(), p -> new ArrayList<>())
                    .add(e));
            byPatient.values().forEach(entries -> java.util.Collections.shuffle(entries, random));
            List<Entry> shuffled = new ArrayList<>();
            List<List<Entry>> queues = new ArrayList<>(byPatient.values());
            while (!queues.isEmpty()) {
                List<Entry> queue = queues.get(random.nextInt(queues.size()));
                shuffled.add(queue.remove(0));
                if (queue.isEmpty()) {
                    queues.remove(queue);
                }
            }

            assertThat(figures(shuffled)).as("seed %d", seed).isEqualTo(expected);
        }
    }
}
