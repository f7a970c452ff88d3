package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.events.AdverseEventReported;
import org.clinicops.events.ClinicEvent;
import org.clinicops.events.ClinicalHoldPlaced;
import org.clinicops.events.ClinicalHoldReleased;
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
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SymptomScale;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.events.TreatmentPlanApproved;
import org.clinicops.events.VitalsAlertRaised;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The projection gives exactly the figures of the batch calculation it replaced (the oracle), for
 * the known history and for random event streams, folded in any order, with redeliveries, after a
 * round trip through its durable form, and while it keeps folding after a snapshot.
 */
class IndicatorProjectionTest {

    final IndicatorPolicy policy = IndicatorPolicy.defaults();
    final IndicatorCalculator oracle = new IndicatorCalculator(policy);

    @Test
    void theKnownHistoryGivesTheOraclesFigures() {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);

        assertThat(projection.snapshot(ClinicHistory.NOW))
                .isEqualTo(oracle.compute(ClinicHistory.events(), ClinicHistory.NOW));
        assertThat(projection.facts()).isEqualTo(ClinicHistory.events().size());
        assertThat(projection.zoneOf("site_b")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(projection.zoneOf("site_a")).isEqualTo(ZoneOffset.UTC);
    }

    @RepeatedTest(40)
    void randomStreamsInAnyOrderWithRedeliveriesGiveTheOraclesFigures(RepetitionInfo repetition) throws IOException {
        Random random = new Random(7919L * repetition.getCurrentRepetition());
        List<RecordedEvent> events = new RandomClinic(random, 1 + random.nextInt(4)).events(50 + random.nextInt(400));
        List<Instant> nows =
                List.of(RandomClinic.T0.plusSeconds(86_400L * 20), RandomClinic.T0.plusSeconds(86_400L * 90));

        List<RecordedEvent> delivered = new ArrayList<>(events);
        for (int i = 0; i < events.size() / 5; i++) {
            delivered.add(events.get(random.nextInt(events.size()))); // redeliveries
        }
        Collections.shuffle(delivered, random);

        IndicatorProjection projection = new IndicatorProjection(policy);
        int half = delivered.size() / 2;
        delivered.subList(0, half).forEach(projection::apply);
        projection.snapshot(nows.get(0)); // a snapshot midway changes nothing
        delivered.subList(half, delivered.size()).forEach(projection::apply);

        assertThat(projection.facts()).isEqualTo(events.size());
        IndicatorProjection restored = roundTrip(projection);
        for (Instant now : nows) {
            Indicators expected = oracle.compute(events, now);
            assertThat(projection.snapshot(now)).isEqualTo(expected);
            assertThat(restored.snapshot(now)).isEqualTo(expected);
        }
        assertThat(restored.facts()).isEqualTo(events.size());
        assertThat(restored.apply(events.get(0))).isFalse();
    }

    static RecordedEvent fact(String id, ClinicEvent event) {
        return new RecordedEvent(id, ClinicHistory.T0, event);
    }

    static SessionStopped stopped(String apt, SessionStopped.Reason reason, int minutes) {
        return new SessionStopped(
                apt,
                "plan_1",
                "p_1",
                "site_a",
                "chair_1",
                3,
                6,
                Protocol.DEPRESSION_INDUCTION,
                Route.IV_INFUSION,
                reason,
                new BigDecimal("17.5"),
                minutes,
                ClinicHistory.day(20),
                ClinicHistory.day(20).plusSeconds(60L * minutes));
    }

