package org.clinicops.monitoring.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.clinicops.events.PatientScreened;
import org.clinicops.events.Protocol;
import org.clinicops.events.Route;
import org.clinicops.events.SessionCompleted;
import org.clinicops.events.SessionStopped;
import org.clinicops.events.SymptomScale;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The projection's figures depend only on the set of events: random event streams folded in any
 * order, with redeliveries, after a round trip through the stored document and while it keeps
 * folding after a snapshot give the figures of the same events folded once in order. (The figures
 * themselves are {@code IndicatorDefinitionsTest}'s and {@code GoldenIndicatorsTest}'s.)
 */
class IndicatorProjectionTest {

    final IndicatorPolicy policy = IndicatorPolicy.defaults();

    @Test
    void theKnownHistoryIsFoldedOnceAndNamesTheSitesZones() {
        IndicatorProjection projection = new IndicatorProjection(policy);
        ClinicHistory.events().forEach(projection::apply);
        ClinicHistory.events().forEach(projection::apply);

        assertThat(projection.facts()).isEqualTo(ClinicHistory.events().size());
        assertThat(projection.zoneOf("site_b")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(projection.zoneOf("site_a")).isEqualTo(ZoneOffset.UTC);
    }

    @RepeatedTest(40)
    void randomStreamsInAnyOrderWithRedeliveriesGiveTheFiguresOfTheEventsFoldedOnce(RepetitionInfo repetition) {
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
        IndicatorProjection inOrder = new IndicatorProjection(policy);
        events.forEach(inOrder::apply);
        for (Instant now : nows) {
            Indicators expected = inOrder.snapshot(now);
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
    void stoppedSessionsAreCountedApartFromCompletedOnesByReason() {
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

        assertThat(site.throughput().infusionsCompleted())
                .as("stopped sessions are not completed ones")
                .isEqualTo(1);
        assertThat(site.throughput().sessionsStopped())
                .containsEntry(SessionStopped.Reason.ADVERSE_EVENT, 2L)
                .containsEntry(SessionStopped.Reason.TRANSFER, 1L)
                .containsEntry(SessionStopped.Reason.PATIENT_REQUEST, 0L)
                .containsEntry(SessionStopped.Reason.EQUIPMENT, 0L);
        assertThat(site.throughput().sessionsStoppedTotal()).isEqualTo(3);
        // one adverse event over the four infusions given (one completed, three stopped)
        assertThat(site.safety(Window.ALL_TIME).adverseEventsPer100Infusions()).isEqualTo(25.0);
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
        assertThat(site.outcomes(Window.ALL_TIME).depressionCoursesEvaluated()).isEqualTo(1);
        assertThat(site.outcomes(Window.ALL_TIME).response()).isEqualTo(new Ratio(0, 1));
        assertThat(site.outcomes(Window.ALL_TIME).remission()).isEqualTo(new Ratio(0, 1));

        // a screening PHQ-9 off the scale is no baseline: the course is not evaluated
        history.replaceAll(
                f -> f.event() instanceof PatientScreened p ? new RecordedEvent(f.id(), f.time(), withPhq9(p, 99)) : f);
        IndicatorProjection offScale = new IndicatorProjection(policy);
        history.forEach(offScale::apply);
        assertThat(offScale.snapshot(ClinicHistory.NOW)
                        .site("site_a")
                        .orElseThrow()
                        .outcomes(Window.ALL_TIME)
                        .depressionCoursesEvaluated())
                .isZero();
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
        assertThat(SymptomScale.PHQ9.admits(0)).isTrue();
        assertThat(SymptomScale.PHQ9.admits(27)).isTrue();
        assertThat(SymptomScale.PHQ9.admits(28)).isFalse();
        assertThat(SymptomScale.PHQ9.admits(-1)).isFalse();
        assertThat(SymptomScale.GAD7.admits(21)).isTrue();
        assertThat(SymptomScale.GAD7.admits(22)).isFalse();
        assertThat(SymptomScale.PCL5.admits(80)).isTrue();
        assertThat(SymptomScale.PCL5.admits(81)).isFalse();
        assertThat(SymptomScale.PAIN_NRS.admits(10)).isTrue();
        assertThat(SymptomScale.PAIN_NRS.admits(11)).isFalse();
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

    /** The projection as a stored document gives it back (the store's serialised form is tested with it). */
    IndicatorProjection roundTrip(IndicatorProjection projection) {
        return IndicatorProjection.restore(projection.document(), policy);
    }

    @Test
    void eventIdsSurviveTheirStoredForm() {
        EventIdSet ids = new EventIdSet();
        Random random = new Random(3);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            all.add(i % 10 == 0 ? "other-" + i : RandomClinic.eventId(random));
        }
        all.forEach(ids::add);

        EventIdSet restored = EventIdSet.of(ids.contents());

        assertThat(restored.size()).isEqualTo(all.size());
        all.forEach(id -> assertThat(restored.add(id)).isFalse());
        assertThat(restored.add(RandomClinic.eventId(random))).isTrue();
    }
}