    @Test
    void stoppedSessionsAreCountedApartFromCompletedOnesByReason() throws IOException {
        IndicatorProjection projection = new IndicatorProjection(policy);
        List<RecordedEvent> facts = List.of(
                fact("evt_c1", ClinicHistory.session("apt_1", 1, false, 20, ClinicHistory.day(10))),
                fact("evt_s1", stopped("apt_2", SessionStopped.Reason.ADVERSE_EVENT, 18)),
                fact("evt_s2", stopped("apt_3", SessionStopped.Reason.TRANSFER, 25)),
                fact("evt_s3", stopped("apt_4", SessionStopped.Reason.ADVERSE_EVENT, 5)),
                fact("evt_s3", stopped("apt_4", SessionStopped.Reason.ADVERSE_EVENT, 5)), // redelivered
                fact(
                        "evt_ae",
                        new AdverseEventReported(
                                "ae_1",
                                "apt_2",
                                "p_1",
                                "site_a",
                                AdverseEventCategory.ELEVATED_BLOOD_PRESSURE,
                                3,
                                true,
                                "INFUSION_STOPPED",
                                "RESOLVING",
                                ClinicHistory.day(20),
                                ClinicHistory.day(20))));
        facts.forEach(projection::apply);

        SiteIndicators site =
                projection.snapshot(ClinicHistory.NOW).site("site_a").orElseThrow();

        assertThat(site.infusionsCompleted())
                .as("stopped sessions are not completed ones")
                .isEqualTo(1);
        assertThat(site.sessionsStopped())
                .containsEntry(SessionStopped.Reason.ADVERSE_EVENT, 2L)
                .containsEntry(SessionStopped.Reason.TRANSFER, 1L)
                .containsEntry(SessionStopped.Reason.PATIENT_REQUEST, 0L)
                .containsEntry(SessionStopped.Reason.EQUIPMENT, 0L);
        assertThat(site.sessionsStoppedTotal()).isEqualTo(3);
        // one adverse event over the four infusions given (one completed, three stopped)
        assertThat(site.adverseEventsPer100Infusions()).isEqualTo(25.0);
        assertThat(projection.snapshot(ClinicHistory.NOW)).isEqualTo(oracle.compute(facts, ClinicHistory.NOW));
        assertThat(roundTrip(projection).snapshot(ClinicHistory.NOW)).isEqualTo(projection.snapshot(ClinicHistory.NOW));
    }

    @Test
    void aPhq9OffTheScaleCountsNeitherAsBaselineNorAsOutcome() {
        List<RecordedEvent> history = new ArrayList<>(ClinicHistory.events());
        // the course's last session scores 80 (PHQ-9 stops at 27): its earlier score of 12 is the last valid one
        history.replaceAll(f ->
                f.event() instanceof SessionCompleted s && s.appointmentId().equals("apt_s2")
                        ? new RecordedEvent(
                                f.id(), f.time(), ClinicHistory.session("apt_s2", 2, true, 80, ClinicHistory.day(12)))
                        : f);
        IndicatorProjection projection = new IndicatorProjection(policy);
        history.forEach(projection::apply);

        SiteIndicators site =
                projection.snapshot(ClinicHistory.NOW).site("site_a").orElseThrow();

        // baseline 20, last valid 12: evaluated, neither response (12 > 10) nor remission
        assertThat(site.depressionCoursesEvaluated()).isEqualTo(1);
        assertThat(site.responders()).isZero();
        assertThat(site.remitters()).isZero();
        assertThat(projection.snapshot(ClinicHistory.NOW)).isEqualTo(oracle.compute(history, ClinicHistory.NOW));

        // a screening PHQ-9 off the scale is no baseline: the course is not evaluated
        history.replaceAll(
                f -> f.event() instanceof PatientScreened p ? new RecordedEvent(f.id(), f.time(), withPhq9(p, 99)) : f);
        IndicatorProjection offScale = new IndicatorProjection(policy);
        history.forEach(offScale::apply);
        assertThat(offScale.snapshot(ClinicHistory.NOW)
                        .site("site_a")
                        .orElseThrow()
                        .depressionCoursesEvaluated())
                .isZero();
        assertThat(offScale.snapshot(ClinicHistory.NOW)).isEqualTo(oracle.compute(history, ClinicHistory.NOW));
    }

    static PatientScreened withPhq9(PatientScreened p, int phq9) {
        return new PatientScreened(
                p.requestId(),
                p.patientId(),
                p.siteId(),
                p.condition(),
                phq9,
                p.phq9Band(),
                p.selfHarmFlag(),
                p.gad7Total(),
                p.gad7Band(),
                p.pcl5Total(),
                p.painNrs(),
                p.treatmentResistant(),
                p.eligibility(),
                p.reasons(),
                p.urgent(),
                p.screenedAt());
    }

    @Test
    void theScaleRangesAreThoseOfTheScales() {
        assertThat(ScaleRanges.valid(SymptomScale.PHQ9, 0)).isTrue();
        assertThat(ScaleRanges.valid(SymptomScale.PHQ9, 27)).isTrue();
        assertThat(ScaleRanges.valid(SymptomScale.PHQ9, 28)).isFalse();
        assertThat(ScaleRanges.valid(SymptomScale.PHQ9, -1)).isFalse();
        assertThat(ScaleRanges.valid(SymptomScale.GAD7, 21)).isTrue();
        assertThat(ScaleRanges.valid(SymptomScale.GAD7, 22)).isFalse();
        assertThat(ScaleRanges.valid(SymptomScale.PCL5, 80)).isTrue();
        assertThat(ScaleRanges.valid(SymptomScale.PCL5, 81)).isFalse();
        assertThat(ScaleRanges.valid(SymptomScale.PAIN_NRS, 10)).isTrue();
        assertThat(ScaleRanges.valid(SymptomScale.PAIN_NRS, 11)).isFalse();
    }

    @Test
    void aDurableFormOfAnotherVersionIsRefusedNotMisread() throws IOException {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            projection.writeTo(out);
        }
        byte[] older = bytes.toByteArray();
        older[3] = 1; // the format number, as version 1 wrote it

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        IndicatorProjection.readFrom(new DataInputStream(new ByteArrayInputStream(older)), policy))
                .isInstanceOf(IndicatorProjection.UnreadableFormatException.class);
    }

    @Test
    void eventIdsOfBothFormsAreKeptOnce() {
        EventIdSet ids = new EventIdSet();
        Random random = new Random(1);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            all.add(i % 10 == 0 ? "other-" + i : RandomClinic.eventId(random));
        }
        all.forEach(id -> assertThat(ids.add(id)).isTrue());
        all.forEach(id -> assertThat(ids.add(id)).isFalse());
        assertThat(ids.size()).isEqualTo(all.size());
        assertThat(ids.add("evt_" + "A".repeat(16))).isTrue();
        assertThat(ids.add("evt_" + "A".repeat(15) + "B")).isTrue();
        assertThat(ids.add("evt_" + "A".repeat(15) + "!")).isTrue(); // not base-64: kept as a string
        assertThat(ids.add("evt_" + "A".repeat(15) + "!")).isFalse();
    }

    IndicatorProjection roundTrip(IndicatorProjection projection) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            projection.writeTo(out);
        }
        return IndicatorProjection.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), policy);
    }

    /** Random but coherent clinic activity: requests, consultations, plans, sessions, bills, safety events. */
    static final class RandomClinic {
        static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
        private static final String BASE64 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";

        private final Random random;
        private final int sites;
        private final List<ClinicEvent> events = new ArrayList<>();
        private int next;

        RandomClinic(Random random, int sites) {
            this.random = random;
            this.sites = sites;
        }

        static String eventId(Random random) {
            StringBuilder id = new StringBuilder("evt_");
            for (int i = 0; i < 16; i++) {
                id.append(BASE64.charAt(random.nextInt(64)));
            }
            return id.toString();
        }

        String id(String prefix) {
            return prefix + (next++);
        }

        String site() {
            return "site_" + random.nextInt(sites);
        }

        Instant at(double maxDays) {
            return T0.plusMillis((long) (random.nextDouble() * maxDays * 86_400_000L));
        }

        <T> T pick(T[] values) {
            return values[random.nextInt(values.length)];
        }

        BigDecimal money() {
            return BigDecimal.valueOf(random.nextInt(60_000), 2);
        }

        List<RecordedEvent> events(int patients) {
            for (int s = 0; s < sites; s++) {
                for (int u = 0; u < 1 + random.nextInt(2); u++) {
                    events.add(new SiteUpdated(
                            "site_" + s,
                            "Site",
                            pick(new String[] {"Europe/Berlin", "America/Chicago", "Nowhere/Else"}),
                            "USD",
                            4,
                            List.of(),
                            true,
                            at(5)));
                }
            }
            List<String> patientIds = new ArrayList<>();
            for (int p = 0; p < patients; p++) {
                patientIds.add(id("p_"));
            }
            for (String patient : patientIds) {
                patient(patient);
            }
            List<RecordedEvent> recorded = new ArrayList<>();
            for (ClinicEvent event : events) {
                String id = random.nextInt(5) == 0 ? id("other-id-") : eventId(random);
                recorded.add(new RecordedEvent(id, at(60), event));
            }
            return recorded;
        }

        void patient(String patient) {
            String site = site();
            int requests = 1 + (random.nextInt(5) == 0 ? 1 : 0);
            for (int r = 0; r < requests; r++) {
                String requestId = id("req_");
                Instant requestedAt = at(60);
                Condition condition = pick(Condition.values());
                boolean urgent = random.nextInt(4) == 0;
                if (random.nextInt(12) != 0) {
                    events.add(new ConsultationRequested(
                            requestId,
                            patient,
                            site,
                            condition,
                            ReferralSource.SELF,
                            pick(PayerType.values()),
                            urgent,
                            requestedAt));
                }
                if (random.nextInt(6) == 0) {
                    events.add(new TreatmentDeclined(
                            requestId,
                            patient,
                            site,
                            "cl",
                            TreatmentDeclined.Decision.DECLINED,
                            "X",
                            requestedAt.plusSeconds(86_400)));
                    continue;
                }
                int consultations = random.nextInt(3);
                for (int c = 0; c < consultations; c++) {
                    String apt = id("apt_");
                    Instant startsAt = requestedAt.plusSeconds(random.nextInt(10 * 86_400) - 86_400);
                    events.add(new ConsultationScheduled(
                            apt,
                            requestId,
                            patient,
                            site,
                            "cl",
                            random.nextInt(5) == 0,
                            requestedAt,
                            startsAt,
                            startsAt.plusSeconds(3600),
                            requestedAt.plusSeconds(60)));
                    if (random.nextBoolean()) {
                        events.add(new ConsultationCompleted(
                                apt, requestId, patient, site, "cl", startsAt, startsAt.plusSeconds(3600)));
                    }
                }
                for (int s = 0; s < random.nextInt(3); s++) {
                    events.add(screening(
                            requestId, patient, site, condition, requestedAt.plusSeconds(random.nextInt(5 * 86_400))));
                }
                if (consultations > 0 && random.nextInt(3) > 0) {
                    plan(requestId, patient, random.nextInt(8) == 0 ? site() : site, condition, requestedAt);
                }
            }
        }

        PatientScreened screening(String requestId, String patient, String site, Condition condition, Instant at) {
            return new PatientScreened(
                    requestId,
                    patient,
                    site,
                    condition,
                    random.nextInt(12) == 0 ? 28 + random.nextInt(60) : random.nextInt(28), // some off the scale
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
                    at);
        }

        void plan(String requestId, String patient, String site, Condition condition, Instant requestedAt) {
            String planId = id("plan_");
            Protocol protocol = pick(Protocol.values());
            Instant approvedAt = requestedAt.plusSeconds(random.nextInt(20 * 86_400));
            if (random.nextInt(6) != 0) {
                events.add(new TreatmentPlanApproved(
                        planId,
                        requestId,
                        patient,
                        site,
                        "cl",
                        condition,
                        protocol,
                        Route.IV_INFUSION,
                        4,
                        1,
                        7,
                        true,
                        40,
                        80,
                        new BigDecimal("0.5"),
                        new BigDecimal("35"),
                        true,
                        pick(PayerType.values()),
                        false,
                        approvedAt));
            }
            if (random.nextInt(6) == 0) {
                events.add(screening(
                        id("req_"), patient, site, condition, approvedAt.minusSeconds(random.nextInt(86_400))));
            }
            int sessions = random.nextInt(5);
            boolean completes = random.nextBoolean();
            for (int n = 1; n <= sessions; n++) {
                String apt = id("apt_");
                Instant startsAt = approvedAt.plusSeconds(n * 3L * 86_400 + random.nextInt(86_400));
                events.add(new InfusionScheduled(
                        apt,
                        planId,
                        patient,
                        site,
                        "chair",
                        n,
                        sessions,
                        protocol,
                        startsAt,
                        startsAt.plusSeconds(7200),
                        approvedAt));
                int outcome = random.nextInt(10);
                if (outcome == 0) {
                    events.add(new InfusionCancelled(
                            apt,
                            planId,
                            patient,
                            site,
                            n,
                            startsAt,
                            InfusionCancelled.Reason.OTHER,
                            random.nextBoolean(),
                            false,
                            startsAt.minusSeconds(3600)));
                    continue;
                }
                if (outcome == 1) {
                    events.add(new PatientNoShow(apt, planId, patient, site, n, startsAt, startsAt));
                    continue;
                }
                if (outcome == 2) {
                    events.add(new SessionStopped(
                            apt,
                            planId,
                            patient,
                            site,
                            "chair",
                            n,
                            sessions,
                            protocol,
                            Route.IV_INFUSION,
                            pick(SessionStopped.Reason.values()),
                            new BigDecimal("12.5"),
                            random.nextInt(40),
                            startsAt,
                            startsAt.plusSeconds(1200)));
                    if (random.nextBoolean()) {
                        adverseEvent(apt, patient, site, startsAt);
                    }
                    continue;
                }
                boolean phq9 = random.nextInt(4) > 0;
                events.add(new SessionCompleted(
                        apt,
                        planId,
                        patient,
                        site,
                        "chair",
                        n,
                        sessions,
                        protocol,
                        Route.IV_INFUSION,
                        new BigDecimal("35"),
                        40,
                        80,
                        phq9 ? SymptomScale.PHQ9 : pick(SymptomScale.values()),
                        random.nextInt(5) == 0 ? null : score(),
                        completes && n == sessions,
                        startsAt,
                        startsAt.plusSeconds(7200 + random.nextInt(600))));
                if (random.nextInt(4) > 0) {
                    invoice(apt, patient, site, startsAt);
                }
                if (random.nextInt(8) == 0) {
                    adverseEvent(apt, patient, site, startsAt);
                }
                if (random.nextInt(8) == 0) {
                    events.add(new VitalsAlertRaised(
                            id("alr_"),
                            apt,
                            patient,
                            site,
                            pick(new String[] {"SPO2_LOW", "BP_SEVERE", "RR_LOW"}),
                            120,
                            80,
                            80,
                            95,
                            14,
                            startsAt,
                            startsAt));
                }
            }
            if (random.nextInt(5) == 0) {
                invoice(null, patient, site, approvedAt);
            }
        }

        /** A PHQ-9 session score; now and then one off the scale (a producer's error), to be ignored. */
        int score() {
            return random.nextInt(12) == 0 ? 28 + random.nextInt(60) : random.nextInt(28);
        }

        void adverseEvent(String apt, String patient, String site, Instant startsAt) {
            String ae = id("ae_");
            events.add(new AdverseEventReported(
                    ae,
                    apt,
                    patient,
                    site,
                    pick(AdverseEventCategory.values()),
                    1 + random.nextInt(6),
                    false,
                    "OBS",
                    "RESOLVED",
                    startsAt,
                    startsAt));
            if (random.nextBoolean()) {
                String hold = id("hold_");
                events.add(new ClinicalHoldPlaced(hold, patient, site, ae, 3, startsAt));
                if (random.nextBoolean()) {
                    events.add(new ClinicalHoldReleased(
                            hold, patient, site, "cl", startsAt, startsAt.plusSeconds(86_400)));
                }
            }
        }

        void invoice(String apt, String patient, String site, Instant at) {
            String invoiceId = id("inv_");
            BigDecimal subtotal = money();
            BigDecimal discount = random.nextBoolean() ? BigDecimal.ZERO : subtotal.divide(BigDecimal.TEN);
            BigDecimal total = subtotal.subtract(discount);
            events.add(new InvoiceIssued(
                    invoiceId,
                    patient,
                    site,
                    pick(PayerType.values()),
                    apt == null ? pick(InvoiceIssued.Source.values()) : InvoiceIssued.Source.SESSION,
                    apt,
                    "USD",
                    List.of(),
                    subtotal,
                    discount,
                    total,
                    random.nextBoolean() ? total : total.divide(BigDecimal.valueOf(2)),
                    random.nextInt(4) == 0,
                    at));
            for (int p = 0; p < random.nextInt(3); p++) {
                events.add(new PaymentReceived(
                        id("pay_"),
                        invoiceId,
                        patient,
                        site,
                        random.nextInt(5) == 0 ? PaymentReceived.Kind.REFUND : PaymentReceived.Kind.PAYMENT,
                        PaymentReceived.Method.CARD,
                        money(),
                        "USD",
                        BigDecimal.ZERO,
                        at.plusSeconds(3600)));
            }
        }
    }
}
